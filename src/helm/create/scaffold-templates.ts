/**
 * The starter chart's templates: shared helpers, the Deployment, its Service, an optional Ingress,
 * the install notes and a `helm test` pod, with the chart-name placeholder where the name goes.
 * Chartroom's own text, written to teach; scaffold.ts puts the chart together.
 */

/** templates/_helpers.tpl: names and labels every manifest shares. */
export const HELPERS_TPL = `{{/*
Named templates shared by the manifests in this folder. Files whose names start with "_"
render nothing themselves; call these with: include "<CHARTNAME>.fullname" .
*/}}

{{/*
<CHARTNAME>.fullname: the name of every object this chart makes, "<release>-<chart>".
If the release name already contains the chart name, the release name alone is enough.
Kubernetes names stop at 63 characters, so the result is cut there.
*/}}
{{- define "<CHARTNAME>.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/*
<CHARTNAME>.selectorLabels: the labels that tie the Deployment and the Service to their pods.
They must never change between upgrades, so they hold only the chart and release names.
*/}}
{{- define "<CHARTNAME>.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
<CHARTNAME>.labels: the selector labels plus labels that describe the version, for people and tools.
*/}}
{{- define "<CHARTNAME>.labels" -}}
{{ include "<CHARTNAME>.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}
`;

/** templates/deployment.yaml: the pods, their image, rollout strategy and readiness check. */
export const DEPLOYMENT_YAML = `# The Deployment keeps replicaCount pods running and swaps them gradually on upgrade.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "<CHARTNAME>.fullname" . }}
  labels:
    {{- include "<CHARTNAME>.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "<CHARTNAME>.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: {{ .Values.updateStrategy.maxSurge }}
      maxUnavailable: {{ .Values.updateStrategy.maxUnavailable }}
  template:
    metadata:
      labels:
        {{- include "<CHARTNAME>.selectorLabels" . | nindent 8 }}
    spec:
      containers:
        - name: app
          # "default" picks appVersion from Chart.yaml when image.tag is empty.
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.containerPort }}
              protocol: TCP
          readinessProbe:
            httpGet:
              path: {{ .Values.readinessProbe.path }}
              port: http
            initialDelaySeconds: {{ .Values.readinessProbe.initialDelaySeconds }}
            periodSeconds: {{ .Values.readinessProbe.periodSeconds }}
          {{- with .Values.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
`;

/** templates/service.yaml: one stable address in front of the pods. */
export const SERVICE_YAML = `# The Service forwards service.port to the pods' "http" port, whichever pods are ready.
apiVersion: v1
kind: Service
metadata:
  name: {{ include "<CHARTNAME>.fullname" . }}
  labels:
    {{- include "<CHARTNAME>.labels" . | nindent 4 }}
spec:
  type: {{ .Values.service.type }}
  selector:
    {{- include "<CHARTNAME>.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.service.port }}
      targetPort: http
      protocol: TCP
`;

/** templates/ingress.yaml: rendered only with ingress.enabled=true. */
export const INGRESS_YAML = `{{- if .Values.ingress.enabled }}
# The Ingress sends requests for ingress.host to the Service. Off by default (values.yaml).
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "<CHARTNAME>.fullname" . }}
  labels:
    {{- include "<CHARTNAME>.labels" . | nindent 4 }}
spec:
  {{- with .Values.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- with .Values.ingress.tlsSecretName }}
  tls:
    - hosts:
        - {{ $.Values.ingress.host | quote }}
      secretName: {{ . }}
  {{- end }}
  rules:
    - host: {{ .Values.ingress.host | quote }}
      http:
        paths:
          - path: {{ .Values.ingress.path }}
            pathType: {{ .Values.ingress.pathType }}
            backend:
              service:
                name: {{ include "<CHARTNAME>.fullname" . }}
                port:
                  name: http
{{- end }}
`;

/** templates/NOTES.txt: printed after install and upgrade. */
export const NOTES_TXT = `Release "{{ .Release.Name }}" of chart {{ .Chart.Name }} {{ .Chart.Version }} is in namespace {{ .Release.Namespace }}.
It runs {{ .Values.replicaCount }} pod(s) of {{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}.

To reach it:
{{- if .Values.ingress.enabled }}
  http{{ if .Values.ingress.tlsSecretName }}s{{ end }}://{{ .Values.ingress.host }}{{ .Values.ingress.path }}
{{- else }}
  kubectl --namespace {{ .Release.Namespace }} port-forward service/{{ include "<CHARTNAME>.fullname" . }} 8080:{{ .Values.service.port }}
  and then open http://127.0.0.1:8080/
{{- end }}

To check that it answers: helm test {{ .Release.Name }}
`;

/** templates/tests/test-connection.yaml: the pod `helm test` runs; it fetches the Service's page. */
export const TEST_CONNECTION_YAML = `# "helm test <release>" runs this pod; the test passes if it exits 0.
apiVersion: v1
kind: Pod
metadata:
  name: "{{ include "<CHARTNAME>.fullname" . }}-test"
  labels:
    {{- include "<CHARTNAME>.labels" . | nindent 4 }}
  annotations:
    "helm.sh/hook": test
spec:
  restartPolicy: Never
  containers:
    - name: fetch
      image: busybox
      command: ["wget", "-q", "-O", "-", "http://{{ include "<CHARTNAME>.fullname" . }}:{{ .Values.service.port }}/"]
`;
