#!/usr/bin/env bash
# Regenerates the golden files of the Go text/template differential corpus.
#
#   test/gotemplate/oracle/regen.sh
#
# 1. builds the oracle (Go standard library only) into /tmp,
# 2. writes every case list (test/gotemplate/corpus/*.ts, and the random generator) as JSON,
# 3. runs each list through the oracle into test/fixtures/gotemplate/<list>.json.
# Read the git diff of the fixtures before committing them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin=/tmp/chartroom-gotemplate-oracle
(cd "$here" && go build -o "$bin" .)
mkdir -p "$root/test/fixtures/gotemplate"
cd "$root"
for list in $(npx tsx test/gotemplate/corpus/emit.ts --list); do
  npx tsx test/gotemplate/corpus/emit.ts "$list" | "$bin" > "test/fixtures/gotemplate/$list.json"
  echo "wrote test/fixtures/gotemplate/$list.json"
done
