/**
 * Rendering a chart for a release (action.renderResources): the manifest text Helm stores (each
 * document as `---\n# Source: <path>\n<doc>\n`), the hooks with empty last runs, and the notes.
 */
import { type Hook, type LoadedChart, type LookupFunc, processDependencies, processImportValues, type RenderLimits, renderChart, type Values } from '../helm/render/index.js';
import { formatManifest } from '../helm/render/manifests.js';
import type { ReleaseHook } from './record.js';

/** A rendered release body. */
export interface RenderedRelease {
  manifest: string;
  hooks: ReleaseHook[];
  notes: string;
}

/** What to render with. */
export interface RenderRequest {
  releaseName: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  /** The user-supplied values (already reused/merged for upgrades). */
  values: Values;
  /** Answers `lookup` (absent for client-side dry runs, which see no cluster). */
  lookup?: LookupFunc;
  /** Output and time limits (the render pipeline's defaults when absent). */
  limits?: RenderLimits;
}

const toReleaseHook = (h: Hook): ReleaseHook => ({
  name: h.name, kind: h.kind, path: h.path, manifest: h.content, events: h.events, lastRun: { phase: '' },
  weight: h.weight, deletePolicies: h.deletePolicies,
});

/** Renders `chart`. Throws the render pipeline's errors (NotInstallableError, TemplateExecutionFailure, …). */
export function renderRelease(chart: LoadedChart, req: RenderRequest): RenderedRelease {
  const out = renderChart(chart, {
    releaseName: req.releaseName, namespace: req.namespace, revision: req.revision, isUpgrade: req.isUpgrade,
    userValues: [req.values], lookup: req.lookup, limits: req.limits,
  });
  return { manifest: out.manifests.map(formatManifest).join(''), hooks: out.hooks.map(toReleaseHook), notes: out.notes };
}

/**
 * The chart as Helm stores it in the release: ProcessDependenciesWithMerge rewrites a chart that declares
 * dependencies (each marked enabled, renamed to its alias) and its values to the merged values of the enabled tree (subchart sections and globals
 * included, imports applied); a chart without dependencies keeps its values.yaml.
 */
export function chartAsStored(chart: LoadedChart, values: Values): LoadedChart {
  const processed = processImportValues(processDependencies(chart, values));
  return { ...chart, metadata: processed.metadata, values: processed.values };
}
