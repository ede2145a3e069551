import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKubectl, runSim } from '../../src/cli/kubectl/kubectl.js';
import { tempDir } from '../helpers/server.js';
import { simApp, type SimApp, VWEB } from '../http/sim/sim-app.js';

/**
 * What a new user types wrong: flags a command does not have, `--help`, a negative duration, manifests
 * kubectl refuses. Expected texts are kubectl 1.32's (cobra's "unknown flag" and usage hint, cli-runtime's
 * "resource mapping not found" and "error validating"), run through the same entry points as the CLI
 * against an in-process, listening app.
 */
let sim: SimApp;
let env: NodeJS.ProcessEnv;
let dir: { path: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  sim = await simApp();
  env = { CHARTROOM_SERVER: await sim.app.listen({ port: 0, host: '127.0.0.1' }) };
  dir = await tempDir();
});
afterAll(async () => {
  await sim.close();
  await dir.cleanup();
});

async function capture(run: typeof runKubectl, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), readStdin: async () => VWEB };
  const code = await run(args, env, io);
  return { code, stdout, stderr };
}
const kubectl = (...args: string[]) => capture(runKubectl, args);
const simCli = (...args: string[]) => capture(runSim, args);
const file = async (name: string, text: string): Promise<string> => {
  const path = join(dir.path, name);
  await writeFile(path, text);
  return path;
};
const image = async (): Promise<string> => JSON.parse((await kubectl('get', 'deploy', 'vweb', '-o', 'json')).stdout).spec.template.spec.containers[0].image;

describe('kubectl usage errors and help', () => {
  it('refuses flags a command does not declare, with kubectl\'s hint, and changes nothing', async () => {
    expect((await kubectl('apply', '-f', '-')).code).toBe(0);
    expect(await kubectl('get', 'deploy', '--bogus')).toEqual({ code: 1, stdout: '', stderr: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n" });
    expect(await kubectl('set', 'image', 'deploy/vweb', 'web=nginx:1.27', '--frobnicate')).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: unknown flag: --frobnicate\nSee 'kubectl set image --help' for usage.\n",
    });
    expect(await image()).toBe('nginx:1.25');
    expect((await kubectl('scale', 'deploy/vweb', '--replics=3')).stderr).toBe("error: unknown flag: --replics\nSee 'kubectl scale --help' for usage.\n");
    expect((await kubectl('rollout', 'status', 'deploy/vweb', '--to-revision=1')).stderr).toBe("error: unknown flag: --to-revision\nSee 'kubectl rollout status --help' for usage.\n");
    expect((await kubectl('get', 'po', '-Z')).stderr).toBe("error: unknown shorthand flag: 'Z' in -Z\nSee 'kubectl get --help' for usage.\n");
    expect(await simCli('advance', '5s', '--nope')).toEqual({ code: 1, stdout: '', stderr: "error: unknown flag: --nope\nSee 'chartroom sim advance --help' for usage.\n" });
    // Declared flags still work, in every form.
    expect((await kubectl('get', 'deploy', '-ojsonpath={.items[*].metadata.name}', '-n', 'default')).stdout).toBe('vweb');
    expect((await kubectl('set', 'image', 'deploy/vweb', 'web=nginx:1.27')).stdout).toBe('deployment.apps/vweb image updated\n');
  });

  it('prints usage and exits 0 for --help, on kubectl, its commands, sim and its commands', async () => {
    const top = await kubectl('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^ {2}get +Display one or many resources$/m);
    expect(top.stdout).toMatch(/^ {2}rollout +Manage the rollout of a resource$/m);
    const get = await kubectl('get', '--help');
    expect(get).toMatchObject({ code: 0, stderr: '' });
    expect(get.stdout).toContain('Usage:\n  chartroom kubectl get ');
    expect(get.stdout).toMatch(/^ {2}-o, --output VALUE /m);
    expect((await kubectl('rollout', 'undo', '-h')).stdout).toMatch(/^ {6}--to-revision VALUE /m);
    const simTop = await simCli('--help');
    expect(simTop.code).toBe(0);
    expect(simTop.stdout).toMatch(/^ {2}advance +Move/m);
    expect(simTop.stdout).toMatch(/^ {2}traffic +Send/m);
    const advance = await simCli('advance', '--help');
    expect(advance).toMatchObject({ code: 0, stderr: '' });
    expect(advance.stdout).toContain('Usage:\n  chartroom sim advance DURATION');
    expect(await simCli()).toMatchObject({ code: 0, stderr: '' });
    expect(await simCli('rewind')).toEqual({ code: 1, stdout: '', stderr: 'error: unknown command "rewind" for "chartroom sim"\n' });
  });

  it('keeps a bad duration in its message', async () => {
    expect(await simCli('advance', '-5s')).toEqual({ code: 1, stdout: '', stderr: 'error: invalid duration "-5s": use a non-negative Go duration, e.g. 5s or 1m30s\n' });
    expect((await simCli('advance', 'soon')).stderr).toBe('error: invalid duration "soon": use a non-negative Go duration, e.g. 5s or 1m30s\n');
  });
});

describe('kubectl apply: manifests kubectl refuses', () => {
  it('refuses a kind the simulator does not serve with kubectl\'s resource-mapping error, and applies the rest', async () => {
    const path = await file('widget.yaml', 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: beside-widget\n');
    const applied = await kubectl('apply', '-f', path);
    expect(applied).toEqual({
      code: 1,
      stdout: 'configmap/beside-widget created\n',
      stderr: `error: resource mapping not found for name: "w" namespace: "" from "${path}": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n`,
    });
    const wrongVersion = await file('deploy-v1.yaml', 'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: d\n  namespace: default\n');
    expect((await kubectl('create', '-f', wrongVersion)).stderr).toBe(
      `error: resource mapping not found for name: "d" namespace: "default" from "${wrongVersion}": no matches for kind "Deployment" in version "v1"\nensure CRDs are installed first\n`,
    );
    expect((await kubectl('get', 'deploy', 'd')).stderr).toBe('Error from server (NotFound): deployments.apps "d" not found\n');
  });

  it('reports malformed YAML and a missing apiVersion/kind before sending anything', async () => {
    // The fault is on line 3 of the second document (line 8 of the file): kubectl counts per document,
    // applies the documents before the faulty one, and prints the error after them.
    const bad = await file('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before-bad\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after-bad\n');
    const parsed = await kubectl('apply', '-f', bad);
    expect(parsed.code).toBe(1);
    expect(parsed.stdout).toBe('configmap/before-bad created\n');
    expect(parsed.stderr).toMatch(new RegExp(`^error: error parsing ${bad.replace(/[.\\/]/g, '\\$&')}: error converting YAML to JSON: yaml: line 3: \\S.*\\n$`));
    expect((await kubectl('get', 'cm', 'after-bad')).code).toBe(1);
    // A file whose only document is faulty is reported without contacting the server: none listens here.
    const broken = await file('broken.yaml', 'apiVersion: v1\nkind: [ConfigMap\n');
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (t: string) => void (stderr += t), readStdin: async () => '' };
    expect(await runKubectl(['create', '-f', broken, '--server', 'http://127.0.0.1:9'], {}, io)).toBe(1);
    expect(stderr).toMatch(/^error: error parsing .*broken\.yaml: error converting YAML to JSON: yaml: line \d+: \S.*\n$/);
    const bare = await file('bare.yaml', 'metadata:\n  name: bare\n');
    expect(await kubectl('apply', '-f', bare)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: error validating "${bare}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n`,
    });
    const noKind = await file('nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: bare\n');
    expect((await kubectl('apply', '-f', noKind)).stderr).toBe(
      `error: error validating "${noKind}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n`,
    );
  });
});
