/**
 * Prints a corpus case list as JSON for the Go oracle (see ../oracle/regen.sh).
 *   npx tsx test/gotemplate/corpus/emit.ts --list     names of the lists
 *   npx tsx test/gotemplate/corpus/emit.ts NAME       the cases of list NAME
 */
import { CORPORA } from './index.js';

const arg = process.argv[2];
if (arg === '--list') {
  process.stdout.write(Object.keys(CORPORA).join('\n') + '\n');
} else {
  const cases = CORPORA[arg ?? ''];
  if (!cases) {
    process.stderr.write(`unknown corpus ${arg}\n`);
    process.exit(2);
  }
  const withDefaults = cases().map((c) => ({ ...c, option: c.option ?? 'missingkey=zero' }));
  const names = new Set<string>();
  for (const c of withDefaults) {
    if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    names.add(c.name);
  }
  process.stdout.write(JSON.stringify(withDefaults, null, 1) + '\n');
}
