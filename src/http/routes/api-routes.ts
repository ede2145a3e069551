import YAML from 'yaml';
import type { MultipartFile } from '@fastify/multipart';
import { HELM_YAML_OPTIONS } from '../../repo/chart-metadata.js';
import { assertYamlDepth } from '../../yaml/depth-guard.js';
import { toChartVersionObject } from '../../repo/chart-version.js';
import { ChartNotFoundError } from '../../repo/errors.js';
import { findChartVersion, pageChartNames } from '../../repo/lookup.js';
import { HttpError } from '../errors.js';
import type { RouteContext } from '../context.js';
import { MULTIPART_LIMITS } from '../multipart-limits.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** `GET /api<r>/charts?offset=&limit=`: every chart's versions, keyed by name, names sorted. */
export async function listCharts({ request, reply, folder, deps }: RouteContext): Promise<unknown> {
  const query = request.query as Record<string, string | undefined>;
  const offset = parseCount(query.offset, 0, 'offset is not a valid non-negative integer');
  const limit = query.limit === undefined ? undefined : parseCount(query.limit, 1, 'limit is not a valid positive integer');
  const tenant = await deps.repository.tenant(folder);
  const body: Record<string, unknown[]> = {};
  for (const name of pageChartNames(tenant.index.names(), offset, limit)) {
    body[name] = tenant.index.versions(name).map((r) => toChartVersionObject(r, deps.repository.chartUrl(folder, r.file)));
  }
  return reply.type(JSON_TYPE).send(body);
}

/** `GET|HEAD /api<r>/charts/<name>`: the versions of one chart, newest first. */
export async function getChart({ request, reply, match, folder, deps }: RouteContext): Promise<unknown> {
  const tenant = await deps.repository.tenant(folder);
  const versions = tenant.index.versions(match.params.name as string);
  if (versions.length === 0) throw new ChartNotFoundError('chart not found');
  if (request.method === 'HEAD') return reply.code(200).send();
  return reply.type(JSON_TYPE).send(versions.map((r) => toChartVersionObject(r, deps.repository.chartUrl(folder, r.file))));
}

/** `GET|HEAD /api<r>/charts/<name>/<version>`: one version; exact match, constraint or `latest`. */
export async function getVersion({ request, reply, match, folder, deps }: RouteContext): Promise<unknown> {
  const tenant = await deps.repository.tenant(folder);
  const record = findChartVersion(tenant.index, match.params.name as string, match.params.version as string);
  if (request.method === 'HEAD') return reply.code(200).send();
  return reply.type(JSON_TYPE).send(toChartVersionObject(record, deps.repository.chartUrl(folder, record.file)));
}

/** `GET /api<r>/charts/<name>/<version>/templates`: templates (base64, as Go marshals bytes) and parsed values. */
export async function getTemplates({ reply, match, folder, deps }: RouteContext): Promise<unknown> {
  const tenant = await deps.repository.tenant(folder);
  const record = findChartVersion(tenant.index, match.params.name as string, match.params.version as string);
  const files = await deps.repository.readChartFiles(folder, record, (p) => p.startsWith('templates/') || p === 'values.yaml');
  const templates = [...files]
    .filter(([path]) => path.startsWith('templates/'))
    .map(([name, data]) => ({ name, data: data.toString('base64') }));
  const valuesFile = files.get('values.yaml');
  const values = valuesFile ? parseStoredValues(valuesFile.toString()) : {};
  return reply.type(JSON_TYPE).send({ templates, values });
}

/** A stored chart's values.yaml as data; a file that cannot be read as YAML is a 500 naming why. */
function parseStoredValues(text: string): unknown {
  try {
    assertYamlDepth(text);
    return YAML.parse(text, HELM_YAML_OPTIONS) ?? {};
  } catch (e) {
    throw new HttpError(500, `cannot parse values.yaml: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** `GET /api<r>/charts/<name>/<version>/values`: the raw values.yaml. */
export async function getValues({ reply, match, folder, deps }: RouteContext): Promise<unknown> {
  const tenant = await deps.repository.tenant(folder);
  const record = findChartVersion(tenant.index, match.params.name as string, match.params.version as string);
  const files = await deps.repository.readChartFiles(folder, record, (p) => p === 'values.yaml');
  const values = files.get('values.yaml');
  if (!values) throw new ChartNotFoundError('values.yaml not found');
  return reply.type('application/yaml').send(values);
}

/** `POST /api<r>/charts`: a raw .tgz body, or multipart with `chart` and/or `prov` file fields. */
export async function uploadChart(context: RouteContext): Promise<unknown> {
  const { request, reply, folder, deps } = context;
  const force = isForce(request.query);
  if (request.isMultipart()) {
    const files = await readMultipart(context);
    request.auditTarget = (await deps.repository.uploadFiles(folder, files, force)).join(',');
  } else {
    request.auditTarget = (await deps.repository.uploadChart(folder, bodyBuffer(request.body), force)).file;
  }
  return reply.code(201).type(JSON_TYPE).send({ saved: true });
}

/** `POST /api<r>/prov`: a raw provenance file. */
export async function uploadProvenance({ request, reply, folder, deps }: RouteContext): Promise<unknown> {
  request.auditTarget = await deps.repository.uploadProvenance(folder, bodyBuffer(request.body), isForce(request.query));
  return reply.code(201).type(JSON_TYPE).send({ saved: true });
}

/** `DELETE /api<r>/charts/<name>/<version>`: removes the archive and its provenance file. */
export async function deleteVersion({ reply, match, folder, deps }: RouteContext): Promise<unknown> {
  await deps.repository.deleteVersion(folder, match.params.name as string, match.params.version as string);
  return reply.type(JSON_TYPE).send({ deleted: true });
}

/** Reads the chart and prov file parts; other fields are drained and ignored. */
async function readMultipart({ request, deps }: RouteContext): Promise<{ chart?: Buffer; prov?: Buffer }> {
  const { chartPostFormFieldName, provPostFormFieldName } = deps.config;
  const chartFields = new Set(['chart', chartPostFormFieldName]);
  const provFields = new Set(['prov', provPostFormFieldName]);
  const files: { chart?: Buffer; prov?: Buffer } = {};
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const slot = chartFields.has(part.fieldname) ? 'chart' : provFields.has(part.fieldname) ? 'prov' : undefined;
      const data = await readPart(part);
      if (slot && !files[slot]) files[slot] = data;
    }
  } catch (err) {
    throw multipartError(err);
  }
  if (!files.chart && !files.prov) {
    throw new HttpError(400, `no package or provenance file found in form fields ${chartPostFormFieldName} and ${provPostFormFieldName}`);
  }
  return files;
}

/**
 * The parser's refusals as clear 4xx answers: too many parts or files (413, naming the limit), and a body
 * that is not the multipart it claims to be (busboy's own errors carry no code: 400 with its message).
 */
function multipartError(err: unknown): unknown {
  if (err instanceof HttpError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new HttpError(413, `request too large: a multipart upload may have at most ${MULTIPART_LIMITS.parts} parts, ${MULTIPART_LIMITS.files} of them files`);
  }
  if (code === undefined || code === 'FST_MP_PREMATURE_CLOSE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new HttpError(400, `malformed multipart body: ${(err as Error).message}`);
  }
  return err;
}

async function readPart(part: MultipartFile): Promise<Buffer> {
  const data = await part.toBuffer();
  if (part.file.truncated) throw new HttpError(413, 'request too large');
  return data;
}

function bodyBuffer(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}

/** `?force`, `?force=true` and `?force=1` ask to overwrite; `?force=false` and `?force=0` do not. */
function isForce(query: unknown): boolean {
  const value = (query as Record<string, string | undefined>).force;
  return value !== undefined && !/^(false|0|no)$/i.test(value);
}

function parseCount(text: string | undefined, min: number, message: string): number {
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new HttpError(400, message);
  return Number(text);
}
