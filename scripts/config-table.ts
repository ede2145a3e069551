/** Prints the README's configuration table from the settings table (`node --import tsx scripts/config-table.ts`). */
import { DEFAULTS, SETTINGS } from '../src/config/settings.js';

console.log('| Flag | Environment | YAML key | Default | Meaning |');
console.log('|---|---|---|---|---|');
for (const s of SETTINGS) {
  const value = DEFAULTS[s.key];
  const shown = s.type === 'duration' ? `${Number(value) / 1000}s` : value === '' ? '' : `\`${String(value)}\``;
  console.log(`| \`--${s.flag}\` | \`${s.env}\` | \`${s.yaml}\` | ${shown} | ${s.help.replaceAll('|', '\\|')} |`);
}
