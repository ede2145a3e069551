/**
 * The lexer of the JMESPath subset that `--auth-actions-search-path` accepts (see jmespath.ts): identifiers,
 * quoted identifiers, raw-string and JSON literals, numbers, and the operator tokens of the JMESPath grammar.
 */

/** An expression outside the supported subset, or malformed. */
export class JmesPathError extends Error {
  override name = 'JmesPathError';
}

/** Token kinds, named after the JMESPath grammar's. */
export type TokenType =
  | 'identifier' | 'literal' | 'number' | 'dot' | 'star' | 'lbracket' | 'flatten' | 'filter' | 'rbracket'
  | 'lbrace' | 'rbrace' | 'lparen' | 'rparen' | 'comma' | 'colon' | 'current' | 'pipe' | 'or' | 'and'
  | 'not' | 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'eof';

/** One token; `value` for identifiers, literals and numbers; `at` is its offset, for messages. */
export interface Token {
  type: TokenType;
  value?: unknown;
  at: number;
}

const SIMPLE: readonly [string, TokenType][] = [
  ['[?', 'filter'], ['[]', 'flatten'], ['||', 'or'], ['&&', 'and'], ['==', 'eq'], ['!=', 'ne'], ['<=', 'lte'], ['>=', 'gte'],
  ['.', 'dot'], ['*', 'star'], ['[', 'lbracket'], [']', 'rbracket'], ['{', 'lbrace'], ['}', 'rbrace'], ['(', 'lparen'],
  [')', 'rparen'], [',', 'comma'], [':', 'colon'], ['@', 'current'], ['|', 'pipe'], ['!', 'not'], ['<', 'lt'], ['>', 'gt'],
];

/** Splits an expression into tokens, ending with `eof`. Throws JmesPathError on a character it cannot read. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    const number = /^-?\d+/.exec(text.slice(i));
    if (word) {
      tokens.push({ type: 'identifier', value: word[0], at: i });
      i += word[0].length;
    } else if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
    } else if (c === '"' || c === "'" || c === '`') {
      const end = closingQuote(text, i);
      const body = text.slice(i + 1, end);
      tokens.push(quotedToken(c, body, i));
      i = end + 1;
    } else {
      const simple = SIMPLE.find(([s]) => text.startsWith(s, i));
      if (!simple) throw new JmesPathError(`unexpected character ${JSON.stringify(c)} at ${i}`);
      tokens.push({ type: simple[1], at: i });
      i += simple[0].length;
    }
  }
  tokens.push({ type: 'eof', at: text.length });
  return tokens;
}

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let j = start + 1; j < text.length; j += 1) {
    if (text[j] === '\\') j += 1;
    else if (text[j] === quote) return j;
  }
  throw new JmesPathError(`unterminated ${quote} at ${start}`);
}

function quotedToken(quote: string, body: string, at: number): Token {
  try {
    if (quote === '"') return { type: 'identifier', value: JSON.parse(`"${body}"`) as string, at };
    if (quote === "'") return { type: 'literal', value: body.replace(/\\'/g, "'"), at };
    return { type: 'literal', value: JSON.parse(body.replace(/\\`/g, '`')) as unknown, at };
  } catch {
    throw new JmesPathError(`invalid quoted text at ${at}`);
  }
}
