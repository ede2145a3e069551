/**
 * The namespace controller: a Namespace being deleted (phase Terminating) has all its content deleted,
 * pods gracefully, and is removed once nothing is left in it.
 */
import { deleteObject } from '../deletion.js';
import { kindInfo } from '../kinds.js';
import type { WatchEvent } from '../store.js';
import type { Controller, ControllerContext } from './controller.js';

/** Empties and removes terminating namespaces. Keys are namespace names. */
export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';

  constructor(private readonly ctx: ControllerContext) {}

  /** Terminating namespaces, and deletions inside them. */
  keysFor(event: WatchEvent): string[] {
    const obj = event.object;
    if (obj.kind === 'Namespace') return obj.metadata.deletionTimestamp && event.type !== 'DELETED' ? [obj.metadata.name] : [];
    const ns = obj.metadata.namespace;
    if (event.type !== 'DELETED' || !ns) return [];
    return this.ctx.store.get('Namespace', undefined, ns)?.metadata.deletionTimestamp ? [ns] : [];
  }

  /** Deletes what is left in namespace `name`, and the namespace when it is empty. */
  sync(name: string): void {
    const ns = this.ctx.store.get('Namespace', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const kind of this.ctx.store.kinds()) {
      if (!kindInfo(kind).namespaced) continue;
      for (const obj of this.ctx.store.list(kind, { namespace: name })) {
        remaining++;
        if (!obj.metadata.deletionTimestamp) deleteObject(this.ctx.store, this.ctx.clock, kind, name, obj.metadata.name);
      }
    }
    if (remaining === 0 || this.isEmpty(name)) this.ctx.store.remove('Namespace', undefined, name);
  }

  private isEmpty(name: string): boolean {
    return this.ctx.store.kinds().every((kind) => !kindInfo(kind).namespaced || this.ctx.store.list(kind, { namespace: name }).length === 0);
  }
}
