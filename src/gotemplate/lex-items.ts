/** Tokens of the template lexer (Go's text/template/parse item types) and their printed form. */
import { quote } from './strconv.js';

/** Token types, in Go's order; every type after `Keyword` is a keyword. */
export enum ItemType {
  Error, Bool, Char, CharConstant, Comment, Complex, Assign, Declare, EOF, Field, Identifier, LeftDelim,
  LeftParen, Number, Pipe, RawString, RightDelim, RightParen, Space, String, Text, Variable,
  Keyword, Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
}

/** Keyword spellings. */
export const KEYWORDS: Record<string, ItemType> = {
  '.': ItemType.Dot, block: ItemType.Block, break: ItemType.Break, continue: ItemType.Continue,
  define: ItemType.Define, else: ItemType.Else, end: ItemType.End, if: ItemType.If, range: ItemType.Range,
  nil: ItemType.Nil, template: ItemType.Template, with: ItemType.With,
};

/** One token: its type, UTF-16 start offset, text and the line it starts on. */
export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

/** Formats a token the way Go's item.String does (used in "unexpected X in Y" messages). */
export function itemString(i: Item): string {
  if (i.typ === ItemType.EOF) return 'EOF';
  if (i.typ === ItemType.Error) return i.val;
  if (i.typ > ItemType.Keyword) return `<${i.val}>`;
  const runes = [...i.val];
  if (runes.length > 10) return quote(runes.slice(0, 10).join('')) + '...';
  return quote(i.val);
}
