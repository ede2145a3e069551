/**
 * ConfigMaps and Secrets a pod needs before its containers can start. A missing one referenced from the
 * environment makes the kubelet report `CreateContainerConfigError`; a missing one mounted as a volume
 * keeps the pod in `ContainerCreating` with `FailedMount` events. Optional references never block.
 */
import type { Pod } from '../../types.js';

/** What blocks the start, and the kubelet's message for it. */
export interface MissingConfig {
  /** `env` → CreateContainerConfigError; `volume` → FailedMount. */
  via: 'env' | 'volume';
  message: string;
}

/** Looks up `kind` (ConfigMap or Secret) by name in the pod's namespace; returns its data keys or undefined. */
export type ConfigLookup = (kind: 'ConfigMap' | 'Secret', name: string) => string[] | undefined;

interface KeyRef {
  name?: string;
  key?: string;
  optional?: boolean;
}

interface EnvSource {
  env?: { valueFrom?: { configMapKeyRef?: KeyRef; secretKeyRef?: KeyRef } }[];
  envFrom?: { configMapRef?: KeyRef; secretRef?: KeyRef }[];
}

/**
 * The first missing reference of `pod`, checking volumes first (they are mounted before containers are
 * created), then each container's env and envFrom. Examples of messages: `configmap "app-config" not found`,
 * `couldn't find key color in ConfigMap default/app-config`,
 * `MountVolume.SetUp failed for volume "cfg" : secret "tls" not found`.
 */
export function findMissingConfig(pod: Pod, lookup: ConfigLookup): MissingConfig | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  const volumes = (pod.spec.volumes as { name: string; configMap?: KeyRef; secret?: { secretName?: string; optional?: boolean } }[] | undefined) ?? [];
  for (const v of volumes) {
    if (v.configMap?.name && !v.configMap.optional && !lookup('ConfigMap', v.configMap.name)) {
      return { via: 'volume', message: `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found` };
    }
    if (v.secret?.secretName && !v.secret.optional && !lookup('Secret', v.secret.secretName)) {
      return { via: 'volume', message: `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found` };
    }
  }
  for (const c of pod.spec.containers as EnvSource[]) {
    for (const e of c.env ?? []) {
      const missing = checkKeyRef('ConfigMap', e.valueFrom?.configMapKeyRef, namespace, lookup) ?? checkKeyRef('Secret', e.valueFrom?.secretKeyRef, namespace, lookup);
      if (missing) return { via: 'env', message: missing };
    }
    for (const f of c.envFrom ?? []) {
      const missing = checkRef('ConfigMap', f.configMapRef, lookup) ?? checkRef('Secret', f.secretRef, lookup);
      if (missing) return { via: 'env', message: missing };
    }
  }
  return undefined;
}

function checkKeyRef(kind: 'ConfigMap' | 'Secret', ref: KeyRef | undefined, namespace: string, lookup: ConfigLookup): string | undefined {
  if (!ref?.name || ref.optional) return undefined;
  const keys = lookup(kind, ref.name);
  if (!keys) return `${kind.toLowerCase()} "${ref.name}" not found`;
  if (ref.key !== undefined && !keys.includes(ref.key)) return `couldn't find key ${ref.key} in ${kind} ${namespace}/${ref.name}`;
  return undefined;
}

function checkRef(kind: 'ConfigMap' | 'Secret', ref: KeyRef | undefined, lookup: ConfigLookup): string | undefined {
  if (!ref?.name || ref.optional) return undefined;
  return lookup(kind, ref.name) ? undefined : `${kind.toLowerCase()} "${ref.name}" not found`;
}
