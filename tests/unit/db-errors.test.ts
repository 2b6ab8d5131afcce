// The "database unreachable" classifier: a real Prisma client over a closed port, and the error
// shapes Prisma 6.19 with @prisma/adapter-pg produced while a real Postgres was stopped under it
// (recorded from tests/faults/postgres-outage.test.ts runs); and what must not count as an outage.
import { describe, expect, it } from 'vitest';
import { createDb, Prisma } from '../../src/db.js';
import { isDbTransient, isDbUnreachable } from '../../src/db-errors.js';
import { UserError } from '../../src/domain/errors.js';

const known = (code: string, meta: Record<string, unknown>, message = 'failed') =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: '6.19.0', meta });
const adapterCause = (cause: Record<string, unknown>) => ({ driverAdapterError: { name: 'DriverAdapterError', cause } });

describe('isDbUnreachable', () => {
  it('recognises a real Prisma client that cannot connect', async () => {
    const db = createDb('postgresql://nobody:x@127.0.0.1:1/none', { max: 1 });
    const err = await db.user.count().then(() => undefined, (e: unknown) => e);
    await db.$disconnect();
    expect(err).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(isDbUnreachable(err)).toBe(true);
  });

  it.each([
    ['P1001 after the server stopped', known('P1001', adapterCause({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }))],
    ['P1017 server closed the connection', known('P1017', {})],
    ['a raw query cut by the shutdown (57P01)', known('P2010', adapterCause({ kind: 'postgres', code: '57P01', originalCode: '57P01', severity: 'FATAL' }))],
    ['a query while the server starts up (57P03)', known('P2010', adapterCause({ kind: 'postgres', code: '57P03' }))],
    ['a connection exception class 08', known('P2010', adapterCause({ kind: 'postgres', code: '08006' }))],
    ['a raw query after the stop', known('P2010', adapterCause({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }))],
    ['the adapter saw the connection close', known('P2028', adapterCause({ kind: 'ConnectionClosed' }))],
    ['pg: pooled client whose socket died', new Error('Client has encountered a connection error and is not queryable')],
    ['pg: connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a refused socket, wrapped', new Error('query failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) })],
    ['inside an AggregateError', new AggregateError([Object.assign(new Error('x'), { code: 'ECONNRESET' })])],
  ])('true for %s', (_label, err) => {
    expect(isDbUnreachable(err)).toBe(true);
  });

  it.each([
    ['a unique violation (P2002)', known('P2002', { target: ['id'] })],
    ['a row not found (P2025)', known('P2025', {})],
    ['a constraint error from Postgres (23505)', known('P2010', adapterCause({ kind: 'postgres', code: '23505' }))],
    ['a user error', new UserError('error.badAmount')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('false for %s', (_label, err) => {
    expect(isDbUnreachable(err)).toBe(false);
  });

  it('does not loop on a cause cycle', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = new Error('b', { cause: a });
    expect(isDbUnreachable(a)).toBe(false);
  });
});

describe('isDbTransient', () => {
  it.each([
    ['an outage (P1001)', known('P1001', {})],
    ['a serialization failure (40001)', known('P2010', adapterCause({ kind: 'postgres', code: '40001' }))],
    ['a deadlock (40P01)', known('P2010', adapterCause({ kind: 'postgres', originalCode: '40P01' }))],
    ['a write conflict (P2034)', known('P2034', {})],
    ['an expired interactive transaction (P2028)', known('P2028', {}, 'Transaction already closed')],
    ['no pool connection in time (P2024)', known('P2024', {})],
  ])('true for %s', (_label, err) => {
    expect(isDbTransient(err)).toBe(true);
  });

  it.each([
    ['a unique violation (P2002)', known('P2002', { target: ['id'] })],
    ['a check violation (23514)', known('P2010', adapterCause({ kind: 'postgres', code: '23514' }))],
    ['a user error', new UserError('error.badAmount')],
    ['a plain bug', new TypeError('x is undefined')],
  ])('false for %s', (_label, err) => {
    expect(isDbTransient(err)).toBe(false);
  });
});
