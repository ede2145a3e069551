/**
 * `chartroom helm install|upgrade|rollback|uninstall` with Helm's syntax and output, against the
 * simulated cluster of a Chartroom server.
 */
import { basename } from 'node:path';
import { HelmUsageError, intArg, isOn } from './args.js';
import { chartBody, chartFiles, type ChartSource, locateChart } from './chart-source.js';
import { parseChartYaml } from '../../repo/chart-metadata.js';
import { type HelmCommand, type HelmInvocation, labelsBody, timeoutBody, valuesBody } from './invocation.js';
import { formatHelmRelease, formatStatus } from './printers.js';
import type { ReleaseView } from './client.js';

/** A release operation that failed, printed with Helm's prefix (`INSTALLATION FAILED: …`). */
export class PrefixedError extends Error {
  override readonly name = 'PrefixedError';
}

const DRY_RUN_VALUES = ['false', 'true', 'none', 'client', 'server'];

/** `--dry-run[=client|server|true|false|none]`; any other value is Helm's error (`Flag must one of`, sic). */
function dryRun(inv: HelmInvocation): boolean {
  const v = inv.args.flags.get('dry-run');
  if (v !== undefined && !DRY_RUN_VALUES.includes(v)) {
    throw new HelmUsageError(`Invalid dry-run flag. Flag must one of the following: ${DRY_RUN_VALUES.join(', ')}`);
  }
  return v !== undefined && v !== 'false' && v !== 'none';
}

function outputFormat(inv: HelmInvocation): 'table' | 'json' | 'yaml' {
  const o = inv.args.flags.get('output') ?? 'table';
  if (o !== 'table' && o !== 'json' && o !== 'yaml') throw new HelmUsageError(`invalid argument "${o}" for "-o, --output" flag: invalid format type`);
  return o;
}

function printRelease(inv: HelmInvocation, release: ReleaseView): void {
  const format = outputFormat(inv);
  if (format === 'table') inv.io.stdout(formatStatus(release, { hideNotes: isOn(inv.args, 'hide-notes') }));
  else inv.io.stdout(formatHelmRelease(release, format));
}

/** Helm's `WARNING: This chart is deprecated` (on stderr) for a chart marked `deprecated: true`. */
async function warnIfDeprecated(inv: HelmInvocation, source: ChartSource): Promise<void> {
  const chartYaml = (await chartFiles(source)).get('Chart.yaml');
  if (chartYaml && parseChartYaml(chartYaml).deprecated) inv.io.stderr('WARNING: This chart is deprecated\n');
}

async function withPrefix<T>(prefix: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (e instanceof HelmUsageError || (e as Error).name === 'HelmApiError') throw new PrefixedError(`${prefix}: ${(e as Error).message}`);
    throw e;
  }
}

function commonBody(inv: HelmInvocation): Record<string, unknown> {
  const { args } = inv;
  return {
    dryRun: dryRun(inv), wait: isOn(args, 'wait'), atomic: isOn(args, 'atomic'), description: args.flags.get('description'),
    disableHooks: isOn(args, 'no-hooks'), createNamespace: isOn(args, 'create-namespace'), helmJson: outputFormat(inv) !== 'table',
    ...timeoutBody(inv), ...labelsBody(inv),
  };
}

/** `helm install [NAME] CHART`. */
export const installCommand: HelmCommand = async (inv) => {
  const generate = isOn(inv.args, 'generate-name');
  if (inv.args.flags.has('name-template')) throw new HelmUsageError('--name-template is not supported by chartroom helm');
  const [first, second] = inv.rest;
  const [name, ref] = generate ? [undefined, first] : [first, second];
  if (generate && second !== undefined) throw new HelmUsageError('expected at most one argument when using --generate-name');
  if (!ref) throw new HelmUsageError(generate || first === undefined ? '"helm install" requires at least 1 argument' : 'must either provide a name or specify --generate-name');
  const { release } = await withPrefix('INSTALLATION FAILED', async () => {
    const source = await locateChart(ref, inv.args.flags.get('version') ?? '', inv.paths);
    const values = await valuesBody(inv);
    await warnIfDeprecated(inv, source);
    const nameBase = basename(ref).split('.')[0] || 'chart';
    return await inv.client.install({
      name, generateName: generate, nameBase, namespace: inv.namespace, chart: chartBody(source), values,
      replace: isOn(inv.args, 'replace'), ...commonBody(inv),
    });
  });
  printRelease(inv, release);
  return 0;
};

/** `helm upgrade NAME CHART`. */
export const upgradeCommand: HelmCommand = async (inv) => {
  const [name, ref] = inv.rest;
  if (!name || !ref) throw new HelmUsageError(`"helm upgrade" requires 2 arguments`);
  const { args } = inv;
  // Helm returns the chart-location and value-flag errors of `upgrade` bare; only the action is prefixed.
  const source = await locateChart(ref, args.flags.get('version') ?? '', inv.paths);
  const values = await valuesBody(inv);
  await warnIfDeprecated(inv, source);
  const { release, installed } = await withPrefix('UPGRADE FAILED', async () => await inv.client.upgrade(inv.namespace, name, {
    chart: chartBody(source), values, install: isOn(args, 'install'), resetValues: isOn(args, 'reset-values'),
    reuseValues: isOn(args, 'reuse-values'), resetThenReuseValues: isOn(args, 'reset-then-reuse-values'),
    historyMax: args.flags.has('history-max') ? intArg(args, 'history-max', 10) : undefined, ...commonBody(inv),
  }));
  const table = outputFormat(inv) === 'table';
  if (table) inv.io.stdout(installed ? `Release ${JSON.stringify(name)} does not exist. Installing it now.\n` : `Release ${JSON.stringify(name)} has been upgraded. Happy Helming!\n`);
  printRelease(inv, release);
  return 0;
};

/** `helm rollback NAME [REVISION]`. */
export const rollbackCommand: HelmCommand = async (inv) => {
  const [name, revisionText] = inv.rest;
  if (!name) throw new HelmUsageError('"helm rollback" requires at least 1 argument');
  let revision = 0;
  if (revisionText !== undefined) {
    if (!/^[+-]?\d+$/.test(revisionText)) throw new HelmUsageError(`could not convert revision to a number: strconv.Atoi: parsing ${JSON.stringify(revisionText)}: invalid syntax`);
    revision = Number(revisionText);
  }
  await inv.client.rollback(inv.namespace, name, {
    revision, dryRun: isOn(inv.args, 'dry-run'), wait: isOn(inv.args, 'wait'), disableHooks: isOn(inv.args, 'no-hooks'), ...timeoutBody(inv),
    historyMax: inv.args.flags.has('history-max') ? intArg(inv.args, 'history-max', 10) : undefined,
  });
  inv.io.stdout('Rollback was a success! Happy Helming!\n');
  return 0;
};

/** `helm uninstall NAME...` (aliases `delete`, `un`, `del`). */
export const uninstallCommand: HelmCommand = async (inv) => {
  if (inv.rest.length === 0) throw new HelmUsageError('"helm uninstall" requires at least 1 argument');
  for (const name of inv.rest) {
    const result = await inv.client.uninstall(inv.namespace, name, {
      keepHistory: isOn(inv.args, 'keep-history') ? 'true' : '', disableHooks: isOn(inv.args, 'no-hooks') ? 'true' : '',
      ignoreNotFound: isOn(inv.args, 'ignore-not-found') ? 'true' : '', description: inv.args.flags.get('description') ?? '',
      wait: isOn(inv.args, 'wait') ? 'true' : '', timeout: inv.args.flags.get('timeout') ?? '',
    });
    if (result.info) inv.io.stdout(`${result.info}\n`);
    inv.io.stdout(`release "${name}" uninstalled\n`);
  }
  return 0;
};
