/**
 * The output side of go-yaml v2's emitter (emitterc.go): a text buffer plus the four pieces of
 * state every layout decision reads — the column, the current indent, and the `whitespace` /
 * `indention` flags (was the last thing written a space-like indicator; is the line so far only
 * indentation and indicators). Columns count code points, as go-yaml's `write` does.
 */

/** go-yaml's best_indent: nested blocks and scalar continuation lines step by 2. */
export const GO_YAML_INDENT = 2;
/** go-yaml's best_width: plain and quoted scalars fold at the first space past column 80. */
export const GO_YAML_WIDTH = 80;

/** Mutable emitter state; one instance renders one document or fragment. */
export class GoYamlWriter {
  out = '';
  column = 0;
  /** -1 before the root node, as in go-yaml. */
  indent: number;
  whitespace = true;
  indention = true;
  private readonly indents: number[] = [];

  constructor(indent = -1) {
    this.indent = indent;
  }

  /** Appends ASCII or BMP text that contains no line break; advances the column per code point. */
  write(text: string, codePoints = text.length): void {
    this.out += text;
    this.column += codePoints;
  }

  /** put_break: a newline that resets the column. */
  writeBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** yaml_emitter_write_indent: go to a fresh line if needed, then pad to the current indent. */
  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.writeBreak();
    }
    if (this.column < indent) {
      this.out += ' '.repeat(indent - this.column);
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator: `- `, `:`, `? `, quotes, `|`, `[`, `{` and friends. */
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.write(' ');
    this.write(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** yaml_emitter_increase_indent. */
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? GO_YAML_INDENT : 0;
    else if (!indentless) this.indent += GO_YAML_INDENT;
  }

  /** Restores the indent saved by the matching increaseIndent. */
  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }
}
