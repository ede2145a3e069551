/**
 * The side pane with the text of `kubectl get pods` as it would print now, re-read from the list route
 * after each redraw of the cluster page (one request in flight at a time; a change during it asks for
 * one more read afterwards).
 */
import { getJson, type Settings } from './api.js';
import { h } from './dom.js';
import { kubectlText, type TableLike } from './kubectl-text.js';

/** The pane; `refresh()` re-reads the pods. */
export interface PodsText {
  element: HTMLElement;
  refresh: () => void;
}

/** Builds the pane for one cluster and namespace. */
export function podsTextPane(settings: Settings, cluster: string, namespace: string): PodsText {
  const text = h('pre', { id: 'kubectl-pods', tabindex: '0', 'aria-label': 'Output of kubectl get pods' });
  const path = `/api/sim/clusters/${encodeURIComponent(cluster)}/pods?namespace=${encodeURIComponent(namespace)}`;
  let inFlight = false;
  let again = false;
  const refresh = (): void => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    getJson<{ table: TableLike }>(settings, path)
      .then(({ table }) => {
        text.textContent = kubectlText(table) || `No resources found in ${namespace} namespace.\n`;
      })
      .catch((err: Error) => {
        text.textContent = `error: ${err.message}\n`;
      })
      .finally(() => {
        inFlight = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  };
  const element = h('section', { class: 'actions', 'aria-label': 'kubectl get pods' },
    // The heading is the command that prints the same text, as it would be pasted.
    h('h2', {}, h('code', {}, `chartroom kubectl get pods -n ${namespace}${cluster === 'default' ? '' : ` --cluster ${cluster}`}`)), text);
  return { element, refresh };
}
