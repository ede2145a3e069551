/**
 * Go stops `{{template}}` recursion at depth 100000 with an error at the node that would go deeper;
 * V8 runs out of stack long before that depth. So, when the stack overflows, the `{{template}}` frames the
 * error unwinds through are noted, and the error Go would have raised is rebuilt from them: the recursion
 * repeats with some period, and the frame whose depth is congruent to 100000 within that period is the
 * one Go reports (`template: a.yaml:1:28: executing "x" at <{{template "x" .}}>: exceeded maximum
 * template depth (100000)`).
 */
import type { TemplateNode } from './ast.js';
import { TemplateExecError } from './errors.js';
import { errorContext } from './exec-state.js';

/** Go's maximum nesting of {{template}} calls. */
export const MAX_EXEC_DEPTH = 100000;

/** The message Go gives at that depth. */
export const DEPTH_MESSAGE = `exceeded maximum template depth (${MAX_EXEC_DEPTH})`;

interface Frame {
  name: string;
  node: TemplateNode;
  depth: number;
}

const FRAMES = Symbol('templateFrames');
/** Frames kept per error: enough to see a period of up to MAX_PERIOD templates twice. */
const MAX_FRAMES = 64;
const MAX_PERIOD = 32;

/**
 * Notes that a stack-overflow error unwound through `{{template}}` node `node` run by template `name` at
 * `depth`. Never throws: near the stack's end the note itself may overflow, and outer frames note instead.
 */
export function noteOverflowFrame(e: unknown, name: string, node: TemplateNode, depth: number): void {
  try {
    const holder = e as { [FRAMES]?: Frame[] };
    const frames = holder[FRAMES] ?? (holder[FRAMES] = []);
    if (frames.length < MAX_FRAMES) frames.push({ name, node, depth });
  } catch {
    // no stack left in this frame
  }
}

function periodOf(frames: Frame[]): number | undefined {
  for (let k = 1; k <= MAX_PERIOD && 2 * k <= frames.length; k++) {
    let repeats = true;
    for (let i = 0; i + k < frames.length && repeats; i++) {
      repeats = frames[i]!.node === frames[i + k]!.node && frames[i]!.depth === frames[i + k]!.depth + k;
    }
    if (repeats) return k;
  }
  return undefined;
}

/**
 * The error Go would report for a stack overflow in `{{template}}` recursion, or a location-less one
 * (`template: NAME: exceeded …`) when the noted frames show no repeating cycle.
 */
export function depthLimitError(e: unknown, rootName: string): TemplateExecError {
  const frames = (e as { [FRAMES]?: Frame[] })[FRAMES] ?? [];
  const k = periodOf(frames);
  const frame = k === undefined ? undefined : frames.slice(0, k).find((f) => (((MAX_EXEC_DEPTH - f.depth) % k) + k) % k === 0);
  if (!frame) return new TemplateExecError(rootName, undefined, DEPTH_MESSAGE, e);
  return new TemplateExecError(frame.name, errorContext(frame.node), DEPTH_MESSAGE, e);
}
