/**
 * The `--set` lines of the console's release forms (src/console/value-flags.ts): which lines become flag
 * values, and how the command pane spells them for a POSIX shell.
 */
import { describe, expect, it } from 'vitest';
import { lines, shellQuote, valueFlagsText } from '../../src/console/value-flags.js';

describe('value flags', () => {
  it('takes one flag value per non-blank line, exactly as typed but for a pasted CRLF', () => {
    expect(lines('image.tag=1.27\r\n\n  \nmotd= hello, world \n')).toEqual(['image.tag=1.27', 'motd= hello, world ']);
    expect(lines('a=1,b=2')).toEqual(['a=1,b=2']);
    expect(lines('')).toEqual([]);
  });

  it('prints each line as its own flag, kind by kind', () => {
    const flags = { set: ['image.tag=1.27', 'a=1,b=2'], setString: ['build=0123'], setJson: ['r={"cpu":"1"}'], setLiteral: ['motd= hi, you'] };
    expect(valueFlagsText(flags)).toBe(` --set image.tag=1.27 --set a=1,b=2 --set-string build=0123 --set-json 'r={"cpu":"1"}' --set-literal 'motd= hi, you'`);
    expect(valueFlagsText({ set: [], setString: [], setJson: [], setLiteral: [] })).toBe('');
  });

  it('quotes what a shell would split or expand, and nothing else', () => {
    expect(shellQuote('servers[0].port=80')).toBe("'servers[0].port=80'");
    expect(shellQuote('msg=hello world')).toBe("'msg=hello world'");
    expect(shellQuote("msg=it's")).toBe(`'msg=it'"'"'s'`);
    expect(shellQuote('path=$HOME')).toBe("'path=$HOME'");
    expect(shellQuote('ingress.hosts={a.example.com,b.example.com}')).toBe("'ingress.hosts={a.example.com,b.example.com}'");
    expect(shellQuote('a.b=c:d/e@f+g%h,-i')).toBe('a.b=c:d/e@f+g%h,-i');
  });
});
