import { compareGoYamlKeys, marshalGoYaml, marshalGoYamlMapEntry, marshalGoYamlMapKey, marshalGoYamlSequenceItem } from '../yaml/go-yaml-emitter.js';

/**
 * The byte layout of a served index.yaml, built from pre-rendered pieces so one change re-renders one
 * version's fragment, never the whole document. The pieces are exactly what Go's sigs.k8s.io/yaml writes
 * for Helm's IndexFile (keys sorted Go's way, sequences not indented under their key):
 *
 *   apiVersion: v1
 *   entries:
 *     <name>:                  ← chartHeader(name)
 *     - apiVersion: v2         ← versionFragment(...) for each version, newest first
 *       ...
 *   generated: "<time>"        ← indexTail(...)
 *   serverInfo: {}             ←   or `serverInfo:\n  contextPath: /ctx`
 */

/** The document head before the first chart (or the whole `entries` line when there are none). */
export function indexHead(isEmpty: boolean): string {
  return isEmpty ? 'apiVersion: v1\nentries: {}\n' : 'apiVersion: v1\nentries:\n';
}

/**
 * The line that opens one chart's version list, or undefined for a name Go writes in the long `? key`
 * form (over 128 bytes); such a chart is rendered whole with `chartBlock`.
 */
export function chartHeader(name: string): string | undefined {
  try {
    return marshalGoYamlMapKey(name, 2);
  } catch {
    return undefined;
  }
}

/** A whole chart entry (key and every version), for names `chartHeader` cannot render alone. */
export function chartBlock(name: string, versions: readonly Record<string, unknown>[]): string {
  return marshalGoYamlMapEntry(name, versions, 2);
}

/** One version as a block-sequence item at the indentation it has inside `entries.<name>`. */
export function versionFragment(entry: Record<string, unknown>): string {
  return marshalGoYamlSequenceItem(entry, 2);
}

/** The document tail: `generated` and `serverInfo`. */
export function indexTail(generated: string, contextPath: string): string {
  return marshalGoYaml({ generated, serverInfo: contextPath ? { contextPath } : {} });
}

/** Compares two map keys in the order Go's YAML encoder emits them. */
export const compareYamlKeys = compareGoYamlKeys;
