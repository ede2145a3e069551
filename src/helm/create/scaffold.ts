/**
 * Chartroom's starter chart, as data: each file's path and text with `<CHARTNAME>` where the chart's
 * name goes, in the order `create` writes them. It is Chartroom's own chart (the texts are in
 * scaffold-chart.ts and scaffold-templates.ts), not a copy of Helm's: it keeps to what a first chart
 * needs, comments each setting, and passes the real `helm lint`
 * (test/cli/helm/helm-create-lint.test.ts checks that, and that helm renders it as Chartroom does).
 *
 *   chart/
 *   ├── Chart.yaml  values.yaml  .helmignore
 *   ├── charts/                       (made empty by the command)
 *   └── templates/
 *       ├── _helpers.tpl  deployment.yaml  service.yaml  ingress.yaml  NOTES.txt
 *       └── tests/test-connection.yaml
 */
import { CHART_YAML, HELMIGNORE, VALUES_YAML } from './scaffold-chart.js';
import { DEPLOYMENT_YAML, HELPERS_TPL, INGRESS_YAML, NOTES_TXT, SERVICE_YAML, TEST_CONNECTION_YAML } from './scaffold-templates.js';

/** The placeholder `scaffoldFor` replaces with the chart name. */
export const CHART_NAME_PLACEHOLDER = '<CHARTNAME>';

/** Path (relative to the chart folder) and text of every starter-chart file, in write order. */
export const SCAFFOLD_FILES: readonly (readonly [path: string, text: string])[] = [
  ['Chart.yaml', CHART_YAML],
  ['values.yaml', VALUES_YAML],
  ['.helmignore', HELMIGNORE],
  ['templates/_helpers.tpl', HELPERS_TPL],
  ['templates/deployment.yaml', DEPLOYMENT_YAML],
  ['templates/service.yaml', SERVICE_YAML],
  ['templates/ingress.yaml', INGRESS_YAML],
  ['templates/NOTES.txt', NOTES_TXT],
  ['templates/tests/test-connection.yaml', TEST_CONNECTION_YAML],
];
