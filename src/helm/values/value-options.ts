/**
 * The user values of one Helm command (pkg/cli/values/options.go MergeValues): `-f` files merged in order
 * (maps deep-merged, everything else replaced), then every `--set-json`, `--set`, `--set-string`,
 * `--set-file` and `--set-literal` argument in that order of flag kind, whatever their order on the
 * command line. So `--set a=1 --set-json a=2` gives `a: 1`.
 *
 *   mergeValueOptions({ valueFiles: ['v.yaml'], values: ['image.tag=2'] }, readFileLikeGo)
 */
import { parseHelmYaml } from '../render/yaml-values.js';
import { mergeMaps, type Values } from '../render/values.js';
import { parseSet, StrvalsError, type SetKind } from './strvals.js';

/** The value flags of `helm template/install/upgrade`, each in command-line order. */
export interface ValueOptions {
  /** `-f/--values`: paths (already split at commas). */
  valueFiles?: string[];
  /** `--set` */
  values?: string[];
  /** `--set-string` */
  stringValues?: string[];
  /** `--set-json` */
  jsonValues?: string[];
  /** `--set-file` */
  fileValues?: string[];
  /** `--set-literal` */
  literalValues?: string[];
}

/** Reads a file for `-f` or `--set-file`; throws an Error whose message is Go's (`open x: no such file or directory`). */
export type ReadValuesFile = (path: string) => Buffer;

/** A value flag Helm would refuse; the message is Helm's (`failed parsing --set data: …`). */
export class ValueOptionsError extends Error {
  override readonly name = 'ValueOptionsError' as const;
}

/** Parses one `-f` file as Helm does (sigs.k8s.io/yaml into a map); throws ValueOptionsError. */
export function parseValuesFile(path: string, data: Buffer): Values {
  let parsed;
  try {
    parsed = parseHelmYaml(data.toString('utf8'));
  } catch (e) {
    throw new ValueOptionsError(`failed to parse ${path}: error converting YAML to JSON: ${(e as Error).message}`);
  }
  if (parsed === null) return new Map();
  if (!(parsed instanceof Map)) {
    const kind = Array.isArray(parsed) ? 'array' : typeof parsed === 'string' ? 'string' : typeof parsed === 'boolean' ? 'bool' : 'number';
    throw new ValueOptionsError(
      `failed to parse ${path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
    );
  }
  return parsed;
}

const ORDER: [keyof ValueOptions, SetKind][] = [
  ['jsonValues', 'set-json'], ['values', 'set'], ['stringValues', 'set-string'], ['fileValues', 'set-file'],
  ['literalValues', 'set-literal'],
];

function applySet(kind: SetKind, expr: string, base: Values, readFile: ReadValuesFile): Values {
  try {
    return parseSet(kind, expr, base, (path) => readFile(path).toString('utf8'));
  } catch (e) {
    // --set-json hides the cause (`failed parsing --set-json data a=1 2`); the others wrap it.
    if (kind === 'set-json') throw new ValueOptionsError(`failed parsing --set-json data ${expr}`);
    if (e instanceof StrvalsError || kind === 'set-file') {
      throw new ValueOptionsError(`failed parsing --${kind} data: ${(e as Error).message}`);
    }
    throw e;
  }
}

/**
 * Merges the value flags into one user-values map, in Helm's order. Throws ValueOptionsError with
 * Helm's message, or what `readFile` throws for a missing `-f` file (Helm prints that error bare).
 */
export function mergeValueOptions(options: ValueOptions, readFile: ReadValuesFile): Values {
  let base: Values = new Map();
  for (const path of options.valueFiles ?? []) base = mergeMaps(base, parseValuesFile(path, readFile(path)));
  for (const [field, kind] of ORDER) {
    for (const expr of options[field] ?? []) base = applySet(kind, expr, base, readFile);
  }
  return base;
}
