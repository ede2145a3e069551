#!/bin/sh
# Install from the class repository with --set; an upgrade that only scales is a new Helm revision but no rollout.
. "$(dirname "$0")/helm-lib.sh"
class_repo
helm search repo class/vweb
helm install web class/vweb --set replicaCount=3
advance 5s
kubectl get deploy,rs
helm get values web
say "only replicaCount changes: Helm makes revision 2, the Deployment keeps its ReplicaSet"
helm upgrade web class/vweb --reuse-values --set replicaCount=5
advance 5s
kubectl get rs
helm history web
kubectl rollout history deploy/web
kubectl get secrets -l owner=helm
