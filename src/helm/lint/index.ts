/**
 * `helm lint`'s rules (pkg/lint). Known differences from Helm: templates render normally (Helm's lint
 * mode lets `required` and `fail` pass and logs them); no deprecated-API warnings and no
 * `helm.sh/resource-policy`-in-List check; YAML syntax errors carry the `yaml` package's wording after
 * Helm's prefix; maintainer e-mail and URL checks approximate govalidator's.
 */
export { lintChart, type LintOptions, type LintResult } from './lint.js';
export { formatMessage, type LintMessage, type Severity } from './messages.js';
export { metadataNameWarning, nameProblems } from './k8s-names.js';
