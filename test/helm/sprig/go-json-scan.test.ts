/**
 * Go's encoding/json syntax errors, as `fromJson`/`fromJsonArray` report them under "Error" (texts from
 * Go's scanner; the first two were seen in `helm template` output).
 */
import { describe, expect, it } from 'vitest';
import { checkGoJson } from '../../../src/helm/sprig/go-json-scan.js';

const error = (text: string): string => {
  try {
    checkGoJson(text);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('checkGoJson', () => {
  it.each([
    ['<nil>', "invalid character '<' looking for beginning of value"],
    ['', 'unexpected end of JSON input'],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
    ['tru', 'unexpected end of JSON input'],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ['01', "invalid character '1' after top-level value"],
    ['1.', 'unexpected end of JSON input'],
    ['1.x', "invalid character 'x' after decimal point in numeric literal"],
    ['-x', "invalid character 'x' in numeric literal"],
    ['"a\\q"', "invalid character 'q' in string escape code"],
    ['"\\u12G4"', "invalid character 'G' in \\u hexadecimal character escape"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ["'x'", "invalid character '\\'' looking for beginning of value"],
  ])('%j', (text, message) => expect(error(text)).toBe(message));

  it('accepts valid JSON', () => {
    for (const ok of ['{}', '[]', ' {"a": [1, -2.5e+3, true, null, "\\u00e9"]} ', '0', '"x"']) expect(error(ok)).toBe('');
  });
});
