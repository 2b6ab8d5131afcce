// Row ids made in the app for rows written with raw SQL (issue #16), in the shape of the cuids
// Prisma gives the same tables (`@default(cuid())`): 'c', the time in ms, a counter, a process
// fingerprint and randomness, base 36, 25 characters — so ids still sort roughly by creation
// time and undo's reference check (an id quoted in another row's JSON) reads them the same.
import { randomBytes } from 'node:crypto';

const BASE = 36;
const pad = (s: string, n: number) => s.padStart(n, '0').slice(-n);
const FINGERPRINT = pad((process.pid % BASE ** 2).toString(BASE), 2) + pad(randomBytes(2).readUInt16BE(0).toString(BASE), 2);
let counter = randomBytes(2).readUInt16BE(0);

export function newId(): string {
  counter = (counter + 1) % BASE ** 4;
  const random = randomBytes(6).readUIntBE(0, 6) % BASE ** 8;
  return `c${pad(Date.now().toString(BASE), 8)}${pad(counter.toString(BASE), 4)}${FINGERPRINT}${pad(random.toString(BASE), 8)}`;
}
