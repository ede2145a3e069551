#!/bin/sh
# maxSurge/maxUnavailable: DESIRED/READY of the old and new ReplicaSets every 5 s of virtual time (pods
# become Ready 5 s after they are created) until the rollout is complete. One cluster per combination.
. "$(dirname "$0")/lib.sh"
BASE=$CLUSTER
for combo in "3 1 0" "3 0 1" "3 1 1" "3 25% 25%" "10 25% 25%"; do
  set -- $combo
  CLUSTER="$BASE-$1-$(echo "$2-$3" | tr -d %)"
  say "replicas $1, maxSurge $2, maxUnavailable $3"
  sed -e "s/replicas: 3/replicas: $1/" -e "s/{maxSurge: 1, maxUnavailable: 0}/{maxSurge: $2, maxUnavailable: $3}/" "$HERE/manifests/vweb.yaml" > /tmp/vweb-$CLUSTER.yaml
  $CHARTROOM kubectl --cluster "$CLUSTER" apply -f /tmp/vweb-$CLUSTER.yaml > /dev/null
  $CHARTROOM sim advance 5s --cluster "$CLUSTER" > /dev/null
  $CHARTROOM kubectl --cluster "$CLUSTER" set image deploy/vweb web=nginx:1.26 > /dev/null
  for step in 0 1 2 3 4 5 6 7 8; do
    # readyReplicas is omitted from the status when it is 0, so an empty value reads as 0.
    line=$($CHARTROOM kubectl --cluster "$CLUSTER" get rs --sort-by=.metadata.creationTimestamp -o jsonpath='{range .items[*]}{.spec.replicas}/{.status.readyReplicas} {end}' | sed 's#/ #/0 #g')
    printf 't=%-4s old %-6s new %s\n' "$((step * 5))s" $line
    if $CHARTROOM kubectl --cluster "$CLUSTER" rollout status deploy/vweb --watch=false | grep -q successfully; then break; fi
    $CHARTROOM sim advance 5s --cluster "$CLUSTER" > /dev/null
  done
done
