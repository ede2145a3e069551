/**
 * Release records kept as Helm's Secrets driver keeps them (pkg/storage/driver/secrets.go, storage.go):
 * one Secret per revision named `sh.helm.release.v1.<name>.v<revision>` in the release namespace, type
 * `helm.sh/release.v1`, labels `name`, `owner=helm`, `status`, `version` (+ `createdAt` on create,
 * `modifiedAt` on update, + the release's custom labels), `data.release` = base64 of encodeRelease.
 */
import { type Cluster, type KubeObject } from '../cluster/index.js';
import { decodeRelease, encodeRelease } from './codec.js';
import { ReleaseNotFoundError } from './errors.js';
import { type Release, Status } from './record.js';

/** The Secret type Helm 3 writes. */
export const RELEASE_SECRET_TYPE = 'helm.sh/release.v1';
/** The storage labels Helm reserves (driver.GetSystemLabels). */
export const SYSTEM_LABELS: readonly string[] = ['name', 'owner', 'status', 'version', 'createdAt', 'modifiedAt'];

/** `sh.helm.release.v1.<name>.v<revision>`. */
export function secretName(name: string, revision: number): string {
  return `sh.helm.release.v1.${name}.v${revision}`;
}

/** The storage of one cluster's releases. */
export class ReleaseStorage {
  constructor(private readonly cluster: Cluster) {}

  /** Stores a new revision. Throws the cluster's errors (AlreadyExistsError, NotFoundError for the namespace). */
  create(r: Release): void {
    this.cluster.create(this.toSecret(r, { createdAt: this.unixNow() }));
  }

  /** Rewrites a stored revision (status, description, hooks). Throws NotFoundError when it is gone. */
  update(r: Release): void {
    const name = secretName(r.name, r.version);
    const current = this.cluster.get('Secret', r.namespace, name);
    const createdAt = current?.metadata.labels?.createdAt;
    const secret = this.toSecret(r, { ...(createdAt ? { createdAt } : {}), modifiedAt: this.unixNow() });
    this.cluster.replace({ ...secret, metadata: { ...secret.metadata, resourceVersion: undefined } });
  }

  /** Removes a revision's record; false when it did not exist. */
  delete(name: string, namespace: string, revision: number): boolean {
    if (!this.cluster.get('Secret', namespace, secretName(name, revision))) return false;
    this.cluster.delete('Secret', namespace, secretName(name, revision));
    return true;
  }

  /** Every revision of a release, ascending. Empty when there is none. */
  history(name: string, namespace: string): Release[] {
    return this.query(namespace, `owner=helm,name=${name}`).sort((a, b) => a.version - b.version);
  }

  /** One revision. Throws ReleaseNotFoundError. */
  get(name: string, namespace: string, revision: number): Release {
    const secret = this.cluster.get('Secret', namespace, secretName(name, revision));
    if (!secret) throw new ReleaseNotFoundError();
    return this.fromSecret(secret);
  }

  /** The highest revision. Throws ReleaseNotFoundError. */
  last(name: string, namespace: string): Release {
    const all = this.history(name, namespace);
    if (all.length === 0) throw new ReleaseNotFoundError();
    return all[all.length - 1]!;
  }

  /** Every `deployed` revision, ascending (DeployedAll). */
  deployedAll(name: string, namespace: string): Release[] {
    return this.history(name, namespace).filter((r) => r.info.status === Status.Deployed);
  }

  /** Every record of every release in `namespace` (all namespaces when undefined). */
  all(namespace?: string): Release[] {
    return this.query(namespace, 'owner=helm');
  }

  /**
   * Deletes the oldest revisions until at most `max - 1` remain before a new one is stored, never the
   * latest deployed one (storage.removeLeastRecent). `max` 0 keeps everything.
   */
  pruneHistory(name: string, namespace: string, max: number): void {
    if (max <= 0) return;
    const all = this.history(name, namespace);
    const deployed = all.filter((r) => r.info.status === Status.Deployed).at(-1)?.version;
    const removable = all.filter((r) => r.version !== deployed);
    let excess = all.length - (max - 1);
    for (const r of removable) {
      if (excess <= 0) break;
      this.delete(r.name, r.namespace, r.version);
      excess--;
    }
  }

  private query(namespace: string | undefined, selector: string): Release[] {
    return this.cluster.list('Secret', { namespace, labelSelector: selector })
      .filter((s) => (s as { type?: string }).type === RELEASE_SECRET_TYPE)
      .map((s) => this.fromSecret(s));
  }

  private fromSecret(secret: KubeObject): Release {
    const data = (secret as { data?: Record<string, string> }).data?.release ?? '';
    const labels = Object.fromEntries(Object.entries(secret.metadata.labels ?? {}).filter(([k]) => !SYSTEM_LABELS.includes(k)));
    // Kubernetes keeps Secret data base64-encoded; Helm's payload is itself base64 inside that.
    return decodeRelease(Buffer.from(data, 'base64').toString('utf8'), labels);
  }

  private toSecret(r: Release, times: Record<string, string>): KubeObject {
    const labels = { ...r.labels, name: r.name, owner: 'helm', status: r.info.status, version: String(r.version), ...times };
    return {
      apiVersion: 'v1', kind: 'Secret',
      metadata: { name: secretName(r.name, r.version), namespace: r.namespace, labels },
      type: RELEASE_SECRET_TYPE,
      data: { release: Buffer.from(encodeRelease(r), 'utf8').toString('base64') },
    };
  }

  private unixNow(): string {
    return String(Math.floor(this.cluster.now() / 1000));
  }
}
