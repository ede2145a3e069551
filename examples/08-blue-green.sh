#!/bin/sh
# Blue/green with plain Kubernetes: two Deployments, one Service whose selector picks a colour; switching
# the selector moves all traffic at once, and switching back is the rollback.
. "$(dirname "$0")/lib.sh"
for colour in blue green; do
  image=nginx:1.25; [ "$colour" = green ] && image=nginx:1.26
  cat > /tmp/web-$colour.yaml <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-$colour}
spec:
  replicas: 3
  selector: {matchLabels: {app: web, colour: $colour}}
  template:
    metadata: {labels: {app: web, colour: $colour, version: $colour}}
    spec:
      containers: [{name: web, image: $image}]
YAML
  kubectl apply -f /tmp/web-$colour.yaml
done
printf 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web, colour: blue}\n  ports: [{port: 80}]\n' > /tmp/web-svc.yaml
kubectl apply -f /tmp/web-svc.yaml
advance 5s
traffic web 200
kubectl patch svc web -p '{"spec":{"selector":{"colour":"green"}}}'
traffic web 200
kubectl get ep web
