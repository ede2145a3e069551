/**
 * Prints a Sprig corpus case list as JSON for the Sprig oracle (see ../oracle/regen.sh).
 *   npx tsx test/helm/sprig/corpus/emit.ts --list | NAME
 */
import { SPRIG_CORPORA } from './index.js';

const arg = process.argv[2];
if (arg === '--list') {
  process.stdout.write(Object.keys(SPRIG_CORPORA).join('\n') + '\n');
} else {
  const cases = SPRIG_CORPORA[arg ?? ''];
  if (!cases) {
    process.stderr.write(`unknown corpus ${arg}\n`);
    process.exit(2);
  }
  const all = cases().map((c) => ({ ...c, option: c.option ?? 'missingkey=zero' }));
  const names = new Set<string>();
  for (const c of all) {
    if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    names.add(c.name);
  }
  process.stdout.write(JSON.stringify(all, null, 1) + '\n');
}
