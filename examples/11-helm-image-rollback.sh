#!/bin/sh
# An upgrade that changes the image is a rollout (a new ReplicaSet); history; rollback makes a new revision.
. "$(dirname "$0")/helm-lib.sh"
class_repo
helm install web class/vweb --wait
kubectl get rs
helm upgrade web class/vweb --set image.tag=1.26 --wait
kubectl get rs
kubectl rollout history deploy/web
helm history web
say "back to revision 1: Helm writes revision 3, a copy of 1; the Deployment rolls back to its first ReplicaSet"
helm rollback web 1 --wait
kubectl get rs
helm history web
helm status web
