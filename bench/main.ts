// `npm run bench -- <name>...` runs the named benches; with no name, every bench it knows. The
// figures of the run are printed as a table and written to bench/results.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printTable, type Figure } from './figures.js';
import { benchDigests } from './digests.js';
import { benchImport } from './import.js';
import { benchInbound } from './inbound.js';
import { benchNlu } from './nlu.js';
import { benchParts } from './parts.js';
import { benchPool } from './pool.js';
import { benchReminders } from './reminders.js';

const BENCHES: Record<string, () => Figure[] | Promise<Figure[]>> = {
  nlu: () => benchNlu(),
  import: () => benchImport(),
  inbound: () => benchInbound(),
  digests: () => benchDigests(),
  reminders: () => benchReminders(),
  pool: () => benchPool(),
  parts: () => benchParts(),
};

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length) {
    process.stderr.write(`unknown bench "${unknown.join('", "')}"; known: ${Object.keys(BENCHES).join(', ')}\n`);
    return 2;
  }
  const figures: Figure[] = [];
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    const started = performance.now();
    const got = await BENCHES[name]!();
    printTable(`${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`, got);
    figures.push(...got);
  }
  writeFileSync(RESULTS, `${JSON.stringify({ figures }, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${RESULTS}\n`);
  return figures.every((f) => f.met) ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
