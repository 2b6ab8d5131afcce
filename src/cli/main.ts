#!/usr/bin/env node
// The project's command line: `npm run -s cli -- <command> [args]` or the `salesbot` bin.
// Each command lives in its own module and is loaded only when asked for, so `parse` stays
// free of database and network code.
const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  parse: () => import('./parse.js'),
  'run-job': () => import('./run-job.js'),
  'set-role': () => import('./set-role.js'),
  import: () => import('./import.js'),
  export: () => import('./export.js'),
  tenant: () => import('./tenant.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: salesbot <command> [args]\ncommands: ${Object.keys(commands).join(', ')}\n`);
    return name ? 2 : 0;
  }
  const command = await load();
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
