# Shared by the Helm walkthroughs (10-…): lib.sh, plus `helm` and a repository of the class.
#
# Needs a server on a virtual clock (see lib.sh). Each walkthrough gets its own Helm client settings (a
# temporary repositories.yaml and cache, removed at exit) and its own cluster; it pushes the charts it
# needs to the server with `helm cm-push --force`, so it can be replayed against the same server.
# tsx by path, so commands also run from a copy of a chart outside the project (14-…).
CHARTROOM=${CHARTROOM:-"node --import $(cd "$(dirname "$0")/.." && pwd)/node_modules/tsx/dist/loader.mjs $(cd "$(dirname "$0")/.." && pwd)/src/cli/main.ts"}
. "$(dirname "$0")/lib.sh"
SERVER=${CHARTROOM_SERVER:-http://localhost:8080}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HELM_REPOSITORY_CONFIG="$WORK/repositories.yaml" HELM_REPOSITORY_CACHE="$WORK/cache"

# helm ARGS: print `$ helm ARGS`, run it, and stop the walkthrough if it fails.
helm() {
  show helm "$@"
  (cd "$HERE" && $CHARTROOM helm --cluster "$CLUSTER" "$@") || { echo "walkthrough: helm $* failed" >&2; exit 1; }
}

# helm_fails ARGS: a command that must fail: print it and its exit code; stop the walkthrough if it succeeds.
helm_fails() {
  show helm "$@"
  if (cd "$HERE" && $CHARTROOM helm --cluster "$CLUSTER" "$@" 2>&1); then echo "walkthrough: helm $* should have failed" >&2; exit 1; fi
  echo "[exit 1]"
}

# class_repo: push the walkthrough chart (examples/charts/vweb) and add the server as repository "class".
class_repo() {
  helm cm-push charts/vweb "$SERVER" --force
  helm repo add class "$SERVER"
}
