#!/bin/sh
# Rewrites the kubectl golden transcripts in test/fixtures/kubectl/ from the simulator's current output.
# Read `git diff test/fixtures/kubectl` before committing: every changed line must be what kubectl prints.
set -e
cd "$(dirname "$0")/.."
CHARTROOM_UPDATE_GOLDEN=1 npx vitest run test/cli/kubectl-golden.test.ts
git --no-pager diff --stat -- test/fixtures/kubectl
