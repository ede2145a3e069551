/**
 * From rendered files to what `helm template` prints (pkg/releaseutil/manifest.go, manifest_sorter.go,
 * kind_sorter.go, pkg/action/action.go): split each file on `---`, drop empty documents, separate hooks
 * (documents annotated `helm.sh/hook`), order by file path then document, stable-sort by kind in Helm's
 * install order, and print each as `---\n# Source: <file>\n<doc>\n`.
 */
import { compareGoStrings, isStackOverflow, quote } from '../../gotemplate/index.js';
import { ManifestParseError } from './errors.js';
import { decodeSimpleHead, HeadDecodeError, type Head } from './manifest-head.js';

/** One rendered Kubernetes document and the template file it came from. */
export interface Manifest {
  /** Template key, e.g. `mychart/templates/service.yaml`. */
  path: string;
  kind: string;
  content: string;
}

/** A hook document (`helm.sh/hook` annotation) with its events in annotation order. */
export interface Hook extends Manifest {
  name: string;
  events: string[];
  /** `helm.sh/hook-weight` as an integer (0 when absent or not an integer, as Helm's Atoi fallback). */
  weight: number;
  /** `helm.sh/hook-delete-policy` entries, trimmed and lower-cased. */
  deletePolicies: string[];
}

/** Helm's InstallOrder: kinds not listed sort after these, alphabetically. */
export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
  'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume',
  'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding',
  'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod',
  'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob',
  'IngressClass', 'Ingress', 'APIService',
];

/** The annotation that makes a document a hook. */
export const HOOK_ANNOTATION = 'helm.sh/hook';
/** The hook's ordering weight. */
export const HOOK_WEIGHT_ANNOTATION = 'helm.sh/hook-weight';
/** The hook's deletion policies (comma-separated). */
export const HOOK_DELETE_POLICY_ANNOTATION = 'helm.sh/hook-delete-policy';

const HOOK_EVENTS = new Set([
  'pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade', 'pre-rollback',
  'post-rollback', 'test',
]);

/** unicode.IsSpace, as Go's strings.TrimSpace uses it. */
function isGoSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** RE2's \s: the separator's whitespace (no \v, no Unicode spaces). */
function isRe2Space(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
}

/** Go's strings.TrimSpace, in one pass from each end (a RegExp here was quadratic on long space runs). */
function trimGo(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && isGoSpace(s.charCodeAt(from))) from++;
  while (to > from && isGoSpace(s.charCodeAt(to - 1))) to--;
  return s.slice(from, to);
}

/**
 * releaseutil.SplitManifests: the non-empty documents of one file, trimmed, in order. Go splits on
 * `(?:^|\s*\n)---\s*`: a `---` at the start or after a newline, with the whitespace after it; the whitespace
 * before the newline only ends the previous document, which is trimmed anyway. One pass, linear in the text.
 */
export function splitManifests(text: string): string[] {
  const s = trimGo(text);
  const docs: string[] = [];
  const skipSpace = (at: number): number => {
    while (at < s.length && isRe2Space(s.charCodeAt(at))) at++;
    return at;
  };
  let start = s.startsWith('---') ? skipSpace(3) : 0;
  for (let at = s.indexOf('\n---', start); at >= 0; at = s.indexOf('\n---', start)) {
    docs.push(s.slice(start, at));
    start = skipSpace(at + 4);
  }
  docs.push(s.slice(start));
  return docs.filter((d) => d !== '').map(trimGo);
}

function readHead(doc: string, path: string): Head {
  try {
    return decodeSimpleHead(doc);
  } catch (e) {
    // The YAML parser recurses per nesting level; a document nested past the stack is refused plainly.
    if (isStackOverflow(e) || (e instanceof HeadDecodeError && e.message.includes('Maximum call stack'))) {
      throw new ManifestParseError(`YAML parse error on ${path}: error converting YAML to JSON: yaml: document nested too deeply to parse`);
    }
    if (e instanceof HeadDecodeError) throw new ManifestParseError(`YAML parse error on ${path}: ${e.message}`);
    throw e;
  }
}

function hookSettings(annotations: Record<string, string>): { weight: number; deletePolicies: string[] } {
  const w = annotations[HOOK_WEIGHT_ANNOTATION];
  const weight = typeof w === 'string' && /^[+-]?\d+$/.test(w) ? Number.parseInt(w, 10) : 0;
  const p = annotations[HOOK_DELETE_POLICY_ANNOTATION];
  const deletePolicies = typeof p === 'string' ? p.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '') : [];
  return { weight, deletePolicies };
}

/** Helm's lessByKind as a comparator: listed kinds by rank, unknown kinds after them alphabetically. */
function compareKinds(a: string, b: string): number {
  const ra = INSTALL_ORDER.indexOf(a);
  const rb = INSTALL_ORDER.indexOf(b);
  if (ra < 0 && rb < 0) return compareGoStrings(a, b);
  if (ra < 0) return 1;
  if (rb < 0) return -1;
  return ra - rb;
}

/**
 * releaseutil.SortManifests: files in byte order (partials `_*` and blank files skipped), documents in
 * file order, hooks separated (documents with an unknown hook event dropped and reported to `log` as Helm
 * does), both stable-sorted by kind.
 * Throws ManifestParseError for a document that is not YAML.
 */
export function sortManifests(
  files: Map<string, string>, log: (msg: string) => void = () => {},
): { manifests: Manifest[]; hooks: Hook[] } {
  const manifests: Manifest[] = [];
  const hooks: Hook[] = [];
  for (const path of [...files.keys()].sort(compareGoStrings)) {
    const text = files.get(path)!;
    if (path.slice(path.lastIndexOf('/') + 1).startsWith('_') || trimGo(text) === '') continue;
    for (const content of splitManifests(text)) {
      const head = readHead(content, path);
      const hookTypes = head.annotations[HOOK_ANNOTATION];
      if (typeof hookTypes !== 'string') {
        manifests.push({ path, kind: head.kind, content });
        continue;
      }
      const events = hookTypes.split(',').map((h) => h.trim().toLowerCase()).map((h) => (h === 'test-success' ? 'test' : h));
      if (events.some((e) => !HOOK_EVENTS.has(e))) {
        log(`info: skipping unknown hook: ${quote(hookTypes)}`);
        continue;
      }
      hooks.push({ path, kind: head.kind, content, name: head.name, events, ...hookSettings(head.annotations) });
    }
  }
  const byKind = <T extends Manifest>(xs: T[]): T[] => xs.sort((a, b) => compareKinds(a.kind, b.kind));
  return { manifests: byKind(manifests), hooks: byKind(hooks) };
}

/** One document as `helm template` prints it. */
export function formatManifest(m: Manifest): string {
  return `---\n# Source: ${m.path}\n${m.content}\n`;
}

/**
 * `helm template` stdout: the release manifest (CRD files first when given, then the manifests) trimmed
 * plus a newline (cmd/helm/template.go), then each hook (unless `includeHooks` is false).
 */
export function formatTemplateOutput(
  manifests: Manifest[], hooks: Hook[], includeHooks = true, crds: readonly { path: string; content: string }[] = [],
): string {
  const manifest = crds.map((c) => `---\n# Source: ${c.path}\n${c.content}\n`).join('') + manifests.map(formatManifest).join('');
  return trimGo(manifest) + '\n' + (includeHooks ? hooks.map(formatManifest).join('') : '');
}
