/**
 * The chart the console's release tests install: `site`, one Deployment of `replicaCount` nginx pods
 * (maxSurge 1, maxUnavailable 0) whose image tag is a value, so an upgrade with another tag rolls out.
 */
import { buildChart } from '../helpers/charts.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  strategy:
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
    spec:
      containers:
      - name: web
        image: "nginx:{{ .Values.image.tag }}"
`;

/** `site` at `version`, appVersion and default image tag `tag`, 2 replicas; `description` for Chart.yaml if given. */
export function siteChart(version: string, tag: string, description?: string): Buffer {
  return buildChart({
    name: 'site', version, chart: { appVersion: tag, ...(description ? { description } : {}) },
    files: { 'values.yaml': `replicaCount: 2\nimage:\n  tag: "${tag}"\n`, 'templates/deployment.yaml': DEPLOYMENT },
  });
}
