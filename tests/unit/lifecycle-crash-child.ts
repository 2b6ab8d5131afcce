// Run by lifecycle.test.ts: an entry point that starts a server in its own process group (as the
// embedded Postgres and Redis are), prints its pid, then crashes on an error nothing catches.
import { spawn } from 'node:child_process';
import { track } from '../../src/runtime/children.js';
import { runMain } from '../../src/runtime/lifecycle.js';

runMain(async () => {
  const server = spawn('sleep', ['120'], { detached: true, stdio: 'ignore' });
  track(server, 'SIGTERM');
  console.log(`server ${server.pid}`);
  setTimeout(() => { throw new Error('nothing caught this'); }, 200);
});
