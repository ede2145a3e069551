/**
 * Runs `chartroom template` in a worker thread with a large stack and a heap limit: Helm's include guard
 * allows 1000 nested includes, which needs more stack than Node's main thread has, and a hostile chart
 * must not take the whole process's memory. The worker runs runTemplate and streams its output back.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { TemplateIo } from './template.js';

/** Stack for the renderer (MB): 1000 nested includes need about 10 MB on V8. */
const STACK_MB = 64;
/** Heap ceiling for one render (MB). */
const HEAP_MB = 2048;

type WorkerMessage = { stream: 'stdout' | 'stderr'; text: string } | { code: number };

/** The worker's side: runs the command and reports its output and exit code. */
async function workerMain(): Promise<void> {
  const { argv, env } = workerData as { argv: string[]; env: NodeJS.ProcessEnv };
  const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
  // Loaded here, not at the top: the main thread only starts the worker and must not load the renderer too.
  const { runTemplate } = await import('./template.js');
  const code = await runTemplate(argv, env, {
    stdout: (text) => post({ stream: 'stdout', text }),
    stderr: (text) => post({ stream: 'stderr', text }),
  });
  post({ code });
}

/** Where the worker starts: this module itself (compiled JS), or through tsx when running from source. */
function workerEntry(): { url: URL | string; eval: boolean } {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return { url: new URL(self), eval: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(self)}); });`;
  return { url: code, eval: true };
}

/**
 * Runs `chartroom template` isolated in a worker; resolves to the exit code. A worker that dies (heap
 * exhausted) is reported as `Error: rendering stopped: …` with exit code 1.
 */
export function runTemplateIsolated(argv: readonly string[], env: NodeJS.ProcessEnv, io: TemplateIo): Promise<number> {
  const entry = workerEntry();
  const worker = new Worker(entry.url, {
    eval: entry.eval, workerData: { argv: [...argv], env }, resourceLimits: { stackSizeMb: STACK_MB, maxOldGenerationSizeMb: HEAP_MB },
  });
  return new Promise((done) => {
    let code: number | undefined;
    worker.on('message', (m: WorkerMessage) => {
      if ('code' in m) code = m.code;
      else if (m.stream === 'stdout') io.stdout(m.text);
      else io.stderr(m.text);
    });
    worker.on('error', (e) => {
      io.stderr(`Error: rendering stopped: ${e.message}\n`);
      code = 1;
    });
    worker.on('exit', () => done(code ?? 1));
  });
}

if (!isMainThread && (workerData as { argv?: unknown } | null)?.argv) void workerMain();
