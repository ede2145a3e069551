/**
 * The public face of the engine, shaped like Go's *template.Template: a named template sharing a set
 * ("common") of associated templates, a function map and options with every template created by `new`.
 *
 *   const t = new Template('gotpl').option('missingkey=zero').funcs(myFuncs);
 *   t.new('chart/templates/a.yaml').parse(text);
 *   const out = t.executeTemplate('chart/templates/a.yaml', data);
 *
 * Execution is synchronous and re-entrant: a function may call `ctx.executeTemplate` while the set runs.
 */
import { isStackOverflow, type ExecBudget } from './budget.js';
import { depthLimitError } from './depth-limit.js';
import { BUILTINS } from './builtins.js';
import { TemplateExecError, TemplateNotFoundError } from './errors.js';
import { ExecState, type ExecValue, type MissingKeyMode } from './exec-state.js';
import { walk } from './exec-walk.js';
import { parseTemplate, type Tree } from './parser.js';
import { isEmptyTree } from './ast.js';
import { quote } from './strconv.js';
import type { GoFuncDef, GoValue } from './value.js';

/** An option Go's Template.Option would panic on; the message is Go's. */
export class TemplateOptionError extends Error {
  override readonly name = 'TemplateOptionError' as const;
}

/** A map of template functions by name. */
export type FuncMap = Record<string, GoFuncDef> | Map<string, GoFuncDef>;

interface Common {
  /** The template the set was created from (`new Template(name)`); helpers like `include` run through it. */
  root: Template | null;
  tmpl: Map<string, Template>;
  funcs: Map<string, GoFuncDef>;
  missingKey: MissingKeyMode;
  /** Output and time limits shared by the set and its clones (`tpl`), or null for none. */
  budget: ExecBudget | null;
}

const GOOD_NAME = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

/** A template and, through its shared set, every template associated with it. */
export class Template {
  /** The parsed body, or null before `parse`. */
  tree: Tree | null = null;
  private common: Common;
  private leftDelim = '';
  private rightDelim = '';

  constructor(readonly name: string, common?: Common) {
    this.common = common ?? { root: this, tmpl: new Map(), funcs: new Map(), missingKey: 'invalid', budget: null };
  }

  /** The set's execution limits (see budget.ts), or null. */
  get budget(): ExecBudget | null {
    return this.common.budget;
  }

  /** Sets execution limits for the whole set (and clones made afterwards). */
  setBudget(budget: ExecBudget | null): this {
    this.common.budget = budget;
    return this;
  }

  /** How a missing map key evaluates, as set with `option`. */
  get missingKey(): MissingKeyMode {
    return this.common.missingKey;
  }

  /**
   * Sets an option: `missingkey=default|invalid|zero|error` (Go's Template.Option). Throws
   * TemplateOptionError, with Go's panic text, for anything else.
   */
  option(...opts: string[]): this {
    for (const opt of opts) {
      if (opt === '') throw new TemplateOptionError('empty option string');
      const m = /^missingkey=(default|invalid|zero|error)$/.exec(opt);
      if (!m) throw new TemplateOptionError(`unrecognized option: ${opt}`);
      this.common.missingKey = m[1] === 'default' ? 'invalid' : (m[1] as MissingKeyMode);
    }
    return this;
  }

  /** Adds functions to the shared map (later additions win). Throws TemplateOptionError for names Go rejects. */
  funcs(map: FuncMap): this {
    const entries = map instanceof Map ? [...map.entries()] : Object.entries(map);
    for (const [name, def] of entries) {
      if (!GOOD_NAME.test(name)) throw new TemplateOptionError(`function name ${quote(name)} is not a valid identifier`);
      this.common.funcs.set(name, def);
    }
    return this;
  }

  /** Sets the action delimiters for subsequent parses (empty strings mean `{{` and `}}`). */
  delims(left: string, right: string): this {
    this.leftDelim = left;
    this.rightDelim = right;
    return this;
  }

  /** A new, empty template associated with this one (shares templates, functions and options). */
  new(name: string): Template {
    const t = new Template(name, this.common);
    t.leftDelim = this.leftDelim;
    t.rightDelim = this.rightDelim;
    return t;
  }

  /** The associated template with the given name. */
  lookup(name: string): Template | undefined {
    return this.common.tmpl.get(name);
  }

  /** Every associated template. */
  templates(): Template[] {
    return [...this.common.tmpl.values()];
  }

  /** The template the set was created from (helpers such as `include` and `tpl` work through it). */
  get root(): Template {
    return this.common.root ?? this;
  }

  /** Finds a function: the set's map first, then the builtins. */
  findFunction(name: string): { def: GoFuncDef; isBuiltin: boolean } | undefined {
    const fn = this.common.funcs.get(name);
    if (fn) return { def: fn, isBuiltin: false };
    const b = BUILTINS.get(name);
    return b ? { def: b, isBuiltin: true } : undefined;
  }

  /**
   * Parses text as the body of this template; `define`/`block` bodies become associated templates. A body
   * of only whitespace and comments does not replace an existing one. Throws TemplateParseError.
   */
  parse(text: string): this {
    const trees = parseTemplate(this.name, text, {
      hasFunction: (n) => this.common.funcs.has(n) || BUILTINS.has(n),
      leftDelim: this.leftDelim,
      rightDelim: this.rightDelim,
    });
    for (const [name, tree] of trees) this.addParseTree(name, tree);
    return this;
  }

  /** Installs a tree under `name` in the set (Go's AddParseTree + associate). */
  addParseTree(name: string, tree: Tree): Template {
    const nt = name === this.name ? this : this.new(name);
    const old = this.common.tmpl.get(name);
    if (old && isEmptyTree(tree.root) && old.tree) {
      if (!nt.tree) nt.tree = tree;
      return nt;
    }
    this.common.tmpl.set(name, nt);
    nt.tree = tree;
    return nt;
  }

  /**
   * A copy of the set whose later `parse` calls do not affect this one (Go's Clone). Trees are shared;
   * they are never mutated after parsing.
   */
  clone(): Template {
    const common: Common = {
      root: null, tmpl: new Map(), funcs: new Map(this.common.funcs), missingKey: this.common.missingKey, budget: this.common.budget,
    };
    const nt = new Template(this.name, common);
    common.root = nt;
    nt.tree = this.tree;
    nt.leftDelim = this.leftDelim;
    nt.rightDelim = this.rightDelim;
    for (const [k, v] of this.common.tmpl) {
      if (k === this.name) {
        common.tmpl.set(k, nt);
        continue;
      }
      const c = new Template(v.name, common);
      c.tree = v.tree;
      c.leftDelim = v.leftDelim;
      c.rightDelim = v.rightDelim;
      common.tmpl.set(k, c);
    }
    return nt;
  }

  /** Executes this template with `data` as dot and returns the output. Throws TemplateExecError. */
  execute(data: GoValue): string {
    const out: string[] = [];
    const budget = this.common.budget;
    if (budget) budget.execution(() => this.runInto(out, data, 0));
    else this.runInto(out, data, 0);
    return out.join('');
  }

  /** Executes the associated template `name`. Throws TemplateNotFoundError or TemplateExecError. */
  executeTemplate(name: string, data: GoValue): string {
    const t = this.lookup(name);
    if (!t) throw new TemplateNotFoundError(`template: no template ${quote(name)} associated with template ${quote(this.name)}`);
    return t.execute(data);
  }

  /** Runs the body into an existing output buffer at a nesting depth (used by {{template}}). */
  runInto(out: string[], data: ExecValue, depth: number): void {
    const state = new ExecState(this, out, [{ name: '$', value: data }], depth);
    const root = this.tree?.root;
    if (!root) return state.errorf(`${quote(this.name)} is an incomplete or empty template`);
    try {
      walk(state, data, root);
    } catch (e) {
      if (depth === 0 && isStackOverflow(e)) throw depthLimitError(e, this.name);
      throw e;
    }
  }

  /** Go's DefinedTemplates: `; defined templates are: "a", "b"` or "". Order follows insertion. */
  definedTemplates(): string {
    const names = [...this.common.tmpl.values()].filter((t) => t.tree?.root).map((t) => quote(t.name));
    return names.length ? `; defined templates are: ${names.join(', ')}` : '';
  }
}
