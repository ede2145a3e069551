/**
 * What kubectl checks in a manifest file before it sends anything: that each YAML document parses, and
 * that each object names its apiVersion and kind. The messages are kubectl's:
 *
 *   error parsing FILE: error converting YAML to JSON: yaml: line N: MESSAGE
 *   error validating "FILE": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false
 *
 * Like kubectl, a file is read one `---` document at a time, so N counts from the start of the document
 * that failed, and the documents before a faulty one are still applied (the error is printed after). MESSAGE is the `yaml` package's wording, not go-yaml's (e.g. "Nested mappings are not
 * allowed in compact mappings" where kubectl says "mapping values are not allowed in this context"), and
 * its line can differ from go-yaml's by one when the two parsers notice the fault at different places.
 */
import YAML from 'yaml';
import { assertYamlDepth } from '../../yaml/depth-guard.js';

/** kubectl's name for `-f -`. */
const STDIN_NAME = 'STDIN';

/** The outcome of checking one file. */
export interface ManifestCheck {
  /** kubectl's error (without `error: `) for the first faulty document, if any. */
  fault?: string;
  /** The documents before the fault (all of them when there is none): kubectl still applies those. */
  sendable: string;
  /** How many of those documents hold something. */
  objects: number;
}

/** Checks `text` read from `path` (`-` for stdin) document by document, as kubectl does. Never throws. */
export function checkManifest(path: string, text: string): ManifestCheck {
  const name = path === '-' ? STDIN_NAME : path;
  const docs = splitDocuments(text);
  let objects = 0;
  for (const [index, doc] of docs.entries()) {
    const fault = documentFault(name, doc);
    const sendable = docs.slice(0, fault ? index : docs.length).join('\n---\n');
    if (fault) return { fault, sendable, objects };
    if (YAML.parse(doc) != null) objects += 1;
  }
  return { sendable: text, objects };
}

function documentFault(name: string, doc: string): string | undefined {
  try {
    assertYamlDepth(doc);
  } catch (e) {
    return `error parsing ${name}: error converting YAML to JSON: yaml: ${(e as Error).message}`;
  }
  const parsed = YAML.parseDocument(doc);
  const fault = parsed.errors[0];
  if (fault) {
    const line = fault.linePos?.[0]?.line ?? 1;
    const message = fault.message.split(' at line ')[0]!;
    return `error parsing ${name}: error converting YAML to JSON: yaml: line ${line}: ${message}`;
  }
  const missing = missingFields(parsed.toJS());
  if (missing.length === 0) return undefined;
  const data = missing.length === 1 ? missing[0]! : `[${missing.join(', ')}]`;
  return `error validating "${name}": error validating data: ${data}; if you choose to ignore these errors, turn validation off with --validate=false`;
}

/** The documents as kubectl's YAML reader splits them: at every line that starts with `---`. */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('---')) {
      docs.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  docs.push(current.join('\n'));
  return docs;
}

/** "apiVersion not set", "kind not set" for an object document; nothing for an empty one or a List's items. */
function missingFields(value: unknown): string[] {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return [];
  const obj = value as Record<string, unknown>;
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
    return obj.items.flatMap((item) => missingFields(item));
  }
  const missing: string[] = [];
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') missing.push('apiVersion not set');
  if (typeof obj.kind !== 'string' || obj.kind === '') missing.push('kind not set');
  return missing;
}
