import { afterEach, describe, expect, it } from 'vitest';
import { GoldenSession } from './golden-session.js';

/**
 * Golden transcripts of every `chartroom kubectl` command (test/fixtures/kubectl/*.txt), each compared
 * whole. They were produced by the simulator, then read against kubectl's formats: tables (§7.4),
 * rollout messages (§7.1–7.3), describe (k8s.io/kubectl/pkg/describe: a Go tabwriter with padding 2 whose
 * column blocks end at lines without tabs; the Events table is its own flush), name-printer messages,
 * JSONPath and custom columns. Regenerate with scripts/regen-kubectl-golden.sh and read the diff.
 */
const VWEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vweb
  labels: {app: vweb}
spec:
  replicas: 3
  selector:
    matchLabels: {app: vweb}
  strategy:
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  template:
    metadata:
      labels: {app: vweb, version: v1}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        ports:
        - {containerPort: 80, name: http}
        env:
        - {name: MODE, value: blue}
---
apiVersion: v1
kind: Service
metadata:
  name: vweb
spec:
  selector: {app: vweb}
  ports:
  - {name: http, port: 80, targetPort: http}
`;

const WORKLOADS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: fluentd:1.16
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels: {app: db}
  updateStrategy:
    rollingUpdate: {partition: 2}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres:16
`;

let session: GoldenSession | undefined;
afterEach(async () => session?.close());

async function expectGolden(name: string): Promise<void> {
  const { actual, expected } = await session!.compare(name);
  expect(actual).toBe(expected);
}

describe('kubectl golden transcripts', () => {
  it('get in every output format, describe, and a rolling update with history and undo', async () => {
    session = await GoldenSession.start();
    const k = (...args: string[]) => session!.kubectl(...args);
    await session.kubectlStdin(VWEB, 'apply', '-f', '-');
    await session.sim('advance', '5s');
    await k('get', 'deploy');
    await k('get', 'deploy', '-o', 'wide');
    await k('get', 'all');
    await k('get', 'pods', '--show-labels', '--sort-by=.metadata.name');
    await k('get', 'svc,ep');
    await k('get', 'pods', '-o', 'name');
    await k('get', 'replicaset', '-l', 'app=vweb', '-o=custom-columns=NAME:.metadata.name,REPLICAS:.status.replicas,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision');
    await k('get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}');
    await k('get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\t"}{.status.podIP}{"\\n"}{end}');
    await k('get', 'deploy', 'vweb', '-o', 'jsonpath={.spec.template.spec.containers[?(@.name=="web")].image}');
    await k('describe', 'deploy', 'vweb');
    await k('set', 'image', 'deploy/vweb', 'web=nginx:1.26');
    await k('rollout', 'status', 'deploy/vweb', '--watch=false');
    await session.sim('advance', '5s');
    await k('get', 'rs');
    await k('get', 'pods');
    await session.sim('advance', '10s');
    await k('rollout', 'status', 'deploy/vweb', '--watch=false');
    await k('rollout', 'history', 'deploy/vweb');
    await k('rollout', 'history', 'deploy/vweb', '--revision=1');
    await k('rollout', 'history', 'deploy/vweb', '--revision=7');
    await k('describe', 'deploy', 'vweb');
    await k('describe', 'rs', '-l', 'app=vweb');
    const pod = (await k('get', 'pods', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
    await k('describe', 'pod', pod);
    await k('describe', 'svc', 'vweb');
    await session.sim('traffic', 'svc/vweb', '--requests', '300');
    await k('rollout', 'undo', 'deploy/vweb', '--to-revision=1');
    await session.sim('advance', '20s');
    await k('rollout', 'history', 'deploy/vweb');
    await k('get', 'rs', '--sort-by=.metadata.annotations.deployment\\.kubernetes\\.io/revision');
    await expectGolden('rolling-update');
  }, 60_000);

  it('create, label, annotate, patch, scale, pause, resume, restart, delete, and their errors (usage and manifest errors too)', async () => {
    session = await GoldenSession.start();
    const k = (...args: string[]) => session!.kubectl(...args);
    await k('create', 'deployment', 'web', '--image=registry.example/team/web_app:2.0', '--replicas=2', '--port=8080');
    await k('create', 'deployment', 'web', '--image=nginx');
    await k('create', 'deployment', 'other');
    await session.kubectlStdin('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {color: blue}\n', 'create', '-f', '-');
    await session.sim('advance', '5s');
    await k('get', 'deploy', 'web', '-o', 'yaml');
    await k('get', 'cm', 'settings', '-o', 'json');
    await k('label', 'deploy', 'web', 'tier=front');
    await k('label', 'deploy', 'web', 'tier=back');
    await k('label', 'deploy/web', 'tier=back', '--overwrite');
    await k('label', 'deploy', 'web', 'tier-', 'team=a');
    await k('label', 'deploy', 'web', 'tier-');
    await k('annotate', 'deploy', 'web', 'owner=ops');
    await k('annotate', 'deploy', 'web', 'owner=dev');
    await k('get', 'deploy', '--show-labels');
    await k('get', 'deploy', '--no-headers');
    await k('get', 'deploy', '-o', 'custom-columns=NAME:.metadata.name,LABELS:.metadata.labels', '--no-headers');
    await k('patch', 'deploy', 'web', '-p', '{"spec":{"replicas":3}}');
    await k('patch', 'deploy', 'web', '-p', '{"spec":{"replicas":3}}');
    await k('patch', 'deploy', 'web', '--type=merge', '-p', '{"metadata":{"labels":{"team":null}}}');
    await k('patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]');
    await k('patch', 'deploy', 'web', '--type=xml', '-p', '{}');
    await k('scale', 'deploy/web', '--replicas=4');
    await k('rollout', 'pause', 'deploy/web');
    await k('rollout', 'pause', 'deploy/web');
    await k('set', 'image', 'deploy/web', 'web-app=nginx:1.27');
    await k('rollout', 'restart', 'deploy/web');
    await k('rollout', 'undo', 'deploy/web');
    await k('rollout', 'resume', 'deploy/web');
    await k('rollout', 'resume', 'deploy/web');
    await session.sim('advance', '30s');
    await k('rollout', 'restart', 'deploy/web');
    await session.sim('advance', '30s');
    await k('rollout', 'history', 'deploy/web');
    await k('get', 'rs', '-o', 'custom-columns=NAME:.metadata.name,DESIRED:.spec.replicas,IMAGE:.spec.template.spec.containers[*].image,RESTARTED:.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt');
    await k('get', 'events', '--field-selector', 'involvedObject.kind=Deployment', '-o', 'custom-columns=REASON:.reason,MESSAGE:.message');
    await k('get', 'deploy', 'missing');
    await k('describe', 'deploy', 'missing');
    await k('get', 'pods', '-o', 'jsonpath={.items[0');
    await k('get', 'pods', '-o', 'custom-columns=NAME');
    await k('get', 'pods', '-o', 'template');
    await k('get', 'deploy', '--bogus');
    await k('scale', 'deploy/web', '--replics=3');
    await session.kubectlStdin('apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n', 'apply', '-f', '-');
    await session.kubectlStdin('metadata: {name: bare}\n', 'apply', '-f', '-');
    await session.sim('advance', '-5s');
    await session.sim('advance', '5s', '--nope');
    await k('delete', 'deploy', 'web');
    await k('delete', 'pod', '--all', '--force');
    await k('get', 'pods');
    await expectGolden('commands');
  }, 60_000);

  it('DaemonSet and StatefulSet: get, describe, a partitioned update, and a watch', async () => {
    session = await GoldenSession.start();
    const k = (...args: string[]) => session!.kubectl(...args);
    await session.kubectlStdin(WORKLOADS, 'apply', '-f', '-');
    await session.sim('advance', '30s');
    await k('get', 'ds,sts');
    await k('get', 'pods', '-o', 'wide', '--sort-by=.metadata.name');
    await k('describe', 'ds', 'agent');
    await k('describe', 'sts', 'db');
    await k('set', 'image', 'sts/db', 'db=postgres:17');
    await session.concurrently(['get', 'pods', '-l', 'app=db', '-w', '--request-timeout=2s'], async () => {
      await session!.sim('advance', '30s');
    });
    await k('rollout', 'status', 'sts/db', '--watch=false');
    await k('get', 'pods', '-l', 'app=db', '-o', 'custom-columns=POD:.metadata.name,IMAGE:.spec.containers[0].image,REVISION:.metadata.labels.controller-revision-hash');
    await k('rollout', 'history', 'sts/db');
    await session.concurrently(['get', 'ds', '--watch-only', '-o', 'custom-columns=NAME:.metadata.name,UPDATED:.status.updatedNumberScheduled,AVAILABLE:.status.numberAvailable', '--request-timeout=2s'], async () => {
      await k('set', 'image', 'ds/agent', 'agent=fluentd:1.17');
      await session!.sim('advance', '60s');
    });
    await k('rollout', 'status', 'ds/agent', '--watch=false');
    await k('rollout', 'history', 'ds/agent', '--revision=2');
    await k('rollout', 'pause', 'ds/agent');
    await expectGolden('workloads');
  }, 60_000);

  it('a stuck rollout: ImagePullBackOff, the progress deadline, and describe with repeated events', async () => {
    session = await GoldenSession.start();
    const k = (...args: string[]) => session!.kubectl(...args);
    await session.kubectlStdin(VWEB, 'apply', '-f', '-');
    await k('patch', 'deploy', 'vweb', '-p', '{"spec":{"progressDeadlineSeconds":60}}');
    await session.sim('advance', '5s');
    await k('patch', 'deploy', 'vweb', '-p', '{"spec":{"template":{"metadata":{"annotations":{"sim.chartroom.dev/fail":"ErrImagePull"}},"spec":{"containers":[{"name":"web","image":"nginx:9.99"}]}}}}');
    await session.sim('advance', '75s');
    await k('get', 'pods');
    await k('rollout', 'status', 'deploy/vweb');
    const pod = (await k('get', 'pods', '--field-selector=status.phase=Pending', '-o', 'jsonpath={.items[0].metadata.name}')).trim();
    await k('describe', 'pod', pod);
    await k('get', 'deploy', 'vweb', '-o', 'jsonpath={range .status.conditions[*]}{.type}={.status} ({.reason}): {.message}{"\\n"}{end}');
    await k('rollout', 'undo', 'deploy/vweb');
    await session.sim('advance', '5s');
    await k('rollout', 'status', 'deploy/vweb');
    await expectGolden('stuck-rollout');
  }, 60_000);
});
