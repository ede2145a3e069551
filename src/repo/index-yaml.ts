import YAML from 'yaml';

/**
 * The byte layout of a served index.yaml, built from pre-rendered pieces so one change re-renders one
 * version's fragment, never the whole document:
 *
 *   apiVersion: v1
 *   entries:
 *     <name>:                  ← chartHeader(name)
 *     - apiVersion: v2         ← versionFragment(...) for each version, newest first
 *       ...
 *   generated: "<time>"
 *   serverInfo: {}             ← or `serverInfo:\n  contextPath: /ctx`
 */

/** The document head before the first chart (or the whole `entries` line when there are none). */
export function indexHead(isEmpty: boolean): string {
  return isEmpty ? 'apiVersion: v1\nentries: {}\n' : 'apiVersion: v1\nentries:\n';
}

/** The line that opens one chart's version list. */
export function chartHeader(name: string): string {
  // Render through the emitter so a name that needs quoting is quoted as Go would quote it.
  const line = renderMapping({ [name]: null }, 2);
  return line.replace(/ null\n$/, '\n');
}

/** One version as a block-sequence item at the indentation it has inside `entries.<name>`. */
export function versionFragment(entry: Record<string, unknown>): string {
  return renderSequenceItem(entry, 2);
}

/** The document tail: `generated` and `serverInfo`. */
export function indexTail(generated: string, contextPath: string): string {
  const serverInfo = contextPath ? `serverInfo:\n  contextPath: ${scalar(contextPath)}\n` : 'serverInfo: {}\n';
  return `generated: ${scalar(generated)}\n${serverInfo}`;
}

/** Compares two map keys in the order Go's YAML encoder emits them. */
export function compareYamlKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// TODO(#2): the functions below are placeholders until the Go-compatible emitter in src/yaml lands.
function renderMapping(value: Record<string, unknown>, indent: number): string {
  return indentLines(stringify(value), indent);
}

function renderSequenceItem(value: Record<string, unknown>, indent: number): string {
  return indentLines(stringify([value]), indent);
}

function scalar(value: string): string {
  return stringify(value).trimEnd();
}

function stringify(value: unknown): string {
  return YAML.stringify(value, { indentSeq: false, lineWidth: 0, sortMapEntries: true, defaultStringType: 'PLAIN', version: '1.1' });
}

function indentLines(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text.split('\n').map((line) => (line ? pad + line : line)).join('\n');
}
