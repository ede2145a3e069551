#!/usr/bin/env bash
# Regenerates the golden files of the Sprig differential corpus (Masterminds/sprig v3.3.0 from the Go
# module proxy):
#
#   test/helm/sprig/oracle/regen.sh
#
# Builds the oracle into /tmp, writes each case list of test/helm/sprig/corpus as JSON and runs it through
# the oracle into test/fixtures/sprig/<list>.json. Read the git diff of the fixtures before committing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
bin=/tmp/chartroom-sprig-oracle
(cd "$here" && go build -o "$bin" .)
mkdir -p "$root/test/fixtures/sprig"
cd "$root"
for list in $(npx tsx test/helm/sprig/corpus/emit.ts --list); do
  npx tsx test/helm/sprig/corpus/emit.ts "$list" | "$bin" > "test/fixtures/sprig/$list.json"
  echo "wrote test/fixtures/sprig/$list.json"
done
