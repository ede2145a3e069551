/**
 * Release values (JSON as the API returns them) written as YAML for the values box, the way a person
 * writes a values.yaml: block mappings and sequences, plain scalars where YAML reads them back as the
 * same string, double-quoted (JSON's escapes are YAML's) elsewhere.
 */

const PLAIN = /^[A-Za-z_/][\w./-]*(?:[ ,][\w./-]+)*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/** One scalar: numbers, booleans and null as themselves; a string plain when that reads back the same. */
function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  return PLAIN.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text);
}

const isEmpty = (value: unknown): boolean => (Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0);
const isNode = (value: unknown): value is object => typeof value === 'object' && value !== null;
const key = (name: string): string => (/^[A-Za-z0-9_][\w./-]*$/.test(name) && !RESERVED.test(name) ? name : JSON.stringify(name));

/** `value` as YAML lines at `indent` spaces; an empty mapping is `{}`. Ends with a newline unless empty. */
export function toYaml(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (!isNode(value)) return `${pad}${scalar(value)}\n`;
  if (isEmpty(value)) return indent === 0 ? '' : `${pad}${Array.isArray(value) ? '[]' : '{}'}\n`;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v) => ['-', v]) : Object.entries(value);
  return entries.map(([name, v]) => {
    const head = Array.isArray(value) ? `${pad}-` : `${pad}${key(name)}:`;
    if (!isNode(v)) return `${head} ${scalar(v)}\n`;
    if (isEmpty(v)) return `${head} ${Array.isArray(v) ? '[]' : '{}'}\n`;
    return `${head}\n${toYaml(v, indent + 2)}`;
  }).join('');
}

/** The name the release forms give their values box when sending it (`-f` names it in Helm's errors). */
export const FORM_VALUES_NAME = 'values (form)';

/**
 * A refusal's message made readable for the values box `text`: a YAML error that ends "at line L,
 * column C:" (the parser's code frame is not sent) ends with a full stop and is followed by that line of
 * the box, with a caret under column C. Other messages come back as they are.
 */
export function explainValuesError(message: string, text: string): string {
  const at = /at line (\d+), column (\d+):\s*$/.exec(message);
  if (!at || !message.includes(FORM_VALUES_NAME)) return message;
  const line = text.replace(/\r\n/g, '\n').split('\n')[Number(at[1]) - 1];
  const head = `${message.replace(/:\s*$/, '')}.`;
  return line === undefined ? head : `${head}\n${line}\n${' '.repeat(Math.max(0, Number(at[2]) - 1))}^`;
}
