/**
 * The garbage collector: when an object is deleted, every object whose owner references now all point to
 * missing owners is deleted too (background propagation), pods gracefully.
 */
import { deleteObject } from '../deletion.js';
import type { WatchEvent } from '../store.js';
import type { KubeObject } from '../types.js';
import type { Controller, ControllerContext } from './controller.js';

/** Deletes dependents of deleted owners. Keys are owner uids. */
export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';

  constructor(private readonly ctx: ControllerContext) {}

  /** The uid of every deleted object. */
  keysFor(event: WatchEvent): string[] {
    return event.type === 'DELETED' && event.object.metadata.uid ? [event.object.metadata.uid] : [];
  }

  /** Deletes the dependents of owner `uid` that have no remaining owner. */
  sync(uid: string): void {
    for (const dependent of this.ctx.store.dependents(uid)) {
      if (dependent.metadata.deletionTimestamp) continue;
      if ((dependent.metadata.ownerReferences ?? []).some((ref) => this.ownerExists(dependent, ref))) continue;
      deleteObject(this.ctx.store, this.ctx.clock, dependent.kind, dependent.metadata.namespace, dependent.metadata.name);
    }
  }

  private ownerExists(dependent: KubeObject, ref: { kind: string; name: string; uid: string }): boolean {
    const owner =
      this.ctx.store.get(ref.kind, dependent.metadata.namespace, ref.name) ?? this.ctx.store.get(ref.kind, undefined, ref.name);
    return owner?.metadata.uid === ref.uid;
  }
}
