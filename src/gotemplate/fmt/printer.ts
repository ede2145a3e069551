/**
 * Printing one operand as Go's fmt does (fmt/print.go printArg/printValue): every verb the templates use,
 * bad-verb output (`%!d(float64=3)`), and Go's printing of maps (sorted), slices, structs and nil.
 *
 * Known gaps: `%p` and pointers below the top level print no address and funcs print `0x0` (Go prints
 * memory addresses, which no other process can reproduce).
 */
import { GoFunc, GoInt, GoSlice, GoStruct, GoTypedMap, type GoValue, mapEntries, sortedKeys, typeName } from '../value.js';
import { clearFlags, Formatter } from './format.js';

/** Go's pp: prints one operand at a time into `out` with the current flags. */
export class Printer extends Formatter {
  badVerb(verb: string, v: GoValue): void {
    this.out += '%!' + verb + '(';
    if (v === null) this.out += '<nil>';
    else {
      this.out += typeName(v) + '=';
      this.printValue(v, 'v', 0);
    }
    this.out += ')';
  }

  /** Go's printArg: a top-level operand. */
  printArg(arg: GoValue, verb: string): void {
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.padString('<nil>');
      else this.badVerb(verb, null);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printValue(v: GoValue, verb: string, depth: number): void {
    if (v instanceof GoStruct && !this.f.sharpV && 'vsxXq'.includes(verb) && this.printStringer(v, verb)) return;
    if (v === null) {
      // Only reachable below the top level: a nil interface element of a slice or map.
      this.out += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    if (typeof v === 'boolean') {
      if (verb === 't' || verb === 'v') this.fmtBoolean(v);
      else this.badVerb(verb, v);
    } else if (typeof v === 'string') this.printString(v, verb);
    else if (typeof v === 'number') this.printFloat(v, verb);
    else if (v instanceof GoInt) this.printInteger(v, verb);
    else if (Array.isArray(v) || v instanceof GoSlice) this.printSlice(v, verb, depth);
    else if (v instanceof Map || v instanceof GoTypedMap) this.printMap(v, verb, depth);
    else if (v instanceof GoStruct) this.printStruct(v, verb, depth);
    else if (v instanceof GoFunc) this.padString('0x0');
  }

  /** Go's handleMethods for fmt.Stringer: a struct with a `String()` method prints its result. */
  private printStringer(v: GoStruct, verb: string): boolean {
    const m = v.methods.get('String');
    if (!m || m.params.length !== 0) return false;
    this.printString(String(m.fn([], undefined as never)), verb);
    return true;
  }

  printString(v: string, verb: string): void {
    switch (verb) {
      case 'v': if (this.f.sharpV) this.fmtQ(v); else this.fmtS(v); return;
      case 's': this.fmtS(v); return;
      case 'x': this.fmtSx(Buffer.from(v, 'utf8'), false); return;
      case 'X': this.fmtSx(Buffer.from(v, 'utf8'), true); return;
      case 'q': this.fmtQ(v); return;
      default: this.badVerb(verb, v);
    }
  }

  printFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v': this.fmtFloat(v, 'g', -1); return;
      case 'b': case 'x': case 'X': case 'g': case 'G': this.fmtFloat(v, verb, -1); return;
      case 'f': case 'e': case 'E': this.fmtFloat(v, verb, 6); return;
      case 'F': this.fmtFloat(v, 'f', 6); return;
      default: this.badVerb(verb, v);
    }
  }

  printInteger(v: GoInt, verb: string): void {
    const n = v.value;
    switch (verb) {
      case 'v':
        if (this.f.sharpV && v.isUnsigned) {
          const sharp = this.f.sharp;
          this.f.sharp = true;
          this.fmtInteger(n, 16, 'v', false);
          this.f.sharp = sharp;
        } else this.fmtInteger(n, 10, verb, false);
        return;
      case 'd': this.fmtInteger(n, 10, verb, false); return;
      case 'b': this.fmtInteger(n, 2, verb, false); return;
      case 'o': case 'O': this.fmtInteger(n, 8, verb, false); return;
      case 'x': this.fmtInteger(n, 16, verb, false); return;
      case 'X': this.fmtInteger(n, 16, verb, true); return;
      case 'c': this.fmtC(n < 0n ? 0xfffdn : n); return;
      case 'q': this.fmtQc(n < 0n ? 0xfffdn : n); return;
      case 'U': this.fmtUnicode(v.isUnsigned ? n : BigInt.asUintN(64, n)); return;
      default: this.badVerb(verb, v);
    }
  }

  printSlice(v: GoValue[] | GoSlice, verb: string, depth: number): void {
    if (v instanceof GoSlice && v.elemType === 'uint8' && 'sqxX'.includes(verb)) {
      const bytes = Uint8Array.from(v.items.map((b) => Number((b as GoInt).value)));
      if (verb === 'x' || verb === 'X') this.fmtSx(bytes, verb === 'X');
      else if (verb === 'q') this.fmtQ(Buffer.from(bytes).toString('utf8'));
      else this.fmtS(Buffer.from(bytes).toString('utf8'));
      return;
    }
    const items = Array.isArray(v) ? v : v.items;
    if (this.f.sharpV) {
      // fmt prints a []byte operand through fmtBytes, which names the type "[]byte" and writes hex bytes
      const isBytes = v instanceof GoSlice && v.elemType === 'uint8';
      this.out += (isBytes && depth === 0 ? '[]byte' : typeName(v)) + '{';
      items.forEach((item, i) => {
        if (i > 0) this.out += ', ';
        this.printValue(item, verb, depth + 1);
      });
      this.out += '}';
      return;
    }
    this.out += '[';
    items.forEach((item, i) => {
      if (i > 0) this.out += ' ';
      this.printValue(item, verb, depth + 1);
    });
    this.out += ']';
  }

  printMap(m: Map<string, GoValue> | GoTypedMap, verb: string, depth: number): void {
    const entries = mapEntries(m);
    this.out += this.f.sharpV ? typeName(m) + '{' : 'map[';
    sortedKeys(m).forEach((k, i) => {
      if (i > 0) this.out += this.f.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.out += ':';
      this.printValue(entries.get(k) ?? null, verb, depth + 1);
    });
    this.out += this.f.sharpV ? '}' : ']';
  }

  printStruct(s: GoStruct, verb: string, depth: number): void {
    if (s.isPointer) {
      if (depth > 0) {
        this.padString('0x0'); // Go prints an address here, which no other process can reproduce
        return;
      }
      this.out += '&';
    }
    if (this.f.sharpV) this.out += s.typeName;
    this.out += '{';
    let i = 0;
    for (const [name, value] of s.fields) {
      if (i++ > 0) this.out += this.f.sharpV ? ', ' : ' ';
      if (this.f.plusV || this.f.sharpV) this.out += name + ':';
      this.printValue(value, verb, depth + 1);
    }
    this.out += '}';
  }
}
