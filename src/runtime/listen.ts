// Waits for an HTTP server to listen. A port that is taken (or needs root) is a start failure
// naming the port and the variable that moves it — not an unhandled 'error' event.
import net, { type Server } from 'node:net';

const REASONS: Record<string, (port: number, variable: string) => string> = {
  EADDRINUSE: (port, variable) => `port ${port} is in use — set ${variable} to a free one (e.g. ${variable}=${port + 1})`,
  EACCES: (port, variable) => `port ${port} needs more privileges than this user has — set ${variable} above 1023`,
  EADDRNOTAVAIL: (port) => `this machine has no such address to listen on (port ${port}) — check HOST`,
};

export function listening(server: Server, port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', (err: NodeJS.ErrnoException) => {
      const reason = REASONS[err.code ?? ''];
      reject(reason ? new Error(reason(port, variable)) : err);
    });
  });
}

/** Fails early, before Postgres and Redis start, when the port is already taken. The real
 * listen still checks (something may take the port meanwhile). */
export async function portAvailable(port: number, host: string, variable: string): Promise<void> {
  const probe = net.createServer();
  probe.listen(port, host);
  await listening(probe, port, variable);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
