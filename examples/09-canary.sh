#!/bin/sh
# A canary by replica ratio: the Service selects app=web; 9 stable pods and 1 canary pod share the traffic
# about 90/10. Scaling the canary up and the stable down shifts the split.
. "$(dirname "$0")/lib.sh"
for track in stable canary; do
  image=nginx:1.25; replicas=9
  [ "$track" = canary ] && image=nginx:1.26 && replicas=1
  cat > /tmp/web-$track.yaml <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-$track}
spec:
  replicas: $replicas
  selector: {matchLabels: {app: web, track: $track}}
  template:
    metadata: {labels: {app: web, track: $track, version: $track}}
    spec:
      containers: [{name: web, image: $image}]
YAML
  kubectl apply -f /tmp/web-$track.yaml
done
printf 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n' > /tmp/web-svc.yaml
kubectl apply -f /tmp/web-svc.yaml
advance 5s
traffic web 1000
kubectl scale deploy/web-canary --replicas=5
kubectl scale deploy/web-stable --replicas=5
advance 5s
traffic web 1000
