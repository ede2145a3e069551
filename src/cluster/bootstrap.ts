/**
 * The objects every simulated cluster starts with: the four standard namespaces, the nodes, and the
 * `kubernetes` Service in `default` (ClusterIP 10.96.0.1, 443/TCP) with its Endpoints.
 */
import { nodeIP } from './controllers/kubelet/kubelet.js';
import type { ObjectStore } from './store.js';
import { formatTime } from './time.js';

/** Kubernetes version the simulated nodes report. */
export const SIMULATED_KUBELET_VERSION = 'v1.35.0';

/** Creates the initial objects in an empty store. */
export function bootstrapCluster(store: ObjectStore, nodes: readonly string[], nowMs: number): void {
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  nodes.forEach((name, i) => store.create(nodeObject(name, i, nowMs)));
  store.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
  store.create({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: nodeIP(0) }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
}

function nodeObject(name: string, index: number, nowMs: number) {
  const ready = formatTime(nowMs);
  const resources = { cpu: '4', 'ephemeral-storage': '102400000Ki', memory: '16384000Ki', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' },
    },
    spec: { podCIDR: `10.244.${index * 16}.0/20`, podCIDRs: [`10.244.${index * 16}.0/20`] },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        { type: 'Ready', status: 'True', lastHeartbeatTime: ready, lastTransitionTime: ready, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: nodeIP(index) },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: { architecture: 'amd64', operatingSystem: 'linux', kubeletVersion: SIMULATED_KUBELET_VERSION, containerRuntimeVersion: 'containerd://2.1.0' },
    },
  };
}
