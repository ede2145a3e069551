/**
 * `chartroom template [NAME] CHART [flags]`: renders a chart locally with Helm's flags and prints what
 * `helm template` prints, byte for byte; errors go to stderr as `Error: <Helm's message>` with exit code 1.
 * CHART is a chart directory, a packaged `.tgz`, a chart URL, `repo/chart` from `helm repo add`, or a
 * chart name with `--repo URL` (any ChartMuseum-compatible repository, Chartroom included).
 */
import { locateChart } from '../helm/chart-source/locate-chart.js';
import { defaultCapabilities } from '../helm/render/default-capabilities.js';
import { parseKubeVersion } from '../helm/render/kube-version.js';
import { renderChart } from '../helm/render/render-chart.js';
import { RenderError } from '../helm/render/errors.js';
import { helmLogLine } from '../helm/render/log-sources.js';
import { selectShowOnly } from '../helm/render/show-only.js';
import { mergeValueOptions, readFileLikeGo } from '../helm/values/index.js';
import { parseFlags, type ParsedFlags } from './pflag.js';
import { checkDryRun, resolveReleaseName, TEMPLATE_FLAGS, TemplateUsageError } from './template-args.js';

/** Where `chartroom template` writes. */
export interface TemplateIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'Usage:  helm template [NAME] [CHART] [flags]';

const list = (flags: ParsedFlags, name: string): string[] => (flags.values.get(name) as string[] | undefined) ?? [];
const text = (flags: ParsedFlags, name: string): string => (flags.values.get(name) as string | undefined) ?? '';
const bool = (flags: ParsedFlags, name: string): boolean => flags.values.get(name) === true;

function capabilitiesFrom(flags: ParsedFlags): ReturnType<typeof defaultCapabilities> {
  const caps = defaultCapabilities();
  const kube = text(flags, 'kube-version');
  if (kube !== '') {
    try {
      caps.kubeVersion = parseKubeVersion(kube);
    } catch (e) {
      throw new TemplateUsageError(`invalid kube version '${kube}': ${(e as Error).message}`);
    }
  }
  caps.apiVersions.push(...list(flags, 'api-versions'));
  return caps;
}

async function render(flags: ParsedFlags, env: NodeJS.ProcessEnv, io: TemplateIo): Promise<void> {
  const capabilities = capabilitiesFrom(flags);
  const { releaseName, chartRef } = resolveReleaseName(flags);
  const chart = await locateChart(chartRef, {
    version: text(flags, 'version'), repoUrl: text(flags, 'repo'), env, log: (line) => io.stderr(`${line}\n`),
    ...(flags.values.has('username') ? { username: text(flags, 'username'), password: text(flags, 'password') } : {}),
  });
  for (const line of chart.warnings ?? []) io.stderr(`${line}\n`);
  const userValues = mergeValueOptions({
    valueFiles: list(flags, 'values'), values: list(flags, 'set'), stringValues: list(flags, 'set-string'),
    jsonValues: list(flags, 'set-json'), fileValues: list(flags, 'set-file'), literalValues: list(flags, 'set-literal'),
  }, readFileLikeGo);
  const result = renderChart(chart, {
    releaseName, namespace: text(flags, 'namespace') || 'default', isUpgrade: bool(flags, 'is-upgrade'),
    userValues: [userValues], capabilities, includeCrds: bool(flags, 'include-crds'), noHooks: bool(flags, 'no-hooks'),
    skipTests: bool(flags, 'skip-tests'), skipSchemaValidation: bool(flags, 'skip-schema-validation'),
    warn: (msg) => io.stderr(`${helmLogLine(msg)}\n`), afterDependencyCheck: () => checkDryRun(flags),
  });
  const showOnly = list(flags, 'show-only');
  io.stdout(showOnly.length > 0 ? selectShowOnly(result.output, showOnly) : result.output);
}

/** Runs `chartroom template` with `argv` (after the subcommand); resolves to the exit code. */
export async function runTemplate(argv: readonly string[], env: NodeJS.ProcessEnv, io: TemplateIo): Promise<number> {
  let flags: ParsedFlags;
  try {
    flags = parseFlags(argv, TEMPLATE_FLAGS);
    if (flags.positionals.length < 1) {
      io.stderr(`Error: "helm template" requires at least 1 argument\n\n${USAGE}\n`);
      return 1;
    }
    await render(flags, env, io);
    return 0;
  } catch (e) {
    if (!(e instanceof Error) || e.constructor === Error || e instanceof TypeError || e instanceof RangeError) throw e;
    // Helm adds this hint to errors raised once the release object exists (the render phase).
    const hint = e instanceof RenderError && e.inRenderPhase ? '\n\nUse --debug flag to render out invalid YAML' : '';
    io.stderr(`Error: ${e.message}${hint}\n`);
    return 1;
  }
}
