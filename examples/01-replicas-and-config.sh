#!/bin/sh
# A replicas-only change and a ConfigMap change are not rollouts: no new ReplicaSet, no new revision.
. "$(dirname "$0")/lib.sh"
kubectl apply -f manifests/vweb.yaml
advance 5s
kubectl scale deploy/vweb --replicas=5
advance 5s
kubectl get rs
kubectl rollout history deploy/vweb
say "a ConfigMap the pods read: changing it changes no pod template"
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: vweb-config}\ndata: {color: blue}\n' > /tmp/vweb-config.yaml
kubectl apply -f /tmp/vweb-config.yaml
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: vweb-config}\ndata: {color: green}\n' > /tmp/vweb-config.yaml
kubectl apply -f /tmp/vweb-config.yaml
kubectl get rs
kubectl rollout history deploy/vweb
