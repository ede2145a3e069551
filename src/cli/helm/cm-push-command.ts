/**
 * `chartroom helm cm-push CHART REPO [--force]`: what the cm-push plugin (chartmuseum/helm-push) does —
 * re-package the chart (folder or .tgz), find the server's context path (`--context-path`, else the
 * index's `serverInfo.contextPath`: the cached index for a named repository, a fresh GET for a URL), and
 * POST it as the multipart field `chart` to `<contextPath>/api/<repo path>/charts[?force]`.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import YAML from 'yaml';
import { HelmUsageError, isOn } from './args.js';
import { readChartFolder } from './chart-source.js';
import type { HelmCommand } from './invocation.js';
import { archiveFiles, packageFiles, packageOverrides } from './package-command.js';
import { fetchBytes, indexCachePath, newEntry, readRepos, type RepoEntry, resolveReference } from './repositories.js';

async function repositoryOf(inv: Parameters<HelmCommand>[0], ref: string): Promise<{ entry: RepoEntry; index?: Buffer }> {
  const user = inv.args.flags.get('username') ?? '';
  const pass = inv.args.flags.get('password') ?? '';
  if (/^https?:\/\//.test(ref)) return { entry: newEntry(ref, ref, user, pass) };
  const entry = (await readRepos(inv.paths)).find((r) => r.name === ref);
  if (!entry) throw new HelmUsageError(`no repo named ${JSON.stringify(ref)} found`);
  // Like the plugin, a named repository's context path comes from its cached index, which must exist.
  const cached = indexCachePath(inv.paths, ref);
  const index = await readFile(cached).catch(() => {
    throw new HelmUsageError(`open ${cached}: no such file or directory`);
  });
  return { entry: { ...entry, username: user || entry.username, password: pass || entry.password }, index };
}

async function contextPathOf(inv: Parameters<HelmCommand>[0], entry: RepoEntry, cached?: Buffer): Promise<string> {
  const flag = inv.args.flags.get('context-path');
  if (flag !== undefined) return flag;
  const index = cached ?? (await fetchBytes(resolveReference(entry.url, 'index.yaml'), entry));
  const doc = (YAML.parse(index.toString('utf8')) ?? {}) as { serverInfo?: { contextPath?: string } };
  return doc.serverInfo?.contextPath ?? '';
}

/** The upload URL: join(contextPath, api, repo path without the context path, charts). */
function uploadUrl(repoUrl: string, contextPath: string, force: boolean): string {
  const url = new URL(repoUrl);
  const cp = `/${contextPath.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  let path = url.pathname.replace(/\/+$/, '');
  if (cp && path.startsWith(cp)) path = path.slice(cp.length);
  url.pathname = `${cp}/api${path}/charts`.replace(/\/{2,}/g, '/');
  url.search = force ? '?force' : '';
  return url.toString();
}

/** `helm cm-push`. */
export const cmPushCommand: HelmCommand = async (inv) => {
  const [chart, repo] = inv.rest;
  if (!chart || !repo) throw new HelmUsageError('"helm cm-push" requires 2 arguments');
  const info = await stat(chart).catch(() => undefined);
  if (!info) throw new HelmUsageError(`stat ${chart}: no such file or directory`);
  const files = info.isDirectory() ? await readChartFolder(chart) : await archiveFiles(await readFile(chart));
  const packaged = await packageFiles(files, packageOverrides(inv.args.flags), Math.floor(Date.now() / 1000));
  const { entry, index } = await repositoryOf(inv, repo);
  const target = uploadUrl(entry.url, await contextPathOf(inv, entry, index), isOn(inv.args, 'force'));
  inv.io.stdout(`Pushing ${packaged.fileName} to ${repo}...\n`);
  const form = new FormData();
  form.append('chart', new Blob([new Uint8Array(packaged.bytes)], { type: 'application/octet-stream' }), basename(packaged.fileName));
  const headers: Record<string, string> = entry.username && entry.password
    ? { authorization: `Basic ${Buffer.from(`${entry.username}:${entry.password}`).toString('base64')}` } : {};
  const response = await fetch(target, { method: 'POST', body: form, headers });
  if (response.status === 201 || response.status === 202) {
    inv.io.stdout('Done.\n');
    return 0;
  }
  const text = await response.text();
  let message: string;
  try {
    message = String((JSON.parse(text) as { error?: unknown }).error);
  } catch {
    message = `could not properly parse response JSON: ${text}`;
  }
  throw new HelmUsageError(`${response.status}: ${message}`);
};
