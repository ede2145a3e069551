import type { Readable } from 'node:stream';
import type { ByteRange, ObjectInfo, StorageBackend } from '../storage/backend.js';
import { NotFoundError, PreconditionFailedError } from '../storage/errors.js';
import { chartFileName } from '../storage/keys.js';
import { readChartArchive } from './chart-archive.js';
import { parseChartYaml } from './chart-metadata.js';
import { parseValuesYaml } from '../helm/render/chart-loader.js';
import type { ChartVersionRecord } from './chart-version.js';
import { ChartExistsError, ChartNotFoundError, InvalidChartError, StorageLimitError } from './errors.js';
import { provenanceFileNameFor } from './provenance.js';
import { ArchiveCache, type CachedArchive } from './archive-cache.js';
import { Tenant, type ParsedChart } from './tenant.js';
import { listChartTenants, type TenantListing } from './tenant-listing.js';
import type { IndexDocument } from './tenant-index.js';

/** Repository behaviour switches, named after their ChartMuseum flags. */
export interface RepositoryOptions {
  storage: StorageBackend;
  allowOverwrite: boolean;
  disableForceOverwrite: boolean;
  /** 0 = unlimited. Counts every object in the tenant folder (.tgz and .prov), as ChartMuseum does. */
  maxStorageObjects: number;
  /** 0 = unlimited. Keep at most N versions per chart name; the oldest by creation time are deleted. */
  perChartLimit: number;
  /** Absolute base for chart URLs in the index (`--chart-url`), '' for relative `charts/<file>`. */
  chartUrl: string;
  contextPath: string;
  compactEvery?: number;
  /** How long journal records outlive the snapshot that covers them (default 10 minutes). */
  journalRetentionMs?: number;
  /** A change re-syncs with the shared journal first if the last sync is older than this (default 60 s). */
  staleAfterMs?: number;
  now?: () => Date;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

/** What a client sent to upload: a chart, a provenance file, or both (multipart). */
export interface UploadFiles {
  chart?: Buffer;
  prov?: Buffer;
}

/**
 * The chart repository: tenants, uploads, deletes, lookups and downloads over one storage backend.
 * Knows nothing of HTTP; errors are the typed `RepositoryError`s of errors.ts.
 */
export class ChartRepository {
  private readonly tenants = new Map<string, Promise<Tenant>>();
  /** Tenants whose last journal sync failed (to log an outage once, and its end). */
  private readonly failingSyncs = new Set<string>();
  /** Small archives served from memory: 64 MiB in all, 1 MiB each at most. */
  private readonly archives = new ArchiveCache(64 * 1024 * 1024, 1024 * 1024);
  private readonly now: () => Date;
  private readonly log: NonNullable<RepositoryOptions['log']>;

  constructor(private readonly options: RepositoryOptions) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
  }

  /** The tenant at `folder`, loading and reconciling it on first use. Concurrent callers share one load. */
  tenant(folder: string): Promise<Tenant> {
    let tenant = this.tenants.get(folder);
    if (!tenant) {
      tenant = Tenant.open(folder, {
        storage: this.options.storage,
        now: this.now,
        urlFor: (t, file) => this.chartUrl(t, file),
        contextPath: this.options.contextPath,
        compactEvery: this.options.compactEvery ?? 1000,
        journalRetentionMs: this.options.journalRetentionMs ?? 600_000,
        staleAfterMs: this.options.staleAfterMs ?? 60_000,
        log: this.log,
      });
      this.tenants.set(folder, tenant);
      tenant.catch(() => this.tenants.delete(folder));
    }
    return tenant;
  }

  /** The tenant's index.yaml, ready to send. */
  async indexDocument(folder: string): Promise<IndexDocument> {
    return (await this.tenant(folder)).index.indexDocument();
  }

  /** Whether overwriting is allowed for a request that did or did not ask for `?force`. */
  mayOverwrite(force: boolean): boolean {
    return this.options.allowOverwrite || (force && !this.options.disableForceOverwrite);
  }

  /** Raw-body chart upload (`POST /api/charts`): 409 text `file already exists`. */
  async uploadChart(folder: string, bytes: Buffer, force: boolean): Promise<ChartVersionRecord> {
    const chart = await parseChart(bytes);
    const tenant = await this.tenant(folder);
    const overwrite = this.mayOverwrite(force);
    const record = await tenant.withFileLock(chart.file, async () => {
      await this.checkStorageLimit(tenant, [chart.file], overwrite);
      return tenant.storeChart(chart, overwrite, 'file already exists');
    });
    await this.enforcePerChartLimit(tenant, record.metadata.name);
    return record;
  }

  /** Raw-body provenance upload (`POST /api/prov`): the file name comes from the signed metadata; returns it. */
  async uploadProvenance(folder: string, bytes: Buffer, force: boolean): Promise<string> {
    const file = provenanceFileNameFor(bytes);
    const tenant = await this.tenant(folder);
    const overwrite = this.mayOverwrite(force);
    await tenant.withFileLock(file, async () => {
      await this.checkStorageLimit(tenant, [file], overwrite);
      await this.putFile(tenant, file, bytes, overwrite, 'file already exists');
    });
    return file;
  }

  /**
   * Multipart upload of a chart and/or its provenance. Both are validated before anything is written; if
   * either exists and overwriting is not allowed, nothing is written (409 `chart already exists`); if the
   * second write fails, the first is rolled back. Returns the names of the files written.
   */
  async uploadFiles(folder: string, files: UploadFiles, force: boolean): Promise<string[]> {
    const chart = files.chart ? await parseChart(files.chart) : undefined;
    const provFile = files.prov ? provenanceFileNameFor(files.prov) : undefined;
    const tenant = await this.tenant(folder);
    const overwrite = this.mayOverwrite(force);
    const lockName = chart?.file ?? provFile ?? '';
    const stored = await tenant.withFileLock(lockName, async () => {
      const names = [chart?.file, provFile].filter((n): n is string => n !== undefined);
      if (!overwrite) await this.assertAbsent(tenant, names, 'chart already exists');
      await this.checkStorageLimit(tenant, names, overwrite);
      let stored: ChartVersionRecord | undefined;
      if (chart) stored = await tenant.storeChart(chart, overwrite, 'chart already exists');
      try {
        if (provFile && files.prov) await this.putFile(tenant, provFile, files.prov, overwrite, 'chart already exists');
      } catch (err) {
        if (stored && !overwrite) await tenant.deleteChartFile(stored.file);
        throw err;
      }
      return stored;
    });
    if (stored) await this.enforcePerChartLimit(tenant, stored.metadata.name);
    return [chart?.file, provFile].filter((n): n is string => n !== undefined);
  }

  /** Deletes one chart version and its provenance file. Throws `ChartNotFoundError` if it is not there. */
  async deleteVersion(folder: string, name: string, version: string): Promise<void> {
    const tenant = await this.tenant(folder);
    const indexed = tenant.index.versions(name).find((r) => r.metadata.version === version);
    const file = indexed?.file ?? chartFileName(name, version);
    await tenant.withFileLock(file, async () => {
      if (!tenant.index.byFileName(file) && !(await this.exists(tenant, file))) {
        throw new ChartNotFoundError(`no chart version found for ${name}-${version}`);
      }
      await tenant.deleteChartFile(file);
    });
  }

  /** Opens a stored file of a tenant (chart or provenance) for download, streamed from storage. */
  async openFile(folder: string, file: string, range?: ByteRange): Promise<{ info: ObjectInfo; body: Readable }> {
    const tenant = await this.tenant(folder);
    return this.options.storage.get(tenant.key(file), range);
  }

  /**
   * A small indexed chart archive from memory, reading it into the cache on first use; undefined for files
   * the index does not know, large archives and provenance files (those are streamed with `openFile`).
   */
  async cachedArchive(folder: string, file: string): Promise<CachedArchive | undefined> {
    const tenant = await this.tenant(folder);
    const record = tenant.index.byFileName(file);
    if (!record || record.size > this.archives.maxObjectBytes) return undefined;
    const key = tenant.key(file);
    const cached = this.archives.get(key, record.etag);
    if (cached) return cached;
    const { info, data } = await this.options.storage.getBytes(key);
    if (info.etag !== record.etag) return undefined;
    this.archives.set(key, { info, data });
    return { info, data };
  }

  /** Metadata of a stored file, for HEAD and conditional requests. */
  async statFile(folder: string, file: string): Promise<ObjectInfo> {
    const tenant = await this.tenant(folder);
    return this.options.storage.head(tenant.key(file));
  }

  /** Reads selected files of a stored chart version (values.yaml, templates/...). */
  async readChartFiles(folder: string, record: ChartVersionRecord, keep: (path: string) => boolean): Promise<Map<string, Buffer>> {
    const tenant = await this.tenant(folder);
    const { data } = await this.options.storage.getBytes(tenant.key(record.file));
    return (await readChartArchive(data, keep)).files;
  }

  /**
   * Rescans every loaded tenant against storage (the `--cache-interval` timer).
   * Tenants that are still empty are forgotten, so requests for made-up repository paths cannot grow
   * memory beyond one interval's worth (they are reloaded from storage if asked for again).
   */
  async rescanAll(): Promise<void> {
    for (const [folder, pending] of this.tenants) {
      try {
        const tenant = await pending;
        await tenant.rescan();
        if (tenant.index.size === 0 && tenant.isIdle()) this.tenants.delete(folder);
      } catch (err) {
        this.log('Rescan failed', { tenant: folder, error: String(err) });
      }
    }
  }

  /**
   * Reads what other replicas sharing the storage wrote to the journals of the loaded tenants (one GET per
   * tenant when nothing changed). The server calls this every 500 ms; with one server it finds nothing.
   */
  async syncAll(): Promise<void> {
    await Promise.all(
      [...this.tenants].map(async ([folder, pending]) => {
        try {
          await (await pending).sync();
          if (this.failingSyncs.delete(folder)) this.log('Journal sync recovered', { tenant: folder || '/' });
        } catch (err) {
          // Logged once per outage, not every 500 ms.
          if (!this.failingSyncs.has(folder)) this.log('Journal sync failed', { tenant: folder || '/', error: String(err) });
          this.failingSyncs.add(folder);
        }
      }),
    );
  }

  /**
   * The repository paths holding at least one chart, from storage (see tenant-listing.ts): at `depth`, or
   * at any level with `dynamic`. Storage errors propagate.
   */
  listTenants(depth: number, dynamic: boolean): Promise<TenantListing> {
    return listChartTenants(this.options.storage, depth, dynamic);
  }

  /** Number of tenants held in memory (for tests and metrics). */
  get loadedTenants(): number {
    return this.tenants.size;
  }

  /** Waits for background work (compactions) of every loaded tenant. */
  async settle(): Promise<void> {
    for (const pending of this.tenants.values()) await (await pending).settle();
  }

  /** The URL of a chart file as the index lists it: relative `charts/<file>`, or absolute with `--chart-url`. */
  chartUrl(tenant: string, file: string): string {
    const { chartUrl, contextPath } = this.options;
    if (!chartUrl) return `charts/${file}`;
    const base = chartUrl.replace(/\/+$/, '') + contextPath;
    return tenant ? `${base}/${tenant}/charts/${file}` : `${base}/charts/${file}`;
  }

  private async putFile(tenant: Tenant, file: string, bytes: Buffer, overwrite: boolean, existsMessage: string): Promise<void> {
    try {
      await this.options.storage.put(tenant.key(file), bytes, overwrite ? {} : { ifNoneMatch: '*' });
    } catch (err) {
      if (err instanceof PreconditionFailedError) throw new ChartExistsError(existsMessage);
      throw err;
    }
  }

  private async assertAbsent(tenant: Tenant, files: string[], message: string): Promise<void> {
    for (const file of files) if (await this.exists(tenant, file)) throw new ChartExistsError(message);
  }

  private async exists(tenant: Tenant, file: string): Promise<boolean> {
    try {
      await this.options.storage.head(tenant.key(file));
      return true;
    } catch (err) {
      if (err instanceof NotFoundError) return false;
      throw err;
    }
  }

  private async checkStorageLimit(tenant: Tenant, files: string[], overwrite: boolean): Promise<void> {
    const max = this.options.maxStorageObjects;
    if (max <= 0) return;
    const listing = await this.options.storage.list(tenant.folder);
    const existing = new Set(listing.objects.map((o) => o.key.slice(o.key.lastIndexOf('/') + 1)));
    const added = files.filter((f) => !(overwrite && existing.has(f))).length;
    if (listing.objects.length + added > max) throw new StorageLimitError();
  }

  /**
   * `--per-chart-limit`: deletes the oldest versions (by creation time) beyond the limit, with their
   * provenance files. Runs after the upload released its lock (one lock at a time, so no lock cycles) and
   * before the upload answers, so the answer's read-your-writes includes the eviction.
   */
  private async enforcePerChartLimit(tenant: Tenant, name: string): Promise<void> {
    const limit = this.options.perChartLimit;
    if (limit <= 0) return;
    const byAge = tenant.index.versionsByAge(name);
    for (const record of byAge.slice(0, Math.max(0, byAge.length - limit))) {
      await tenant.withFileLock(record.file, () => tenant.deleteChartFile(record.file));
    }
  }
}

/**
 * Validates an uploaded archive and derives its storage name from Chart.yaml. values.yaml must load as
 * Helm's loader loads it (a chart Helm cannot load is refused rather than stored to fail later).
 */
async function parseChart(bytes: Buffer): Promise<ParsedChart> {
  const contents = await readChartArchive(bytes, (path) => path === 'values.yaml');
  const metadata = parseChartYaml(contents.chartYaml);
  const values = contents.files.get('values.yaml');
  if (values) {
    try {
      parseValuesYaml(values.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new InvalidChartError((err as Error).message);
    }
  }
  if (contents.topFolder !== metadata.name) {
    throw new InvalidChartError(
      `chart archive's top folder "${contents.topFolder}" does not match the chart name "${metadata.name}" in Chart.yaml`,
    );
  }
  return { bytes, metadata, file: chartFileName(metadata.name, metadata.version) };
}
