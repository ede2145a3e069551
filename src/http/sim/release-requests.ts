/**
 * Reading the bodies of the release routes: the chart (a base64 `.tgz`, or base64 files of a chart
 * folder), the user values (the `-f` files' YAML, merged in order as Helm does), and the flags.
 *
 *   {"name":"web","namespace":"default","chart":{"archive":"H4sI..."},
 *    "values":{"files":[{"name":"prod.yaml","text":"replicaCount: 3\n"}]},
 *    "wait":true,"timeout":"2m","atomic":false,"createNamespace":false,"dryRun":false}
 */
import type { FastifyRequest } from 'fastify';
import { assembleChart, type LoadedChart, loadChartArchive, mergeValueFiles, parseValuesYaml, type Values } from '../../helm/render/index.js';
import { parseGoDuration } from '../../config/duration.js';
import { BadBodyError, jsonBody } from './sim-context.js';

/** The parsed JSON body of a release request. */
export type ReleaseBody = Record<string, unknown>;

/** The body as a JSON object. Throws BadBodyError. */
export function releaseBody(request: FastifyRequest): ReleaseBody {
  return jsonBody(request);
}

/** Loads the chart of a body. Throws BadBodyError, or the chart loader's errors. */
export async function chartOf(body: ReleaseBody): Promise<LoadedChart> {
  const chart = body.chart as { archive?: unknown; files?: unknown } | undefined;
  if (chart && typeof chart.archive === 'string') return await loadChartArchive(Buffer.from(chart.archive, 'base64'));
  if (chart && chart.files && typeof chart.files === 'object') {
    const files = new Map(Object.entries(chart.files as Record<string, unknown>).map(([k, v]) => [k, Buffer.from(String(v), 'base64')]));
    return await assembleChart(files);
  }
  throw new BadBodyError('"chart" must hold "archive" (base64 .tgz) or "files" (path → base64)');
}

/** The value flags the API will accept once issue #4's --set parser lands. */
const SET_FLAGS = ['set', 'setString', 'setFile', 'setJson', 'setLiteral'];

/**
 * The user values: `values.files` parsed and merged in order (maps deep-merged, the rest replaced).
 * Throws BadBodyError for a file that does not parse (`failed to parse <name>: …`) and for the `--set`
 * family, which waits on issue #4's parser.
 */
export function valuesOf(body: ReleaseBody): Values {
  const values = (body.values ?? {}) as Record<string, unknown>;
  for (const flag of SET_FLAGS) {
    // TODO(issue 4): parse the --set family with the strvals parser being written on the `render` branch.
    if (Array.isArray(values[flag]) && (values[flag] as unknown[]).length > 0) throw new BadBodyError(`values.${flag} is not supported yet (issue #4)`);
  }
  const files = Array.isArray(values.files) ? (values.files as { name?: unknown; text?: unknown }[]) : [];
  return mergeValueFiles(files.map((f) => {
    try {
      return parseValuesYaml(String(f.text ?? ''));
    } catch (e) {
      throw new BadBodyError(`failed to parse ${String(f.name ?? '')}: ${(e as Error).message.replace(/^cannot load values\.yaml: /, '')}`);
    }
  }));
}

/** A boolean flag of the body (absent = false). */
export function flag(body: ReleaseBody, key: string): boolean {
  return body[key] === true;
}

/** A string flag of the body, or undefined. */
export function text(body: ReleaseBody, key: string): string | undefined {
  return typeof body[key] === 'string' ? (body[key] as string) : undefined;
}

/** `timeout` as a Go duration (`5m0s`), in ms; undefined when absent. Throws BadBodyError. */
export function timeoutOf(body: ReleaseBody): number | undefined {
  const t = text(body, 'timeout');
  if (t === undefined) return undefined;
  const ms = parseGoDuration(t);
  if (ms === undefined || ms < 0) throw new BadBodyError(`invalid timeout "${t}"`);
  return ms;
}

/** A non-negative integer field, or undefined. Throws BadBodyError. */
export function integer(body: ReleaseBody, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new BadBodyError(`"${key}" must be an integer`);
  return v;
}

/** The custom labels of a body (`--labels`). Throws BadBodyError. */
export function labelsOf(body: ReleaseBody): Record<string, string> | undefined {
  const l = body.labels;
  if (l === undefined) return undefined;
  if (!l || typeof l !== 'object' || Object.values(l).some((v) => typeof v !== 'string')) throw new BadBodyError('"labels" must map strings to strings');
  return l as Record<string, string>;
}
