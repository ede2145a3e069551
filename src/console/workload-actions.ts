/**
 * Changes to a Deployment from the page — its image, its replica count, and the strategy fields a rollout
 * obeys (maxSurge, maxUnavailable, minReadySeconds) — through the same simulator API `chartroom kubectl`
 * uses, each logged in a pane with the command that does the same from a terminal. The form lives outside
 * the stream-redrawn area, so what the user types survives every redraw; the fields follow the live
 * Deployment (an upgrade, rollback or scale done elsewhere) except one the user has focused or edited
 * and not yet applied.
 */
import { request, type Settings } from './api.js';
import type { ClusterModel, KubeObject } from './cluster-model.js';
import { mergeCommands } from './commands.js';
import { CHARTROOM_CREDENTIALS, probeAuth } from './credentials.js';
import { copyButton, h, replaceChildren } from './dom.js';

/** The actions panel and the command log; `sync()` follows the Deployments the stream reports. */
export interface WorkloadActions {
  element: HTMLElement;
  /** Logs a command the page ran on the user's behalf (also used by the clock controls). */
  log: (command: string) => void;
  sync: () => void;
}

/** Builds the panel for `namespace` of `cluster`. */
export function workloadActions(settings: Settings, cluster: string, namespace: string, model: ClusterModel): WorkloadActions {
  const target = h('select', { id: 'action-target' });
  const image = h('input', { id: 'action-image', autocomplete: 'off', spellcheck: false });
  const replicas = h('input', { id: 'action-replicas', type: 'number', min: '0', inputmode: 'numeric' });
  const surge = h('input', { id: 'action-max-surge', placeholder: '25%', autocomplete: 'off' });
  const unavailable = h('input', { id: 'action-max-unavailable', placeholder: '25%', autocomplete: 'off' });
  const minReady = h('input', { id: 'action-min-ready', type: 'number', min: '0', inputmode: 'numeric' });
  const commands = h('ol', { id: 'command-log', 'aria-live': 'polite' });
  // On a server with access control the commands need credentials: say how, once, above them.
  const credentials = h('div', { id: 'command-credentials' });
  void probeAuth(settings.contextPath, settings.depth > 0 && !settings.depthDynamic ? null : '/index.yaml').then((needs) => {
    if (needs.push) replaceChildren(credentials, h('p', { class: 'meta' }, 'This server asks for credentials; run this first:'), h('div', { class: 'cmd' }, h('pre', {}, h('code', {}, CHARTROOM_CREDENTIALS)), copyButton(CHARTROOM_CREDENTIALS)));
  });
  const suffix = `-n ${namespace}${cluster === 'default' ? '' : ` --cluster ${cluster}`}`;
  const log = (command: string): void => {
    // Repeated steps of the clock make one entry, the single command that does them all.
    const top = commands.firstElementChild as HTMLElement | null;
    const merged = top ? mergeCommands(top.dataset.command ?? '', command) : undefined;
    if (merged) top?.remove();
    const text = merged ?? command;
    commands.prepend(h('li', { class: 'cmd', 'data-command': text }, h('pre', {}, h('code', {}, text)), copyButton(text)));
  };
  const current = (): KubeObject | undefined => model.list('Deployment', namespace).find((d) => d.object.metadata.name === target.value)?.object;
  const inputs = { image, replicas, surge, unavailable, minReady };
  for (const input of Object.values(inputs)) input.addEventListener('input', () => (input.dataset.dirty = 'true'));
  const fill = (): void => prefill(current(), inputs);
  target.addEventListener('change', () => {
    for (const input of Object.values(inputs)) delete input.dataset.dirty;
    fill();
  });
  const run = async (command: string, path: string, init: RequestInit, fields: HTMLInputElement[], error: HTMLElement): Promise<void> => {
    const base = `/api/sim/clusters/${encodeURIComponent(cluster)}/deployments/${encodeURIComponent(namespace)}/${encodeURIComponent(target.value)}`;
    try {
      await request(settings, `${base}${path}`, init);
      error.textContent = '';
      for (const input of fields) delete input.dataset.dirty;
      log(`${command} ${suffix}`);
    } catch (err) {
      // Under the form, like a refused install or upgrade; the command is in the form already.
      error.textContent = `Refused: ${(err as Error).message}`;
    }
  };
  const json = (body: unknown, type = 'application/json'): RequestInit => ({ method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });
  const container = (): string => String((current()?.spec?.template?.spec?.containers?.[0] as { name?: string } | undefined)?.name ?? '*');
  const setImage = form('Set image', [h('label', { for: 'action-image' }, 'Image', image)], (error) =>
    run(`chartroom kubectl set image deployment/${target.value} ${container()}=${image.value}`, '/set-image', json({ images: { [container()]: image.value } }), [image], error));
  const scale = form('Scale', [h('label', { for: 'action-replicas' }, 'Replicas', replicas)], (error) =>
    run(`chartroom kubectl scale deployment/${target.value} --replicas=${replicas.value}`, '/scale', json({ replicas: Number(replicas.value) }), [replicas], error));
  const strategy = form('Set strategy', [
    h('label', { for: 'action-max-surge' }, 'maxSurge', surge),
    h('label', { for: 'action-max-unavailable' }, 'maxUnavailable', unavailable),
    h('label', { for: 'action-min-ready' }, 'minReadySeconds', minReady),
  ], (error) => {
    const patch = strategyPatch(surge.value, unavailable.value, minReady.value);
    return run(`chartroom kubectl patch deployment/${target.value} --type=merge -p '${JSON.stringify(patch)}'`, '', { ...json(patch, 'application/merge-patch+json'), method: 'PATCH' }, [surge, unavailable, minReady], error);
  });
  const element = h('section', { class: 'actions', 'aria-label': 'Change a Deployment' },
    h('h2', {}, 'Change a Deployment'),
    h('div', { class: 'bar' }, h('label', { for: 'action-target' }, 'Deployment', target)),
    setImage, scale, strategy,
    h('h2', {}, 'Equivalent commands'), credentials, commands);
  const sync = (): void => {
    const names = model.list('Deployment', namespace).map((d) => d.object.metadata.name);
    if ([...target.options].map((o) => o.value).join() !== names.join()) {
      const keep = names.includes(target.value) ? target.value : names[0] ?? '';
      replaceChildren(target, ...names.map((n) => h('option', { value: n, selected: n === keep }, n)));
    }
    fill();
  };
  return { element, log, sync };
}

/** A one-line form; `submit` gets the form's error line (under its fields) to report a refusal in. */
function form(title: string, fields: HTMLElement[], submit: (error: HTMLElement) => Promise<void>): HTMLFormElement {
  const error = h('p', { class: 'warn form-error', role: 'alert' });
  const el = h('form', { class: 'bar', 'aria-label': title }, ...fields, h('button', { type: 'submit' }, title), error);
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(error);
  });
  return el;
}

/** Sets each field from the Deployment, except one the user is in (focused) or has changed and not applied. */
function prefill(deployment: KubeObject | undefined, inputs: Record<'image' | 'replicas' | 'surge' | 'unavailable' | 'minReady', HTMLInputElement>): void {
  const spec = (deployment?.spec ?? {}) as { replicas?: number; minReadySeconds?: number; strategy?: { rollingUpdate?: { maxSurge?: unknown; maxUnavailable?: unknown } } };
  const set = (input: HTMLInputElement, value: string): void => {
    if (input.dataset.dirty || document.activeElement === input || input.value === value) return;
    input.value = value;
  };
  set(inputs.image, deployment?.spec?.template?.spec?.containers?.[0]?.image ?? '');
  set(inputs.replicas, String(spec.replicas ?? 1));
  set(inputs.surge, String(spec.strategy?.rollingUpdate?.maxSurge ?? ''));
  set(inputs.unavailable, String(spec.strategy?.rollingUpdate?.maxUnavailable ?? ''));
  set(inputs.minReady, String(spec.minReadySeconds ?? 0));
}

/** A merge patch of the rolling-update fields: "2" is an integer, "25%" stays a percentage, "" is left out. */
export function strategyPatch(maxSurge: string, maxUnavailable: string, minReadySeconds: string): Record<string, unknown> {
  const value = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text) : text.trim());
  const rollingUpdate: Record<string, number | string> = {};
  if (maxSurge.trim()) rollingUpdate.maxSurge = value(maxSurge);
  if (maxUnavailable.trim()) rollingUpdate.maxUnavailable = value(maxUnavailable);
  return { spec: { strategy: { type: 'RollingUpdate', rollingUpdate }, minReadySeconds: Number(minReadySeconds || 0) } };
}
