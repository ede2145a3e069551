/**
 * A rune reader over a string, as strvals uses Go's bytes.Buffer: ReadRune, UnreadRune and "what is left".
 * Positions count code points, so an escaped astral character is one rune as in Go.
 */

/** Reading past the end; the counterpart of Go's io.EOF inside the strvals parser. */
export class EndOfInput extends Error {
  override readonly name = 'EndOfInput' as const;
  constructor() {
    super('EOF');
  }
}

/** A cursor over the code points of one `--set` argument. */
export class RuneScanner {
  private readonly runes: string[];
  private pos = 0;

  constructor(text: string) {
    this.runes = [...text];
  }

  /** The next rune, or undefined at the end (nothing consumed then). */
  read(): string | undefined {
    if (this.pos >= this.runes.length) return undefined;
    return this.runes[this.pos++];
  }

  /** Steps back over the rune just read. */
  unread(): void {
    if (this.pos > 0) this.pos--;
  }

  /** The unread rest of the input. */
  rest(): string {
    return this.runes.slice(this.pos).join('');
  }

  /** Consumes `count` code points (after a JSON value was decoded from `rest()`). */
  skip(count: number): void {
    this.pos = Math.min(this.runes.length, this.pos + count);
  }

  /**
   * runesUntil: reads runes up to (and consuming) one in `stop`; with `escapes`, a backslash takes the next
   * rune literally. Returns the runes read and the stop rune, or `stop: undefined` at the end of input.
   */
  until(stop: string, escapes = true): { text: string; stop: string | undefined } {
    let text = '';
    for (;;) {
      const r = this.read();
      if (r === undefined) return { text, stop: undefined };
      if (stop.includes(r)) return { text, stop: r };
      if (escapes && r === '\\') {
        const next = this.read();
        if (next === undefined) return { text, stop: undefined };
        text += next;
      } else {
        text += r;
      }
    }
  }
}
