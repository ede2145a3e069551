/**
 * The error tree of a failed validation and its text, as santhosh-tekuri/jsonschema v6 prints it and Helm
 * shows it: one `- at '<instance pointer>': <message>` line per error, causes indented two spaces below,
 * `$ref` errors transparent (their causes stand in their place).
 *
 *   - at '/obj': validation failed
 *     - at '/obj/a': got number, want boolean
 */
import { quote as goQuote } from '../../gotemplate/index.js';

/** One error: where in the values, what (`message`), and the errors that caused it. */
export interface SchemaErrorNode {
  location: string[];
  /** `group` nodes print as `validation failed`; `reference` nodes are not printed, only their causes. */
  kind: 'group' | 'reference' | 'leaf';
  message: string;
  causes: SchemaErrorNode[];
}

/** jsonschema's quote: Go `%q` text in single quotes (`"` unescaped, `'` escaped). */
export function quoteSingle(s: string): string {
  const q = goQuote(s).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'");
  return `'${q}'`;
}

/** A JSON pointer for an instance location (`''` for the root). */
export function jsonPointer(location: readonly string[]): string {
  return location.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function display(node: SchemaErrorNode, indent: number, out: string[]): void {
  if (node.kind === 'reference') {
    for (const c of node.causes) display(c, indent, out);
    return;
  }
  out.push(`${'  '.repeat(indent)}- at ${quoteSingle(jsonPointer(node.location))}: ${node.message}`);
  for (const c of node.causes) display(c, indent + 1, out);
}

/**
 * The lines of a failed validation: the root error's causes when it is a group (the library flattens
 * the top level), else the root error itself.
 */
export function formatSchemaErrors(root: SchemaErrorNode): string {
  const top = root.kind === 'group' ? root.causes : [root];
  const out: string[] = [];
  for (const node of top) display(node, 0, out);
  return out.join('\n');
}
