// A TypeScript file run as a child process (node + tsx), its output collected: for tests that
// SIGKILL a worker mid-send and check what a fresh one does afterwards.
import { spawn } from 'node:child_process';

export function runChild(file: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += String(d); });
  child.stderr.on('data', (d) => { err += String(d); });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return { child, exited, out: () => out, err: () => err };
}
