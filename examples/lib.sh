# Shared by the walkthroughs: run a chartroom command and print it first, as a terminal transcript.
#
# Needs a server on a virtual clock:   chartroom --sim-clock=virtual   (or: npm start -- --sim-clock=virtual)
# Environment: CHARTROOM_SERVER (default http://localhost:8080); CHARTROOM, the command that runs the CLI
# (default: the TypeScript sources through tsx). Each walkthrough uses a cluster of its own (`--cluster`,
# named after the script; CLUSTER overrides it). Nothing deletes that cluster, so a second run against the
# same server starts from the first run's state: replay one on a fresh server or with another CLUSTER.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
CHARTROOM=${CHARTROOM:-"node --import tsx $ROOT/src/cli/main.ts"}
CLUSTER=${CLUSTER:-$(basename "$0" .sh)}

# show WORD...: print `$ WORD...`, quoting each word as a shell would need it.
show() {
  line='$'
  for word in "$@"; do
    case $word in
      *[!A-Za-z0-9_./=:,@%+-]* | '') word="'$(printf '%s' "$word" | sed "s/'/'\\\\''/g")'" ;;
    esac
    line="$line $word"
  done
  printf '%s\n' "$line"
}

# kubectl ARGS: print `$ kubectl ARGS`, then run it (a failing command does not stop the walkthrough).
kubectl() {
  show kubectl "$@"
  (cd "$HERE" && $CHARTROOM kubectl --cluster "$CLUSTER" "$@") || true
}

# advance DURATION: move the cluster's virtual clock.
advance() {
  show chartroom sim advance "$1"
  $CHARTROOM sim advance "$1" --cluster "$CLUSTER"
}

# traffic SERVICE N: send N simulated requests through a Service.
traffic() {
  show chartroom sim traffic "svc/$1" --requests "$2"
  $CHARTROOM sim traffic "svc/$1" --requests "$2" --cluster "$CLUSTER"
}

# say TEXT: a comment line in the transcript.
say() {
  printf '# %s\n' "$*"
}
