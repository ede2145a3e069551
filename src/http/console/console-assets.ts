/**
 * The web console's browser modules (src/console/*.ts), served as ES modules at
 * `<context-path>/console/<file>.js`.
 *
 * Why two sources: `npm run build` (tsc -p tsconfig.build.json, which carries the DOM lib for exactly this)
 * emits src/console/*.ts to dist/console/*.js next to the rest of the server, and the Docker image ships
 * dist only, so a built server serves those files as they are. A server run from its sources (tsx, as the
 * tests and `node --import tsx src/cli/main.ts` do) has no fresh dist; it strips the types of the same
 * files with TypeScript's transpileModule once, at the first request,
 * so a source edit never serves stale JavaScript. transpileModule checks no types: `npx tsc -p
 * src/console` does that. No bundler: the browser loads the few modules itself (HTTP keep-alive, ETag).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** One module ready to send. */
export interface ConsoleAsset {
  body: Buffer;
  etag: string;
}

/** The folder holding the console's modules: dist/console beside a built server, src/console from source. */
const CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));

let loading: Promise<Map<string, ConsoleAsset>> | undefined;

/**
 * The console module named `file` (`main.js`), or undefined if there is none. The first call reads (and
 * from source, transpiles) every module; later calls are map lookups. A module that fails to transpile
 * rejects every call, with TypeScript's message.
 */
export async function consoleAsset(file: string): Promise<ConsoleAsset | undefined> {
  loading ??= loadAssets();
  return (await loading).get(file);
}

async function loadAssets(): Promise<Map<string, ConsoleAsset>> {
  const names = existsSync(CONSOLE_DIR) ? await readdir(CONSOLE_DIR) : [];
  const built = names.filter((n) => n.endsWith('.js'));
  const assets = new Map<string, ConsoleAsset>();
  if (built.length > 0) {
    for (const name of built) assets.set(name, asset(await readFile(CONSOLE_DIR + name)));
    return assets;
  }
  const sources = names.filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'));
  if (sources.length === 0) return assets;
  // Only reached when running from the sources, where the dev dependency is installed.
  const ts = (await import('typescript')).default;
  for (const name of sources) {
    const source = await readFile(CONSOLE_DIR + name, 'utf8');
    const output = ts.transpileModule(source, {
      fileName: name,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false },
    });
    assets.set(name.replace(/\.ts$/, '.js'), asset(Buffer.from(output.outputText)));
  }
  return assets;
}

function asset(body: Buffer): ConsoleAsset {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}
