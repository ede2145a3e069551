#!/bin/sh
# Regenerates test/fixtures/yaml/golden.json: builds the corpus (test/yaml/corpus), runs it through
# the Go oracle (sigs.k8s.io/yaml v1.6.0 Marshal) and writes the results. Needs Go and the module
# proxy; the TS tests only read the committed golden file. Read the diff before committing it.
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
bin=${TMPDIR:-/tmp}/chartroom-goyaml-oracle
(cd "$root/test/yaml/oracle" && GOFLAGS=-mod=mod go build -o "$bin" .)
cd "$root"
npx tsx test/yaml/corpus/print.ts | "$bin" > test/fixtures/yaml/golden.json.tmp
mv test/fixtures/yaml/golden.json.tmp test/fixtures/yaml/golden.json
echo "wrote test/fixtures/yaml/golden.json"
