/**
 * The named clusters of one Chartroom server: `default` always exists, any other name is created on first
 * use (one per student of a class). Each cluster gets its own clock from `makeClock` and its own seed
 * (its name unless `seedPrefix` is given), so the same inputs give the same names in every run.
 */
import { type Cluster, createCluster } from './cluster.js';
import type { Clock } from './clock.js';
import { BadRequestError, ForbiddenError } from './errors.js';

/** Clusters a registry holds unless told otherwise. */
export const DEFAULT_MAX_CLUSTERS = 100;
import type { SimulationSettings } from './settings.js';

/** Options shared by every cluster of a registry. */
export interface RegistryOptions {
  /** A new clock per cluster (a virtual clock, or a real one with the server's speed). */
  makeClock: () => Clock;
  settings?: Partial<SimulationSettings>;
  /** Prepended to each cluster's name to form its seed. */
  seedPrefix?: string;
  /** Watch events each cluster retains for replay (default 10,000). */
  watchLogLimit?: number;
  /** Most clusters the registry holds, `default` included (default 100); creating one more is Forbidden. */
  maxClusters?: number;
}

/** The clusters of a server. */
export interface ClusterRegistry {
  /**
   * The cluster called `name`, created on first use. Throws BadRequestError for an invalid name, ForbiddenError
   * when creating it would pass `maxClusters`.
   */
  get(name: string): Cluster;
  /** Whether a cluster called `name` exists. */
  has(name: string): boolean;
  /** The names of the existing clusters, sorted. */
  names(): string[];
  /** Drops a cluster (never `default`); false if it did not exist. */
  remove(name: string): boolean;
  /** Stops every cluster's clock. */
  dispose(): void;
}

/** A DNS-1123 label, as cluster names appear in URLs and flags. */
const CLUSTER_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Creates a registry holding the `default` cluster. */
export function createClusterRegistry(options: RegistryOptions): ClusterRegistry {
  const clusters = new Map<string, Cluster>();
  const get = (name: string): Cluster => {
    let cluster = clusters.get(name);
    if (cluster) return cluster;
    if (!CLUSTER_NAME.test(name)) throw new BadRequestError(`invalid cluster name "${name}": must be a lowercase RFC 1123 label`);
    const max = options.maxClusters ?? DEFAULT_MAX_CLUSTERS;
    if (clusters.size >= max) throw new ForbiddenError(`cannot create cluster "${name}": this server already holds ${max} clusters (--sim-max-clusters)`);
    cluster = createCluster({ name, clock: options.makeClock(), seed: `${options.seedPrefix ?? ''}${name}`, settings: options.settings, watchLogLimit: options.watchLogLimit });
    clusters.set(name, cluster);
    return cluster;
  };
  get('default');
  return {
    get,
    has: (name) => clusters.has(name),
    names: () => [...clusters.keys()].sort(),
    remove(name) {
      const cluster = clusters.get(name);
      if (!cluster || name === 'default') return false;
      cluster.dispose();
      return clusters.delete(name);
    },
    dispose() {
      for (const c of clusters.values()) c.dispose();
    },
  };
}
