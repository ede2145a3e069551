/**
 * The Go value model under the template engine.
 *
 * Go templates see typed values; JavaScript has one number type. The mapping is:
 *
 *   Go                         TypeScript
 *   nil (invalid / untyped)    null
 *   bool                       boolean
 *   string                     string
 *   float64                    number          (YAML and JSON files: sigs.k8s.io/yaml decodes every number so)
 *   int, int64, uint8, …       GoInt           (template literals are `int`, `--set` gives `int64`)
 *   []interface {}             GoValue[]       (plain arrays)
 *   map[string]interface {}    Map<string, GoValue>
 *   []string, []int, []byte …  GoSlice         (a typed slice; elements are already Go values)
 *   struct / *struct           GoStruct        (Helm's .Release, .Chart, .Capabilities …)
 *   func                       GoFunc          (a function value, for `call`)
 *
 * Everything else (the Sprig layer, the YAML emitter) converts through this file.
 */
import type { Template } from './template.js';

/** The Go integer kinds the engine distinguishes. */
export type IntKind =
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr';

const INT_BITS: Record<IntKind, number> = {
  int: 64, int8: 8, int16: 16, int32: 32, int64: 64,
  uint: 64, uint8: 8, uint16: 16, uint32: 32, uint64: 64, uintptr: 64,
};

/** A Go integer of a definite kind; the value is wrapped to the kind's width on construction. */
export class GoInt {
  readonly value: bigint;
  constructor(readonly kind: IntKind, value: bigint | number) {
    const v = typeof value === 'number' ? BigInt(Math.trunc(value)) : value;
    const bits = INT_BITS[kind];
    this.value = kind.startsWith('u') ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
  }
  /** True for the unsigned kinds. */
  get isUnsigned(): boolean {
    return this.kind.startsWith('u');
  }
  /** The value as a JS number (lossy beyond 2^53). */
  toNumber(): number {
    return Number(this.value);
  }
}

/**
 * A named Go type over a slice or map (Helm's `chartutil.VersionSet` is a `[]string` with `Has`, its
 * `engine.files` a `map[string][]uint8` with `Get`, `Glob` …): `%T` prints the name and the methods are
 * found before map keys, as Go's evalField looks them up.
 */
export interface NamedType {
  name: string;
  methods: Map<string, GoFuncDef>;
}

/** A Go slice with a definite element type other than interface{} (e.g. `[]string`), optionally named. */
export class GoSlice {
  constructor(readonly elemType: string, readonly items: GoValue[], readonly named?: NamedType) {}
}

/**
 * A Go map with string keys and a definite element type other than interface{} (e.g. Sprig's `split`
 * returns `map[string]string`). Missing keys read as the element type's zero value.
 */
export class GoTypedMap {
  constructor(readonly elemType: string, readonly entries: Map<string, GoValue>, readonly named?: NamedType) {}
}

/**
 * A Go struct value (or pointer to struct when `isPointer`), with exported fields in declaration order.
 * `jsonTags` holds the fields' `json:"…"` tags (`name,omitempty`, `-`), which encoding/json (toJson,
 * toYaml) follows; fields without one are encoded under their Go name. Fields named in `embedded` are
 * embedded structs: their fields and methods are promoted (`.Chart.Name` reads `.Chart.Metadata.Name`) and
 * encoding/json writes them inline.
 */
export class GoStruct {
  constructor(
    readonly typeName: string,
    readonly fields: Map<string, GoValue>,
    readonly methods: Map<string, GoFuncDef> = new Map(),
    readonly isPointer = false,
    readonly jsonTags?: ReadonlyMap<string, string>,
    readonly embedded?: ReadonlySet<string>,
  ) {}

  /** The struct that holds field or method `name`: this one, else an embedded one (depth first), else this. */
  holderOf(name: string): GoStruct {
    if (this.fields.has(name) || this.methods.has(name) || !this.embedded) return this;
    for (const e of this.embedded) {
      const inner = this.fields.get(e);
      if (!(inner instanceof GoStruct)) continue;
      const holder = inner.holderOf(name);
      if (holder.fields.has(name) || holder.methods.has(name)) return holder;
    }
    return this;
  }
}

/** A Go function value held in data (callable with the `call` builtin). */
export class GoFunc {
  constructor(readonly name: string, readonly def: GoFuncDef) {}
}

/** Any value the engine handles. */
export type GoValue =
  | null | boolean | string | number | GoInt | GoValue[] | Map<string, GoValue> | GoTypedMap | GoSlice | GoStruct
  | GoFunc;

/**
 * A parameter type of a template function, spelled as Go spells the type. `interface {}` accepts any value
 * (nil included), `reflect.Value` receives the raw value without conversion (builtins use it), and other
 * names accept only a value of exactly that type (or a literal convertible to it, as Go's evalArg does).
 */
export type ParamType = string;

/** The Go type name for `interface {}` parameters. */
export const ANY = 'interface {}';
/** The Go type name for raw `reflect.Value` parameters. */
export const REFLECT_VALUE = 'reflect.Value';

/** What an executing template offers to functions that need it (Helm's `include` and `tpl`). */
export interface CallContext {
  /** The root template of the executing set (the one made with `new Template`); clone it for `tpl`. */
  readonly template: Template;
  /**
   * Executes the named template of the current set with `data` as dot, re-entrantly, and returns its
   * output. Throws TemplateNotFoundError or TemplateExecError.
   */
  executeTemplate(name: string, data: GoValue): string;
}

/**
 * A function callable from templates. `params` lists Go parameter types; when `variadic` is set the last
 * entry is the element type of the variadic tail. `fn` returns a Go value or throws an `Error` whose
 * message Go would put after `error calling NAME: `.
 */
export interface GoFuncDef {
  params: ParamType[];
  variadic?: boolean;
  /**
   * The Go type of the result, for `%T` and messages. `interface {}` also makes the executor treat the
   * result as Go treats an interface-typed return (a nil result is a nil interface, not a missing value).
   * Defaults to a concrete type.
   */
  result?: string;
  fn: (args: GoValue[], ctx: CallContext) => GoValue;
}

/** Builds an `int` (the type of template integer literals and of `len`). */
export function goInt(n: number | bigint): GoInt {
  return new GoInt('int', typeof n === 'number' ? BigInt(n) : n);
}

/** Builds an `int64` (the type Helm's `--set` gives integers). */
export function goInt64(n: number | bigint): GoInt {
  return new GoInt('int64', typeof n === 'number' ? BigInt(n) : n);
}

/** Builds a `map[string]interface {}` from a plain object. */
export function goMap(entries: Record<string, GoValue>): Map<string, GoValue> {
  return new Map(Object.entries(entries));
}

/** Go's reflect.Kind names, reduced to what the engine branches on. */
export type GoKind =
  | 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'ptr' | 'func';

/** The kind of a value; GoStruct with `isPointer` is a pointer. */
export function kindOf(v: GoValue): GoKind {
  if (v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'number': return 'float';
    default:
  }
  if (v instanceof GoInt) return v.isUnsigned ? 'uint' : 'int';
  if (Array.isArray(v) || v instanceof GoSlice) return 'slice';
  if (v instanceof Map || v instanceof GoTypedMap) return 'map';
  if (v instanceof GoStruct) return v.isPointer ? 'ptr' : 'struct';
  return 'func';
}

/**
 * Maps that stand for a named Go map type with `map[string]interface {}` underneath (Helm's
 * `chartutil.Values`): only the name printed by `%T` and in messages changes; such a map is still
 * assignable where `map[string]interface {}` is expected, as in Go.
 */
const NAMED_MAPS = new WeakMap<Map<string, GoValue>, string>();

/** Gives `m` the named map type `name` (e.g. `chartutil.Values`) and returns it. */
export function nameMapType(m: Map<string, GoValue>, name: string): Map<string, GoValue> {
  NAMED_MAPS.set(m, name);
  return m;
}

/** The Go type string of a value as `%T` and error messages print it (`<nil>` for nil). */
export function typeName(v: GoValue): string {
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'number': return 'float64';
    default:
  }
  if (v instanceof GoInt) return v.kind;
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Map) return NAMED_MAPS.get(v) ?? 'map[string]interface {}';
  if (v instanceof GoSlice) return v.named?.name ?? `[]${v.elemType}`;
  if (v instanceof GoTypedMap) return v.named?.name ?? `map[string]${v.elemType}`;
  if (v instanceof GoStruct) return v.isPointer ? `*${v.typeName}` : v.typeName;
  return funcTypeName(v.def);
}

function funcTypeName(def: GoFuncDef): string {
  const params = def.params.map((p, i) => (def.variadic && i === def.params.length - 1 ? `...${p}` : p));
  return `func(${params.join(', ')})${def.result ? ' ' + def.result : ''}`;
}

/** Length of a slice, map or string (strings count UTF-8 bytes, as Go does); undefined for other kinds. */
export function lengthOf(v: GoValue): number | undefined {
  if (typeof v === 'string') return utf8Length(v);
  if (Array.isArray(v)) return v.length;
  if (v instanceof GoSlice) return v.items.length;
  if (v instanceof Map) return v.size;
  if (v instanceof GoTypedMap) return v.entries.size;
  return undefined;
}

/** Number of UTF-8 bytes in a string. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; } else n += 3;
  }
  return n;
}

/**
 * Go's template truthiness (text/template isTrue): false, 0, nil, and empty strings, slices and maps are
 * false; structs and functions are true.
 */
export function isTrue(v: GoValue): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof GoInt) return v.value !== 0n;
  const n = lengthOf(v);
  return n === undefined ? true : n > 0;
}

/** Items of a slice value (plain array or typed slice). */
export function sliceItems(v: GoValue[] | GoSlice): GoValue[] {
  return Array.isArray(v) ? v : v.items;
}

/** Compares two strings in Go's order (bytewise UTF-8, which is code point order). */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate pair encodes a code point above every BMP character
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** The keys of a map in Go's sorted order (as `range` and `%v` visit them). */
export function sortedKeys(m: Map<string, GoValue> | GoTypedMap): string[] {
  return [...(m instanceof GoTypedMap ? m.entries : m).keys()].sort(compareGoStrings);
}

/** The entries of either map representation. */
export function mapEntries(m: Map<string, GoValue> | GoTypedMap): Map<string, GoValue> {
  return m instanceof GoTypedMap ? m.entries : m;
}

/** The zero value of a Go type (nil for interfaces, pointers, `[]interface {}`, maps and funcs). */
export function zeroValue(type: string): GoValue {
  switch (type) {
    case 'string': return '';
    case 'bool': return false;
    case 'float64': case 'float32': return 0;
    default:
  }
  if (/^u?int(8|16|32|64|ptr)?$/.test(type)) return new GoInt(type as IntKind, 0n);
  // A nil slice of a definite type still has its type: it prints `[]` and `toString` reads it as "".
  if (type.startsWith('[]') && type !== '[]interface {}') return new GoSlice(type.slice(2), []);
  return null;
}
