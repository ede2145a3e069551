/**
 * `kubectl create -f FILE|DIR|-` (each object must be new: `Error from server (AlreadyExists): ...`) and
 * `kubectl create deployment NAME --image=IMAGE... [--replicas=N] [--port=P]`, which builds the same
 * Deployment kubectl's generator builds (labels and selector `app: NAME`, one container per image named
 * after the image).
 */
import { boolFlag, intFlag, UsageError } from './args.js';
import { type Invocation, reportError } from './invocation.js';
import { type ManifestSource, outcomeError, sendManifests } from './mutate.js';

/** `kubectl create`: exit 0, or 1 when any object failed. */
export async function createCommand(inv: Invocation): Promise<number> {
  const [sub, ...rest] = inv.args.positionals.slice(1);
  if (sub === 'deployment' || sub === 'deploy') return createDeployment(inv, rest);
  if (sub !== undefined) throw new UsageError(`unknown command "${sub}" for "kubectl create"`);
  return sendManifests(inv, (source, text) => sendCreate(inv, source, text));
}

async function sendCreate(inv: Invocation, source: ManifestSource, text: string): Promise<(string | Error)[]> {
  const { results } = await inv.client.create(text, inv.namespace);
  return results.map((r: any) => (r.error ? outcomeError(source, r) : `${r.name} created\n`));
}

async function createDeployment(inv: Invocation, names: string[]): Promise<number> {
  if (names.length !== 1) throw new UsageError(`exactly one NAME is required, got ${names.length}`);
  const images = inv.args.all.get('image') ?? [];
  if (images.length === 0) throw new UsageError('required flag(s) "image" not set');
  const port = intFlag(inv.args, 'port', -1);
  const deployment = deploymentFor(names[0]!, images, intFlag(inv.args, 'replicas', 1), port);
  if (boolFlag(inv.args, 'dry-run')) throw new UsageError('--dry-run is not supported by the simulator');
  const source = { path: '-', text: JSON.stringify(deployment) };
  let code = 0;
  try {
    for (const outcome of await sendCreate(inv, source, source.text)) {
      if (typeof outcome === 'string') inv.io.stdout(outcome);
      else code = reportError(inv.io, outcome);
    }
  } catch (err) {
    code = reportError(inv.io, err);
  }
  return code;
}

/** The Deployment `kubectl create deployment` sends. */
export function deploymentFor(name: string, images: string[], replicas: number, port: number): Record<string, unknown> {
  const labels = { app: name };
  const used = new Set<string>();
  const containers = images.map((image) => {
    let base = image.split('/').pop()!.split(':')[0]!.split('@')[0]!.replace(/_/g, '-');
    // kubectl's sanitizeAndUniquify gives a repeated name a random 5-letter suffix; the simulator a number.
    for (let i = 2; used.has(base); i++) base = `${base.replace(/-\d+$/, '')}-${i}`;
    used.add(base);
    return { name: base, image, resources: {} };
  });
  if (port >= 0) Object.assign(containers[0]!, { ports: [{ containerPort: port }] });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: { replicas, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { labels }, spec: { containers } } },
  };
}
