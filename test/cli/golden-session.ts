import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runKubectl, runSim } from '../../src/cli/kubectl/kubectl.js';
import { PROJECT_ROOT } from '../helpers/process.js';
import { simApp, type SimApp } from '../http/sim/sim-app.js';

/** Where the kubectl transcripts live; `scripts/regen-kubectl-golden.sh` rewrites them. */
export const GOLDEN_DIR = join(PROJECT_ROOT, 'test/fixtures/kubectl');

/** Set by the regen script: write transcripts instead of comparing them. */
const UPDATE = process.env.CHARTROOM_UPDATE_GOLDEN === '1';

/**
 * A session against an in-process, listening app on a virtual clock: each command runs through the same
 * entry points as `chartroom kubectl` and `chartroom sim`, and its output is appended to a transcript
 *
 *   $ kubectl get rs
 *   NAME ...            (stdout, byte for byte)
 *   [stderr] ...        (each stderr line)
 *   [exit 1]            (only when not 0)
 */
export class GoldenSession {
  private text = '';
  private stdin = '';
  private constructor(
    private readonly app: SimApp,
    private readonly url: string,
  ) {}

  static async start(): Promise<GoldenSession> {
    const sim = await simApp();
    const url = await sim.app.listen({ port: 0, host: '127.0.0.1' });
    return new GoldenSession(sim, url);
  }

  /** Runs `kubectl ARGS` and records it. Resolves to its stdout. */
  async kubectl(...args: string[]): Promise<string> {
    return this.record('kubectl', args, runKubectl);
  }

  /** Runs `kubectl ARGS` with `stdin` as standard input (for `-f -`); the transcript shows the input's first line. */
  async kubectlStdin(stdin: string, ...args: string[]): Promise<string> {
    this.stdin = stdin;
    try {
      return await this.record('kubectl', args, runKubectl);
    } finally {
      this.stdin = '';
    }
  }

  /** Runs `sim ARGS` (advance, traffic) and records it. */
  async sim(...args: string[]): Promise<string> {
    return this.record('chartroom sim', args, runSim);
  }

  /** Runs a command that ends by itself (a watch with --request-timeout) while `during` acts on the cluster. */
  async concurrently(args: string[], during: () => Promise<void>): Promise<void> {
    const running = this.capture(args, runKubectl);
    await new Promise((r) => setTimeout(r, 300));
    const before = this.text;
    this.text = '';
    await during();
    const meanwhile = this.text;
    const result = await running;
    this.text = `${before}${this.format('kubectl', args, result)}# while the command above was running:\n${meanwhile}# (end)\n`;
  }

  /** Writes `$ text` as a comment line, to explain a step in the transcript. */
  note(text: string): void {
    this.text += `# ${text}\n`;
  }

  /** The transcript compared with (or, when regenerating, written to) test/fixtures/kubectl/NAME.txt. */
  async compare(name: string): Promise<{ actual: string; expected: string }> {
    const path = join(GOLDEN_DIR, `${name}.txt`);
    if (UPDATE) await writeFile(path, this.text);
    return { actual: this.text, expected: await readFile(path, 'utf8') };
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  private async record(prefix: string, args: string[], run: typeof runKubectl): Promise<string> {
    const result = await this.capture(args, run);
    this.text += this.format(prefix, args, result);
    return result.stdout;
  }

  private async capture(args: string[], run: typeof runKubectl): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const input = this.stdin;
    const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), readStdin: async () => input };
    const code = await run(args, { CHARTROOM_SERVER: this.url }, io);
    return { code, stdout, stderr };
  }

  private format(prefix: string, args: string[], result: { code: number; stdout: string; stderr: string }): string {
    const quoted = args.map((a) => (/^[\w./=:,@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
    const stderr = result.stderr.replace(/^(?=.)/gm, '[stderr] ');
    return `$ ${prefix} ${quoted}\n${result.stdout}${stderr}${result.code === 0 ? '' : `[exit ${result.code}]\n`}`;
  }
}
