/**
 * `kubectl describe TYPE [NAME...] | TYPE/NAME [-l SELECTOR]`: fetches the object and what kubectl's
 * describer fetches with it, then prints describers.ts's text; several objects are separated by a blank
 * line, as kubectl does. Times are printed in UTC (kubectl uses the client's zone).
 */
import { kindInfo } from '../../../cluster/index.js';
import { UsageError } from '../args.js';
import type { ObjectRef } from '../client.js';
import { type Invocation, kindArg } from '../invocation.js';
import {
  describeDaemonSet,
  describeDeployment,
  describePod,
  describeReplicaSet,
  describeService,
  describeStatefulSet,
  type Related,
} from './describers.js';

const DESCRIBERS: Record<string, (obj: any, related: Related) => string> = {
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Pod: describePod,
  DaemonSet: describeDaemonSet,
  StatefulSet: describeStatefulSet,
  Service: describeService,
};

/** `kubectl describe`: exit 0, or 1 after a server error (NotFound). */
export async function describeCommand(inv: Invocation): Promise<number> {
  const { kind, names } = describeTargets(inv.args.positionals.slice(1));
  const describer = DESCRIBERS[kind];
  if (!describer) throw new UsageError(`describe is not implemented for ${kind} in the simulator`);
  const info = kindInfo(kind);
  let objects: any[];
  if (names.length > 0) {
    objects = [];
    for (const name of names) objects.push(await inv.client.get({ resource: info.resource, namespace: inv.namespace, name }));
  } else {
    objects = (await inv.client.list(info.resource, { namespace: inv.namespace, labelSelector: inv.args.flags.get('selector') })).items;
    if (objects.length === 0) {
      inv.io.stderr(`No resources found in ${inv.namespace} namespace.\n`);
      return 0;
    }
  }
  const { now } = await inv.client.clock();
  const texts: string[] = [];
  for (const obj of objects) texts.push(describer(obj, await relatedOf(inv, obj, Date.parse(now))));
  inv.io.stdout(texts.join('\n\n'));
  return 0;
}

function describeTargets(positionals: string[]): { kind: string; names: string[] } {
  if (positionals.length === 0) throw new UsageError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  if (positionals[0]!.includes('/')) {
    const [type, name] = positionals[0]!.split('/', 2) as [string, string];
    return { kind: kindArg(type), names: [name, ...positionals.slice(1).map((p) => p.split('/').pop()!)] };
  }
  return { kind: kindArg(positionals[0]!), names: positionals.slice(1) };
}

/** The events, ReplicaSets, pods or endpoints kubectl's describer reads for `obj`. */
async function relatedOf(inv: Invocation, obj: any, nowMs: number): Promise<Related> {
  const namespace = obj.metadata.namespace;
  const events = (await inv.client.list('events', { namespace })).items.filter((e: any) => e.involvedObject?.uid === obj.metadata.uid);
  const related: Related = { nowMs, events };
  const owned = async (resource: string): Promise<any[]> =>
    (await inv.client.list(resource, { namespace })).items.filter((o: any) => (o.metadata.ownerReferences ?? []).some((r: any) => r.controller && r.uid === obj.metadata.uid));
  if (obj.kind === 'Deployment') {
    const sets = await owned('replicasets');
    // FindNewReplicaSet: the oldest whose template matches; every other one is old, in list (name) order.
    related.newReplicaSet = [...sets].sort(byCreation).find((rs) => sameTemplate(rs, obj));
    related.oldReplicaSets = sets.filter((rs) => rs !== related.newReplicaSet);
  }
  if (['ReplicaSet', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) related.pods = await owned('pods');
  if (obj.kind === 'Service') related.endpoints = await inv.client.get({ resource: 'endpoints', namespace, name: obj.metadata.name } as ObjectRef).catch(() => undefined);
  return related;
}

/** The new ReplicaSet's template equals the Deployment's, ignoring the pod-template-hash label. */
function sameTemplate(rs: any, d: any): boolean {
  const strip = (t: any): string => {
    const copy = structuredClone(t ?? {});
    if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
    return JSON.stringify(copy);
  };
  return strip(rs.spec.template) === strip(d.spec.template);
}

function byCreation(a: any, b: any): number {
  return Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp) || (a.metadata.name < b.metadata.name ? -1 : 1);
}
