#!/bin/sh
# Recreate scales the old ReplicaSet to 0 and waits for its pods to be gone before the new one starts:
# there is a moment with no pod at all. RollingUpdate (maxSurge 1, maxUnavailable 0) never drops below 3.
. "$(dirname "$0")/lib.sh"
kubectl apply -f manifests/vweb.yaml
kubectl patch deploy vweb -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'
advance 5s
kubectl set image deploy/vweb web=nginx:1.26
kubectl get pods
traffic vweb 100
advance 30s
kubectl get pods
kubectl get events --field-selector involvedObject.kind=Deployment -o custom-columns=REASON:.reason,MESSAGE:.message
