/**
 * meta.k8s.io/v1 Table responses, as the API server serves `kubectl get` (see k8s-api-facade.md §4): column
 * definitions, one row per object with all (wide) cells, and the object as PartialObjectMetadata, the full
 * object, or nothing (`includeObject`).
 */
import type { KubeObject } from '../types.js';
import { columnsFor, type TableColumnDefinition } from './columns.js';
import { type Cell, rowCells } from './rows.js';

/** One row of a Table. */
export interface TableRow {
  cells: Cell[];
  object?: KubeObject | { kind: 'PartialObjectMetadata'; apiVersion: 'meta.k8s.io/v1'; metadata: KubeObject['metadata'] };
}

/** A meta.k8s.io/v1 Table. */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** Options of `toTable`. */
export interface TableOptions {
  nowMs: number;
  resourceVersion: string;
  /** `Metadata` (default), `Object` or `None`, as the includeObject query parameter. */
  includeObject?: 'Metadata' | 'Object' | 'None';
}

/** A Table of `objects` (all of kind `kind`), in the given order. */
export function toTable(kind: string, objects: readonly KubeObject[], options: TableOptions): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: options.resourceVersion },
    columnDefinitions: columnsFor(kind),
    rows: objects.map((obj) => tableRow(obj, options)),
  };
}

function tableRow(obj: KubeObject, options: TableOptions): TableRow {
  const cells = rowCells(obj, options.nowMs);
  const include = options.includeObject ?? 'Metadata';
  if (include === 'None') return { cells };
  if (include === 'Object') return { cells, object: obj };
  return { cells, object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata } };
}
