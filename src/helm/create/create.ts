/**
 * What `chartroom helm create NAME` writes: Helm's chart name checks (pkg/chart/v2/util/create.go) and
 * Chartroom's own starter chart (scaffold.ts) for one name. Pure; src/cli/helm/create-command.ts writes them.
 *
 *   scaffoldFor('web')[0] → ['Chart.yaml', 'apiVersion: v2\nname: web\n…']
 */
import { CHART_NAME_PLACEHOLDER, SCAFFOLD_FILES } from './scaffold.js';

/** A chart name `helm create` refuses; the message is Helm's. */
export class InvalidChartNameError extends Error {
  override readonly name = 'InvalidChartNameError';
}

const CHART_NAME = /^[a-zA-Z0-9._-]+$/;
const MAX_CHART_NAME = 250;

/** chartutil.validateChartName: length first, then the character set. Throws InvalidChartNameError. */
export function validateChartName(name: string): void {
  if (name === '' || name.length > MAX_CHART_NAME) throw new InvalidChartNameError(`chart name must be between 1 and ${MAX_CHART_NAME} characters`);
  if (!CHART_NAME.test(name)) throw new InvalidChartNameError(`chart name must match the regular expression ${JSON.stringify(CHART_NAME.source)}`);
}

/** The starter chart's files for `name` (relative path, text), in write order. */
export function scaffoldFor(name: string): [path: string, text: string][] {
  return SCAFFOLD_FILES.map(([path, text]) => [path, text.replaceAll(CHART_NAME_PLACEHOLDER, name)]);
}
