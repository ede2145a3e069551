/**
 * What the console's command pane prints (src/console/commands.ts) and how the upgrade form writes a
 * release's values (src/console/values-yaml.ts): commands that paste into a shell and do the same, and
 * YAML that a YAML parser reads back as the values the server returned.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeCommands, withValuesHeredoc } from '../../src/console/commands.js';
import { CHARTROOM_CREDENTIALS, withCredentials } from '../../src/console/credentials.js';
import { explainValuesError, toYaml } from '../../src/console/values-yaml.js';

describe('command pane', () => {
  it('adds up repeated clock steps of one cluster into one real command', () => {
    expect(mergeCommands('chartroom sim advance 1s', 'chartroom sim advance 1s')).toBe('chartroom sim advance 2s');
    expect(mergeCommands('chartroom sim advance 10s --cluster b', 'chartroom sim advance 2s --cluster b')).toBe('chartroom sim advance 12s --cluster b');
    expect(mergeCommands('chartroom sim advance 1s', 'chartroom sim advance 1s --cluster b')).toBeUndefined();
    expect(mergeCommands('chartroom kubectl scale deployment/a --replicas=2 -n default', 'chartroom kubectl scale deployment/a --replicas=2 -n default')).toBeUndefined();
  });

  it('passes typed values on stdin as a quoted heredoc instead of naming a values.yaml the user lacks', () => {
    expect(withValuesHeredoc('chartroom helm upgrade a r/c', '')).toBe('chartroom helm upgrade a r/c');
    expect(withValuesHeredoc('chartroom helm upgrade a r/c', 'x: $HOME\r\n')).toBe("chartroom helm upgrade a r/c -f - <<'EOF'\nx: $HOME\nEOF");
    expect(withValuesHeredoc('c', 'a: 1\nEOF\n')).toBe("c -f - <<'EOF_'\na: 1\nEOF\nEOF_");
  });
});

describe('values as YAML', () => {
  it('writes values a YAML parser reads back unchanged', () => {
    const values = {
      replicaCount: 3, extra: { team: 'blue', empty: {}, list: [] }, motd: 'hello, world', tag: '1.27', yes: 'yes', 'odd key': null,
      image: { repository: 'nginx', tag: 'nginx:1.25' }, hosts: ['a.example', { name: 'b', port: 80 }], on: true, multi: 'a\nb "c"',
    };
    const text = toYaml(values);
    expect(parse(text)).toEqual(values);
    expect(text).toContain('replicaCount: 3\nextra:\n  team: blue\n');
    expect(text).not.toContain('{"');
    expect(toYaml({})).toBe('');
  });
});

describe('a refused values box', () => {
  it('names the form, not a values.yaml, and shows the line instead of a dangling colon', () => {
    const message = 'failed to parse values (form): error converting YAML to JSON: yaml: Nested mappings are not allowed in compact mappings at line 2, column 4:';
    expect(explainValuesError(message, 'ok: 1\na: b: c\n')).toBe(`${message.slice(0, -1)}.\na: b: c\n   ^`);
    expect(explainValuesError('failed parsing --set data: key "tag" has no value', '')).toBe('failed parsing --set data: key "tag" has no value');
  });
});

describe('credentials in the commands', () => {
  const blocks = ['helm repo add team http://h/team\nhelm repo update\nhelm install my-web team/web --version 1.0.0', 'chartroom helm repo add team http://h/team\nchartroom helm install my-web team/web --version 1.0.0 --server http://h'];

  it('leaves the commands of an open server alone', () => {
    expect(withCredentials(blocks, { pull: false, push: false })).toEqual(blocks);
  });

  it('exports the variables chartroom reads and gives helm repo add its flags when reads need credentials', () => {
    const [helm, own] = withCredentials(blocks, { pull: true, push: true });
    expect(helm).toBe(`${CHARTROOM_CREDENTIALS}\nhelm repo add team http://h/team --username "$CHARTROOM_USER" --password "$CHARTROOM_PASSWORD"\nhelm repo update\nhelm install my-web team/web --version 1.0.0`);
    expect(own?.split('\n').slice(0, 2)).toEqual([CHARTROOM_CREDENTIALS, 'chartroom helm repo add team http://h/team --username "$CHARTROOM_USER" --password "$CHARTROOM_PASSWORD"']);
    // With --auth-anonymous-get only changes need them: no flags on repo add.
    expect(withCredentials(blocks, { pull: false, push: true })[0]).toBe(`${CHARTROOM_CREDENTIALS}\n${blocks[0]}`);
  });
});
