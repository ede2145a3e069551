/**
 * Controls of a cluster's clock. A virtual clock moves only when asked (POST .../advance), so the
 * console offers single steps and a play mode that advances it `speed` × the wall time that passed
 * (every 500 ms). A real clock has nothing to control: the bar only shows the cluster's time. The clock
 * can also be moved from elsewhere (`chartroom sim advance` in a shell, another browser) and the stream
 * carries no clock event, so the bar re-reads `/clock` when asked (after each redraw of the page) and
 * every few seconds.
 */
import { getJson, type Settings } from './api.js';
import { h, replaceChildren, toast } from './dom.js';

const TICK_MS = 500;
const POLL_MS = 5000;

/** A control bar bound to one cluster; `stop()` ends play mode and polling when the view goes away. */
export interface ClockBar {
  element: HTMLElement;
  stop: () => void;
  /** Re-reads the cluster's time (one request in flight at a time). */
  refresh: () => void;
  /** The cluster time the bar shows (RFC 3339). */
  now: () => string;
}

/**
 * Builds the bar for cluster `cluster`, reading its clock once to know whether it is virtual; each Step
 * is passed to `log` as the `chartroom sim advance` command that does the same; `moved` runs when a
 * re-read finds the time changed (so time-dependent text such as AGE columns can follow).
 */
export async function clockBar(settings: Settings, cluster: string, log: (command: string) => void = () => undefined, moved: () => void = () => undefined): Promise<ClockBar> {
  const base = `/api/sim/clusters/${encodeURIComponent(cluster)}`;
  const clock = await getJson<{ now: string; virtual: boolean }>(settings, `${base}/clock`);
  const time = h('output', { id: 'cluster-time', 'aria-live': 'off' }, clock.now);
  const element = h('div', { class: 'bar', role: 'group', 'aria-label': 'Cluster clock' }, h('span', {}, 'Cluster time: ', time));
  const refresh = rereader(() => getJson<{ now: string }>(settings, `${base}/clock`).then(({ now }) => {
    // The clock only moves forward: an answer older than what a Step already showed is dropped.
    if (Date.parse(now) <= Date.parse(time.textContent ?? '')) return;
    time.textContent = now;
    moved();
  }));
  const poll = setInterval(refresh, POLL_MS);
  const now = (): string => time.textContent ?? '';
  if (!clock.virtual) {
    element.appendChild(h('span', { class: 'meta' }, ' (real clock)'));
    return { element, stop: () => clearInterval(poll), refresh, now };
  }
  const advance = async (ms: number): Promise<boolean> => {
    try {
      time.textContent = (await getJson<{ now: string }>(settings, `${base}/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms }) })).now;
      return true;
    } catch (err) {
      toast(`Could not advance the clock: ${(err as Error).message}`, true);
      pause();
      return false;
    }
  };
  const stepSize = h('select', { id: 'step-size' }, ...[1, 2, 5, 10, 30, 60].map((s) => h('option', { value: String(s * 1000) }, `${s} s`)));
  const speed = h('select', { id: 'speed' }, ...[1, 2, 5, 10, 30].map((s) => h('option', { value: String(s) }, `${s}×`)));
  const step = h('button', { type: 'button', id: 'clock-step' }, 'Step');
  const play = h('button', { type: 'button', id: 'clock-play', 'aria-pressed': 'false' }, 'Play');
  let timer: ReturnType<typeof setInterval> | undefined;
  const pause = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  };
  step.addEventListener('click', () => {
    const ms = Number(stepSize.value);
    void advance(ms).then((ok) => ok && log(`chartroom sim advance ${ms / 1000}s${cluster === 'default' ? '' : ` --cluster ${cluster}`}`));
  });
  play.addEventListener('click', () => {
    if (timer !== undefined) return pause();
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => void advance(TICK_MS * Number(speed.value)), TICK_MS);
  });
  replaceChildren(element,
    h('span', { class: 'clock-time' }, 'Cluster time: ', time),
    h('label', { for: 'step-size' }, 'Step by', stepSize), step,
    h('label', { for: 'speed' }, 'Speed', speed), play);
  return { element, stop: () => (pause(), clearInterval(poll)), refresh, now };
}

/** Wraps `read` so at most one call runs at a time; calls during it ask for one more afterwards. Errors are ignored (the next call retries). */
export function rereader(read: () => Promise<void>): () => void {
  let inFlight = false;
  let again = false;
  const run = (): void => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    read().catch(() => undefined).finally(() => {
      inFlight = false;
      if (again) {
        again = false;
        run();
      }
    });
  };
  return run;
}
