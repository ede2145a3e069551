#!/bin/sh
# A chart with a dependency from the class repository: dependency update, Chart.lock, install, values by alias.
. "$(dirname "$0")/helm-lib.sh"
class_repo
cp -R "$HERE/charts/shop" "$WORK/shop"
cd "$WORK" && HERE=$WORK
helm dependency list shop
helm dependency update shop
helm dependency list shop
say "Chart.lock pins the version the constraint ~0.1.0 resolved to"
show cat shop/Chart.lock
sed 's/^generated: .*/generated: (the time of the run)/' shop/Chart.lock
helm lint shop
helm install shop ./shop --set front.image.tag=1.26
advance 5s
kubectl get deploy,cm
helm get values shop --all
