#!/bin/sh
# A broken image never becomes Ready: with maxUnavailable 0 the old pods keep serving, and after
# progressDeadlineSeconds the Deployment reports ProgressDeadlineExceeded; undo recovers.
. "$(dirname "$0")/lib.sh"
kubectl apply -f manifests/vweb.yaml
kubectl patch deploy vweb -p '{"spec":{"progressDeadlineSeconds":60}}'
advance 5s
kubectl patch deploy vweb -p '{"spec":{"template":{"metadata":{"annotations":{"sim.chartroom.dev/fail":"ErrImagePull"}},"spec":{"containers":[{"name":"web","image":"nginx:9.99"}]}}}}'
advance 30s
kubectl get pods
kubectl rollout status deploy/vweb --watch=false
advance 40s
kubectl rollout status deploy/vweb --watch=false
kubectl describe deploy vweb
traffic vweb 100
kubectl rollout undo deploy/vweb
advance 5s
kubectl rollout status deploy/vweb --watch=false
