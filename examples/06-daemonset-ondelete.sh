#!/bin/sh
# A DaemonSet with updateStrategy OnDelete: a new template changes no pod until you delete one; the
# replacement is created from the new template.
. "$(dirname "$0")/lib.sh"
cat > /tmp/agent.yaml <<'YAML'
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  updateStrategy: {type: OnDelete}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: fluentd:1.16}]
YAML
kubectl apply -f /tmp/agent.yaml
advance 5s
kubectl set image ds/agent agent=fluentd:1.17
advance 30s
kubectl get pods -l app=agent -o custom-columns=POD:.metadata.name,NODE:.spec.nodeName,IMAGE:.spec.containers[0].image --sort-by=.spec.nodeName
POD=$($CHARTROOM kubectl --cluster "$CLUSTER" get pods -l app=agent --field-selector spec.nodeName=node-1 -o jsonpath='{.items[0].metadata.name}')
kubectl delete pod "$POD"
advance 35s
kubectl get pods -l app=agent -o custom-columns=POD:.metadata.name,NODE:.spec.nodeName,IMAGE:.spec.containers[0].image --sort-by=.spec.nodeName
kubectl get ds agent
