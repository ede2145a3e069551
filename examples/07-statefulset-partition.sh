#!/bin/sh
# A StatefulSet RollingUpdate with partition 2 updates only ordinals >= 2 (a staged rollout); lowering the
# partition to 0 updates the rest, highest ordinal first, one at a time.
. "$(dirname "$0")/lib.sh"
cat > /tmp/db.yaml <<'YAML'
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 3
  selector: {matchLabels: {app: db}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres:16}]
YAML
kubectl apply -f /tmp/db.yaml
advance 20s
kubectl set image sts/db db=postgres:17
advance 40s
kubectl rollout status sts/db --watch=false
kubectl get pods -l app=db -o custom-columns=POD:.metadata.name,IMAGE:.spec.containers[0].image,AGE:.metadata.creationTimestamp
kubectl patch sts db -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'
advance 40s
kubectl get pods -l app=db -o custom-columns=POD:.metadata.name,IMAGE:.spec.containers[0].image,AGE:.metadata.creationTimestamp
kubectl rollout history sts/db
