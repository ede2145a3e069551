#!/bin/sh
# uninstall --keep-history keeps the release records (status uninstalled); plain uninstall deletes them all.
. "$(dirname "$0")/helm-lib.sh"
class_repo
helm install web class/vweb
advance 5s
helm upgrade web class/vweb --set replicaCount=1
advance 5s
kubectl get secrets
helm uninstall web --keep-history
helm list --all
helm history web
kubectl get secrets
kubectl get deploy
say "the name stays taken until the kept history goes"
helm_fails install web class/vweb
helm uninstall web
helm list --all
kubectl get secrets
helm install web class/vweb
