/** `helm create`: Chartroom's starter chart and Helm's chart name rules. */
export { InvalidChartNameError, scaffoldFor, validateChartName } from './create.js';
