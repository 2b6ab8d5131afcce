// Waits for an HTTP server to listen. A port that is taken (or needs root) is a start failure
// naming the port and the variable that moves it — not an unhandled 'error' event.
import type { Server } from 'node:net';

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
