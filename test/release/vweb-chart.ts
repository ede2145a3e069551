/**
 * The test chart of the release tests: `vweb`, a Deployment and a Service driven by `replicaCount` and
 * `image.tag`, NOTES.txt, and optional extras (a ConfigMap, hooks) switched on by values.
 */
import { assembleChart, type LoadedChart } from '../../src/helm/render/index.js';

/** The chart's files; `version` and `appVersion` go into Chart.yaml. */
export function vwebFiles(version = '0.1.0', appVersion = '1.0.0'): Map<string, Buffer> {
  const files: Record<string, string> = {
    'Chart.yaml': `apiVersion: v2\nname: vweb\nversion: ${version}\nappVersion: "${appVersion}"\ndescription: A tiny web server\n`,
    'values.yaml': 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: "1.25"\nconfig:\n  enabled: false\n  keep: false\nhook:\n  enabled: false\n  fail: false\n  policy: hook-succeeded\n',
    'templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
  labels:
    app: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      app: {{ .Release.Name }}
  template:
    metadata:
      labels:
        app: {{ .Release.Name }}
    spec:
      containers:
        - name: web
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          ports:
            - containerPort: 80
`,
    'templates/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}
spec:
  selector:
    app: {{ .Release.Name }}
  ports:
    - port: 80
      targetPort: 80
`,
    'templates/configmap.yaml': `{{- if .Values.config.enabled }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-config
  {{- if .Values.config.keep }}
  annotations:
    helm.sh/resource-policy: keep
  {{- end }}
data:
  greeting: hello
{{- end }}
`,
    'templates/hook.yaml': `{{- if .Values.hook.enabled }}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-migrate
  annotations:
    "helm.sh/hook": pre-install,pre-upgrade
    "helm.sh/hook-weight": "-5"
    "helm.sh/hook-delete-policy": {{ .Values.hook.policy }}
    {{- if .Values.hook.fail }}
    sim.chartroom.dev/fail: "true"
    {{- end }}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: busybox
{{- end }}
`,
    'templates/NOTES.txt': 'Release {{ .Release.Name }} revision {{ .Release.Revision }} runs {{ .Values.replicaCount }} replica(s).\n',
  };
  return new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
}

/** The loaded chart. */
export async function vweb(version = '0.1.0', appVersion = '1.0.0'): Promise<LoadedChart> {
  return await assembleChart(vwebFiles(version, appVersion));
}
