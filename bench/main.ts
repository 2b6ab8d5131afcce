// `npm run bench -- <name>` runs one bench; with no name, every bench it knows.
import { printTable, type Figure } from './figures.js';
import { benchImport } from './import.js';
import { benchNlu } from './nlu.js';

const BENCHES: Record<string, () => Figure[] | Promise<Figure[]>> = {
  nlu: () => benchNlu(),
  import: () => benchImport(),
};

async function main(names: string[]): Promise<number> {
  const selected = names.length ? names : Object.keys(BENCHES);
  let allMet = true;
  for (const name of selected) {
    const bench = BENCHES[name];
    if (!bench) {
      process.stderr.write(`unknown bench "${name}"; known: ${Object.keys(BENCHES).join(', ')}\n`);
      return 2;
    }
    const figures = await bench();
    printTable(name, figures);
    allMet &&= figures.every((f) => f.met);
  }
  return allMet ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
