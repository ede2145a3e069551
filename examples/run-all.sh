#!/bin/sh
# Runs every walkthrough in order against CHARTROOM_SERVER (a server started with --sim-clock=virtual),
# printing each transcript under its name: the output pasted in the README's Simulator section.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
for script in "$HERE"/[0-9][0-9]-*.sh; do
  printf '==> %s\n' "$(basename "$script")"
  sh "$script"
  printf '\n'
done
