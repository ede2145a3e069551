/**
 * `chartroom sim ...`: commands about the simulation itself rather than Kubernetes objects.
 *
 *   chartroom sim advance DURATION                 move a virtual clock (`5s`, `1m30s`)
 *   chartroom sim traffic svc/NAME [--requests N]  N simulated requests through a Service (default 100)
 *
 * Both take `--server`, `--cluster` and (traffic) `-n`.
 */
import { parseGoDuration } from '../../config/duration.js';
import { type FlagDef, intFlag, UsageError } from './args.js';
import type { RunnableSpec } from './commands.js';
import type { Invocation } from './invocation.js';
import { tabulate } from './printers.js';

/** Flags every `chartroom sim` command takes. */
export const SIM_GLOBAL_FLAGS: readonly FlagDef[] = [
  { name: 'server', takesValue: true, help: 'Chartroom server URL (env CHARTROOM_SERVER, default http://localhost:8080)' },
  { name: 'cluster', takesValue: true, help: 'simulated cluster name (default "default")' },
  { name: 'help', short: 'h', help: 'help for the command' },
];

/** The `chartroom sim` commands. */
export const SIM_COMMANDS: Record<string, RunnableSpec> = {
  advance: {
    run: advance,
    summary: "Move a virtual-clock cluster's time forward; every timer due in that span fires in order",
    usage: 'advance DURATION [flags]      (Go syntax: 500ms, 5s, 1m30s)',
    flags: [],
  },
  traffic: {
    run: traffic,
    summary: 'Send simulated requests through a Service and report which pods and versions answered',
    usage: 'traffic svc/NAME [--requests N] [flags]',
    flags: [
      { name: 'requests', takesValue: true, help: 'how many requests (default 100)' },
      { name: 'namespace', short: 'n', takesValue: true, help: 'namespace of the Service (default "default")' },
    ],
  },
};

/** `chartroom sim advance DURATION`. Throws UsageError for a missing, malformed or negative duration. */
async function advance(inv: Invocation): Promise<number> {
  const target = inv.args.positionals[1];
  if (target === undefined) throw new UsageError('a duration is required, e.g. chartroom sim advance 5s');
  const ms = parseGoDuration(target);
  if (ms === undefined || ms < 0) throw new UsageError(`invalid duration "${target}": use a non-negative Go duration, e.g. 5s or 1m30s`);
  const { now } = await inv.client.advance(ms);
  inv.io.stdout(`advanced ${target}: cluster time is now ${now}\n`);
  return 0;
}

/** `chartroom sim traffic svc/NAME [--requests N]`. Throws UsageError, ApiError. */
async function traffic(inv: Invocation): Promise<number> {
  const match = /^(svc|service|services)\/(.+)$/.exec(inv.args.positionals[1] ?? '');
  if (!match) throw new UsageError('usage: chartroom sim traffic svc/NAME [--requests N]');
  const requests = intFlag(inv.args, 'requests', 100);
  if (requests < 1) throw new UsageError('--requests must be at least 1');
  const report = await inv.client.traffic(inv.namespace, match[2]!, requests);
  inv.io.stdout(formatTraffic(report));
  return 0;
}

/** The report as printed: a summary line, then requests per pod and per version with their share. */
export function formatTraffic(report: { service: string; requests: number; failed: number; pods: any[]; versions: any[] }): string {
  const share = (n: number): string => `${Math.round((n * 1000) / report.requests) / 10}%`;
  const lines = [`service/${report.service}: ${report.requests} requests, ${report.requests - report.failed} answered, ${report.failed} failed\n`];
  if (report.pods.length > 0) {
    lines.push('\n', tabulate([['POD', 'VERSION', 'REQUESTS', 'SHARE'], ...report.pods.map((p) => [p.pod, p.version, String(p.requests), share(p.requests)])]));
    lines.push('\n', tabulate([['VERSION', 'REQUESTS', 'SHARE'], ...report.versions.map((v) => [v.version, String(v.requests), share(v.requests)])]));
  }
  return lines.join('');
}
