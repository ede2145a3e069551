#!/bin/sh
# An image change and a label change in the pod template are rollouts (new ReplicaSet, new revision);
# undo to a revision reuses that revision's ReplicaSet, which becomes the newest revision.
. "$(dirname "$0")/lib.sh"
kubectl apply -f manifests/vweb.yaml
advance 5s
kubectl set image deploy/vweb web=nginx:1.26
kubectl rollout status deploy/vweb --watch=false
advance 5s
kubectl get rs
traffic vweb 100
advance 10s
kubectl rollout status deploy/vweb --watch=false
kubectl patch deploy vweb -p '{"spec":{"template":{"metadata":{"labels":{"version":"v2"}}}}}'
advance 15s
kubectl get rs -o custom-columns=NAME:.metadata.name,DESIRED:.spec.replicas,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision,IMAGE:.spec.template.spec.containers[0].image,VERSION:.spec.template.metadata.labels.version
kubectl rollout history deploy/vweb
kubectl rollout history deploy/vweb --revision=2
kubectl rollout undo deploy/vweb --to-revision=1
advance 15s
kubectl rollout history deploy/vweb
kubectl get deploy vweb -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
