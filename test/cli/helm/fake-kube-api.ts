/**
 * The smallest Kubernetes API a real `helm install --dry-run=client --disable-openapi-validation` needs
 * (Helm 3.22 checks reachability and discovers the API even for a client dry-run): version, discovery of
 * core/v1 and apps/v1, and 404 for every object, so nothing "already exists". Plus a kubeconfig for it.
 */
import { createServer, type Server } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const resource = (name: string, kind: string, namespaced = true) => ({ name, singularName: '', namespaced, kind, verbs: ['get', 'list', 'create', 'delete', 'patch', 'update'] });

const ROUTES: Record<string, unknown> = {
  '/version': { major: '1', minor: '20', gitVersion: 'v1.20.0' },
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }] },
  '/api/v1': { kind: 'APIResourceList', groupVersion: 'v1', resources: [resource('services', 'Service'), resource('secrets', 'Secret'), resource('configmaps', 'ConfigMap'), resource('serviceaccounts', 'ServiceAccount'), resource('pods', 'Pod'), resource('namespaces', 'Namespace', false)] },
  '/apis/apps/v1': { kind: 'APIResourceList', groupVersion: 'apps/v1', resources: [resource('deployments', 'Deployment')] },
};

/** A running fake API and the kubeconfig that points at it. */
export interface FakeKubeApi {
  kubeconfig: string;
  close: () => Promise<void>;
}

/** Starts the fake API on a free loopback port and writes `<dir>/kubeconfig`. */
export async function startFakeKubeApi(dir: string): Promise<FakeKubeApi> {
  const server: Server = createServer((req, res) => {
    const body = ROUTES[(req.url ?? '').split('?')[0]!];
    res.setHeader('content-type', 'application/json');
    if (body === undefined) res.statusCode = 404;
    res.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(kubeconfig, `apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "http://127.0.0.1:${port}"}\n  name: fake\ncontexts:\n- context: {cluster: fake, namespace: default, user: u}\n  name: fake\ncurrent-context: fake\nusers:\n- name: u\n  user: {}\n`);
  return { kubeconfig, close: () => new Promise((done) => server.close(() => done())) };
}
