/**
 * Label selectors: the structured form (matchLabels/matchExpressions) and the string form used by
 * `kubectl -l` and the `labelSelector` query parameter (`k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`,
 * `k`, `!k`, joined by commas), both compiled to one list of requirements.
 */
import { BadRequestError } from './errors.js';
import type { LabelSelector } from './types.js';

/** One compiled requirement. */
export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** A compiled selector; `nothing` matches no object (a nil selector). */
export interface Selector {
  readonly requirements: readonly Requirement[];
  readonly nothing?: boolean;
}

/** Selects every object. */
export const EVERYTHING: Selector = { requirements: [] };
/** Selects no object. */
export const NOTHING: Selector = { requirements: [], nothing: true };

/**
 * Compiles a metav1.LabelSelector (LabelSelectorAsSelector): undefined → NOTHING, `{}` → EVERYTHING.
 * Throws BadRequestError on an unknown operator or on In/NotIn without values.
 */
export function fromLabelSelector(selector: LabelSelector | undefined | null): Selector {
  if (!selector) return NOTHING;
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push({ key, operator: 'In', values: [value] });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = expr.values ?? [];
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(expr.operator)) {
      throw new BadRequestError(`"${expr.operator}" is not a valid label selector operator`);
    }
    if ((expr.operator === 'In' || expr.operator === 'NotIn') && values.length === 0) {
      throw new BadRequestError('for \'in\', \'notin\' operators, values set can\'t be empty');
    }
    requirements.push({ key: expr.key, operator: expr.operator, values });
  }
  return { requirements };
}

/** Compiles a Service-style selector map; an empty or missing map selects nothing. */
export function fromSelectorMap(map: Record<string, string> | undefined): Selector {
  if (!map || Object.keys(map).length === 0) return NOTHING;
  return fromLabelSelector({ matchLabels: map });
}

/** True when `labels` satisfy every requirement of `selector`. */
export function matches(selector: Selector, labels: Record<string, string> | undefined): boolean {
  if (selector.nothing) return false;
  const set = labels ?? {};
  return selector.requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(set, r.key);
    switch (r.operator) {
      case 'In':
        return has && r.values.includes(set[r.key]!);
      case 'NotIn':
        return !has || !r.values.includes(set[r.key]!);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
    }
  });
}

/** True when `selector` is the empty LabelSelector `{}` (selects everything). */
export function isEmptyLabelSelector(selector: LabelSelector | undefined): boolean {
  return (
    !!selector &&
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  );
}

/**
 * Parses the string form: "app=vweb,tier!=db,env in (a,b),!legacy". "" selects everything.
 * Throws BadRequestError on a syntax error.
 */
export function parseSelector(text: string): Selector {
  const requirements: Requirement[] = [];
  for (const term of splitTerms(text)) requirements.push(parseTerm(term));
  return { requirements };
}

function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '' || terms.length > 0) terms.push(current.trim());
  return terms;
}

const SET_TERM = /^([A-Za-z0-9._/-]+)\s+(in|notin)\s*\(([^)]*)\)$/;
const EQ_TERM = /^([A-Za-z0-9._/-]+)\s*(==|=|!=)\s*([A-Za-z0-9._-]*)$/;
const KEY = /^(!?)\s*([A-Za-z0-9._/-]+)$/;

function parseTerm(term: string): Requirement {
  let m = SET_TERM.exec(term);
  if (m) {
    const values = m[3]!.split(',').map((v) => v.trim()).filter((v) => v !== '');
    return { key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values };
  }
  m = EQ_TERM.exec(term);
  if (m) return { key: m[1]!, operator: m[2] === '!=' ? 'NotIn' : 'In', values: [m[3]!] };
  m = KEY.exec(term);
  if (m) return { key: m[2]!, operator: m[1] ? 'DoesNotExist' : 'Exists', values: [] };
  throw new BadRequestError(`unable to parse requirement: "${term}"`);
}
