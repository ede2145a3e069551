/** `helm create`'s scaffold chart and name rules. */
export { InvalidChartNameError, scaffoldFor, validateChartName } from './create.js';
