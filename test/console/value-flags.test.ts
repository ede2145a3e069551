/**
 * The `--set` lines of the console's release forms (src/console/value-flags.ts): which lines become flag
 * values, and how the command pane spells them for a POSIX shell.
 */
import { describe, expect, it } from 'vitest';
import { lines, shellQuote, valueFlagsText } from '../../src/console/value-flags.js';

describe('value flags', () => {
  it('takes one flag value per non-empty line, trimmed (a pasted CRLF included)', () => {
    expect(lines('image.tag=1.27\r\n\n  replicaCount=3 \n')).toEqual(['image.tag=1.27', 'replicaCount=3']);
    expect(lines('a=1,b=2')).toEqual(['a=1,b=2']);
    expect(lines('')).toEqual([]);
  });

  it('prints each line as its own flag, in Helm\'s order of kinds', () => {
    expect(valueFlagsText({ set: ['image.tag=1.27', 'a=1,b=2'], setString: ['build=0123'] })).toBe(' --set image.tag=1.27 --set a=1,b=2 --set-string build=0123');
    expect(valueFlagsText({ set: [], setString: [] })).toBe('');
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
