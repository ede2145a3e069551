/**
 * The names kubectl accepts for a resource type — kind, singular, plural and short names ("deploy",
 * "deployments.apps", "rs", "po") — resolved to a kind, so the CLI and the HTTP API read them alike.
 */
import { isKnownKind, kindInfo } from './kinds.js';

/** kubectl's short names (from each resource's discovery document). */
const SHORT_NAMES: Record<string, string> = {
  po: 'Pod',
  svc: 'Service',
  ep: 'Endpoints',
  cm: 'ConfigMap',
  no: 'Node',
  ns: 'Namespace',
  ev: 'Event',
  deploy: 'Deployment',
  rs: 'ReplicaSet',
  ds: 'DaemonSet',
  sts: 'StatefulSet',
};

const KINDS = [
  'Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'ConfigMap', 'Secret', 'Event',
  'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ControllerRevision',
];

const BY_NAME = new Map<string, string>();
for (const kind of KINDS) {
  const info = kindInfo(kind);
  BY_NAME.set(kind.toLowerCase(), kind);
  BY_NAME.set(info.resource, kind);
  if (info.group) BY_NAME.set(`${info.resource}.${info.group}`, kind);
}
for (const [short, kind] of Object.entries(SHORT_NAMES)) BY_NAME.set(short, kind);

/**
 * The kind named by `text` ("deploy" → "Deployment"), case-insensitively; undefined when the simulator
 * does not know it. A known Kind spelled exactly ("Deployment") is returned as is.
 */
export function resolveKind(text: string): string | undefined {
  if (isKnownKind(text)) return text;
  return BY_NAME.get(text.toLowerCase());
}
