#!/bin/sh
# A failed upgrade with --atomic: the pods never become ready, Helm waits until --timeout, then rolls back.
. "$(dirname "$0")/helm-lib.sh"
class_repo
helm install web class/vweb --wait
say "the simulator fails pods whose template carries sim.chartroom.dev/fail (a dotted key: escape the dots)"
helm_fails upgrade web class/vweb --atomic --timeout 30s --set image.tag=9.99 --set 'podAnnotations.sim\.chartroom\.dev/fail=ErrImagePull'
helm history web
kubectl get rs
helm get values web
say "without --atomic the failed revision stays failed, and the previous one stays deployed"
helm_fails upgrade web class/vweb --wait --timeout 20s --set image.tag=9.99 --set 'podAnnotations.sim\.chartroom\.dev/fail=ErrImagePull'
helm history web
helm list --all
