/**
 * What `helm lint` reports (pkg/lint/support): one message per failed rule, with a severity, the path it
 * is about (`Chart.yaml`, `templates/x.yaml`, the chart folder) and Helm's text.
 */

/** Severities in Helm's order (a chart fails on ERROR, or on WARNING with `--strict`). */
export type Severity = 'INFO' | 'WARNING' | 'ERROR';

/** One finding. */
export interface LintMessage {
  severity: Severity;
  path: string;
  text: string;
}

/** Collects messages; `check` runs one rule and records its error, as Linter.RunLinterRule does. */
export class LintReport {
  readonly messages: LintMessage[] = [];

  /** Records `text` (when defined) at `severity`; returns whether the rule passed. */
  check(severity: Severity, path: string, text: string | undefined): boolean {
    if (text === undefined) return true;
    this.messages.push({ severity, path, text });
    return false;
  }
}

/** `[ERROR] Chart.yaml: name is required` — one line of `helm lint` output. */
export function formatMessage(m: LintMessage): string {
  return `[${m.severity}] ${m.path}: ${m.text}`;
}
