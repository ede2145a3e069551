/**
 * The starter chart's top-level files: Chart.yaml, values.yaml and .helmignore, with the chart-name
 * placeholder where the name goes. Chartroom's own text, written to teach; scaffold.ts puts the
 * chart together.
 */

/** Chart.yaml: what the chart is, its own version and the version of the software it installs. */
export const CHART_YAML = `# Chart.yaml is the chart's identity card. Helm reads it first.
apiVersion: v2
name: <CHARTNAME>
description: A starter chart from chartroom helm create. Replace this line with what your chart runs.

# "application" charts install things; "library" charts only share template helpers.
type: application

# The chart's own version (SemVer). Raise it every time anything in this folder changes,
# so that each packaged .tgz in a repository is a different, immutable version.
version: 0.1.0

# The version of the software the chart installs. The image tag falls back to it
# (see image.tag in values.yaml). Quote it so YAML keeps it a string.
appVersion: "1.27.0"
`;

/** values.yaml: every setting the templates read, each with a comment saying what it changes. */
export const VALUES_YAML = `# Settings for the <CHARTNAME> chart.
#
# Templates read these as .Values.<key>. Override any of them when installing:
#   helm install my-release ./<CHARTNAME> --set replicaCount=3
#   helm install my-release ./<CHARTNAME> -f my-settings.yaml
# Run "helm template my-release ./<CHARTNAME>" to see the manifests your settings produce.

# Number of identical pods the Deployment keeps running.
replicaCount: 1

image:
  # Where the container image comes from.
  repository: nginx
  # Leave empty to use appVersion from Chart.yaml; set it to pin another tag.
  tag: ""
  # IfNotPresent reuses an image the node already has; Always pulls it on every start.
  pullPolicy: IfNotPresent

# The port the application listens on inside the container.
containerPort: 80

# How an upgrade replaces old pods with new ones (a RollingUpdate).
updateStrategy:
  # How many extra pods, above replicaCount, may run while the new version starts.
  maxSurge: 1
  # How many pods, below replicaCount, may be unavailable during the upgrade.
  # 0 means capacity never drops: each old pod goes only once a new one is ready.
  maxUnavailable: 0

# A pod receives traffic only after this HTTP check succeeds.
readinessProbe:
  path: /
  initialDelaySeconds: 3
  periodSeconds: 10

# The Service gives the pods one stable address inside the cluster.
service:
  # ClusterIP: reachable inside the cluster only. NodePort or LoadBalancer expose it outside.
  type: ClusterIP
  # The port clients connect to; traffic goes on to containerPort.
  port: 80

# CPU and memory the container asks for (requests) and may not exceed (limits).
# Empty means "no opinion"; a shared cluster usually wants something like:
#   requests:
#     cpu: 50m
#     memory: 64Mi
#   limits:
#     memory: 128Mi
resources: {}

# An Ingress routes HTTP from outside the cluster to the Service by host name.
# It needs an ingress controller in the cluster, so it is off until you turn it on.
ingress:
  enabled: false
  # The IngressClass to use; empty means the cluster's default class.
  className: ""
  host: <CHARTNAME>.example.local
  path: /
  pathType: Prefix
  # Name of a TLS Secret for the host; empty serves plain HTTP.
  tlsSecretName: ""
`;

/** .helmignore: files left out when the chart folder is packaged. */
export const HELMIGNORE = `# Files and folders matching these patterns stay out of the packaged chart
# ("helm package"). One pattern per line; "#" starts a comment.

# Version control
.git/
.gitignore

# Editors and operating systems
.vscode/
.idea/
*.swp
*~
.DS_Store

# Scratch files
*.bak
*.tmp
*.orig
`;
