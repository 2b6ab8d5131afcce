// "The database is unreachable", told apart from every other failure: a stopped, restarting or
// unreachable Postgres surfaces through several layers (Prisma codes, the pg driver adapter's
// error kinds, Postgres SQLSTATEs, Node socket errors, pg's plain Errors), so the classifier
// walks the whole error chain and looks for any of them. Callers retry these and tell the user
// "saved once the database is back" instead of "something went wrong".

// Prisma: P1001 can't reach the server, P1002 timed out reaching it, P1017 server closed the connection.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017']);
// @prisma/driver-adapter-utils error kinds (meta.driverAdapterError.cause.kind).
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// Postgres SQLSTATE: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 starting up / shutting
// down (cannot connect now); the whole class 08 is "connection exception".
const SQLSTATES = new Set(['57P01', '57P02', '57P03']);
// Node sockets.
const ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// pg's own Errors carry no code: a pooled client whose socket died, a connection cut mid-query.
const MESSAGES = [/connection error and is not queryable/i, /Connection terminated/i, /Can't reach database server/i, /timeout exceeded when trying to connect/i];

interface ErrorLike { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } }

const codeOf = (err: ErrorLike): string =>
  typeof err.code === 'string' ? err.code : typeof err.originalCode === 'string' ? err.originalCode : '';

function unreachable(err: ErrorLike): boolean {
  const code = codeOf(err);
  if (PRISMA_CODES.has(code) || SQLSTATES.has(code) || (code.length === 5 && code.startsWith('08')) || ERRNOS.has(code)) return true;
  if (typeof err.kind === 'string' && ADAPTER_KINDS.has(err.kind)) return true;
  return typeof err.message === 'string' && MESSAGES.some((m) => m.test(err.message as string));
}

/** True when `test` holds for `err` or anything it wraps (cause, the driver adapter's error,
 * an AggregateError's errors); a cause cycle is walked once. */
function anywhereIn(err: unknown, test: (e: ErrorLike) => boolean): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const x = e as ErrorLike;
    if (test(x)) return true;
    queue.push(x.cause, x.meta?.driverAdapterError);
    if (e instanceof AggregateError) queue.push(...e.errors);
  }
  return false;
}

/** True when `err` (or anything it wraps) says Postgres could not be reached or dropped the connection. */
export function isDbUnreachable(err: unknown): boolean {
  return anywhereIn(err, unreachable);
}

// Failures a plain retry fixes, with the database up: Postgres 40001 serialization failure,
// 40P01 deadlock, 55P03 lock not available; Prisma P2034 (write conflict or deadlock), P2028
// (the interactive transaction expired or was closed under load), P2024 (no pool connection in time).
const RETRY_CODES = new Set(['40001', '40P01', '55P03', 'P2034', 'P2028', 'P2024']);

/** True for an unreachable database and for failures a retry of the whole message fixes: the
 * message is kept and tried again, never answered "something went wrong". */
export function isDbTransient(err: unknown): boolean {
  return anywhereIn(err, (e) => unreachable(e) || RETRY_CODES.has(codeOf(e)));
}
