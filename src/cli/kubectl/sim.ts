/**
 * `chartroom sim ...`: commands about the simulation itself rather than Kubernetes objects.
 *
 *   chartroom sim advance DURATION                 move a virtual clock (`5s`, `1m30s`)
 *   chartroom sim traffic svc/NAME [--requests N]  N simulated requests through a Service (default 100)
 *
 * Both take `--server`, `--cluster` and (traffic) `-n`.
 */
import { parseGoDuration } from '../../config/duration.js';
import { intFlag, type ParsedArgs, UsageError } from './args.js';
import type { SimClient } from './client.js';
import type { KubectlIo } from './invocation.js';
import { tabulate } from './printers.js';

/** Runs a parsed `sim` command line; resolves to the exit code. Throws UsageError, ApiError. */
export async function simCommand(args: ParsedArgs, client: SimClient, io: KubectlIo): Promise<number> {
  const [sub, target] = args.positionals;
  if (sub === 'advance') {
    const ms = target === undefined ? undefined : parseGoDuration(target);
    if (ms === undefined || ms < 0) throw new UsageError(`invalid duration "${target ?? ''}": use Go syntax, e.g. 5s or 1m30s`);
    const { now } = await client.advance(ms);
    io.stdout(`advanced ${target}: cluster time is now ${now}\n`);
    return 0;
  }
  if (sub === 'traffic') return traffic(args, client, io, target);
  throw new UsageError(`unknown command "${sub ?? ''}" for "chartroom sim"`);
}

async function traffic(args: ParsedArgs, client: SimClient, io: KubectlIo, target: string | undefined): Promise<number> {
  const match = /^(svc|service|services)\/(.+)$/.exec(target ?? '');
  if (!match) throw new UsageError('usage: chartroom sim traffic svc/NAME [--requests N]');
  const requests = intFlag(args, 'requests', 100);
  if (requests < 1) throw new UsageError('--requests must be at least 1');
  const report = await client.traffic(args.flags.get('namespace') || 'default', match[2]!, requests);
  io.stdout(formatTraffic(report));
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
