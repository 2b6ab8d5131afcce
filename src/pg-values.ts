// Values between `pg` and the app as Prisma 6.19's raw queries pass and return them (#16, used by
// db-tx.ts): parameters — a Date as UTC without a zone, a Decimal or a bigint as its digits, an
// object as JSON; results — numeric as Prisma.Decimal, int8 as bigint, timestamp (UTC) and date as
// Date. tests/data/pg-transaction.test.ts compares both paths column type by column type.
import pg from 'pg';
import { Prisma } from './generated/prisma/client.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Prisma's adapter's format of a DateTime parameter (UTC, no zone; ms only when not 0). */
function dateTime(d: Date): string {
  const ms = d.getUTCMilliseconds();
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
}

export function toParam(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return dateTime(v);
  if (Array.isArray(v)) return v.map(toParam);
  if (typeof v === 'bigint' || Prisma.Decimal.isDecimal(v)) return v.toString();
  if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'object') return JSON.stringify(v);
  return v;
}

const { builtins } = pg.types;
const utc = (s: string) => new Date(`${s.replace(' ', 'T')}Z`);
const PARSERS: Record<number, (s: string) => unknown> = {
  [builtins.NUMERIC]: (s) => new Prisma.Decimal(s),
  [builtins.INT8]: (s) => BigInt(s),
  [builtins.TIMESTAMP]: utc,
  [builtins.TIMESTAMPTZ]: (s) => new Date(s.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')),
  [builtins.DATE]: (s) => new Date(`${s}T00:00:00Z`),
};
// Arrays of the same (numeric[], int8[], timestamp[], timestamptz[], date[]): their element's parser.
const ARRAYS: Record<number, number> = { 1231: builtins.NUMERIC, 1016: builtins.INT8, 1115: builtins.TIMESTAMP, 1185: builtins.TIMESTAMPTZ, 1182: builtins.DATE };

function parserOf(oid: number): ((s: string) => unknown) | undefined {
  if (PARSERS[oid]) return PARSERS[oid];
  const element = ARRAYS[oid] && PARSERS[ARRAYS[oid]];
  if (!element) return undefined;
  const parseArray = (pg.types.getTypeParser as (oid: number) => (s: string) => (string | null)[])(1009); // text[]
  return (s) => parseArray(s).map((x) => (x === null ? null : element(x)));
}

/** pg's `types` option: Prisma's results for the types above, pg's own for the rest. */
export const prismaTypes = {
  getTypeParser: ((oid: number, format?: string) => parserOf(oid) ?? pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};
