// Import customers (and their contacts) from a spreadsheet into a tenant. A row whose name
// matches a customer exactly — same matchKey, alias key or pinyin, the chat's rule — is merged
// into it, never created twice; so running the same file again creates nothing. A row whose
// owner is a rep that matches another owner's customer (by name, alias, pinyin or a contact's phone)
// is a duplicate of another owner (查重, issue #14): reported, neither created nor merged.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db.js';
import { matchKey, pinyinKey } from '../names.js';
import { contactKey, loadTenant, pinyinMatchable, type Known, type Tenant } from './existing.js';
import { mapHeaders } from './headers.js';
import { fillFrom } from './merge.js';
import { readSheet, text } from './read.js';
import { writeReport, type Rejected } from './report.js';
import { toRow, type ImportRow } from './row.js';
import { writeAll, type NewContact } from './write.js';

export interface ImportOptions {
  tenantId: string;
  /** Handle or name of the default owner; else the tenant's first admin or manager. */
  owner?: string;
  report?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  ok: true;
  rows: number;
  created: number;
  merged: number;
  unchanged: number;
  /** Rows matching another owner's customer: not imported (also in `rejected`, reason duplicate_of_another_owner). */
  duplicates: number;
  rejected: Rejected[];
  contacts: number;
  report?: string;
}
export type ImportError = { ok: false; code: 'no_name_column' | 'unknown_owner' | 'no_owner' };

export async function importFile(db: Db, file: string, opts: ImportOptions): Promise<ImportResult | ImportError> {
  const sheet = await readSheet(file);
  const columns = mapHeaders(sheet.headers);
  if (![...columns.values()].includes('name')) return { ok: false, code: 'no_name_column' };
  const tenant = await loadTenant(db, opts.tenantId);
  const fallback = opts.owner ? tenant.users.get(opts.owner.toLowerCase()) ?? tenant.users.get(opts.owner) : tenant.defaultOwnerId;
  if (!fallback) return { ok: false, code: opts.owner ? 'unknown_owner' : 'no_owner' };

  const result: ImportResult = { ok: true, rows: sheet.rows.length, created: 0, merged: 0, unchanged: 0, duplicates: 0, rejected: [], contacts: 0 };
  const contacts: NewContact[] = [];
  const touched: Known[] = [];
  sheet.rows.forEach((cells, i) => {
    const parsed = toRow(cells, columns);
    const ownerId = 'row' in parsed ? resolveOwner(tenant, parsed.row, fallback) : undefined;
    const reasons = 'reasons' in parsed ? parsed.reasons : !ownerId ? ['unknown_owner'] : !matchKey(parsed.row.name) ? ['missing_name'] : [];
    if (reasons.length || !('row' in parsed)) {
      result.rejected.push({ row: i + 2, reasons, values: sheet.headers.map((_, c) => text(cells[c])) });
      return;
    }
    const theirs = tenant.reps.has(ownerId!) ? otherOwners(tenant, parsed.row, ownerId!) : undefined;
    if (theirs) {
      result.duplicates++;
      result.rejected.push({ row: i + 2, reasons: ['duplicate_of_another_owner'], values: sheet.headers.map((_, c) => text(cells[c])) });
      return;
    }
    const outcome = apply(tenant, parsed.row, ownerId!, contacts, touched);
    result[outcome]++;
  });
  const created = touched.filter((k) => k.isNew);
  await writeAll(db, opts.tenantId, created, touched.filter((k) => !k.isNew && k.dirty), contacts, (done) =>
    opts.onProgress?.(done, created.length + contacts.length));
  result.contacts = contacts.length;
  if (opts.report) {
    await writeReport(opts.report, sheet.headers, result.rejected);
    result.report = opts.report;
  }
  return result;
}

function resolveOwner(tenant: Tenant, row: ImportRow, fallback: string): string | undefined {
  if (!row.owner) return fallback;
  return tenant.users.get(row.owner.toLowerCase()) ?? tenant.users.get(row.owner);
}

function find(tenant: Tenant, row: ImportRow): Known | undefined {
  for (const name of [row.name, ...row.aliases]) {
    const hit = tenant.byKey.get(matchKey(name));
    if (hit) return hit;
  }
  return tenant.byPinyin.get(pinyinKey(row.name));
}

/** The customer already in the tenant, owned by someone else, that this row names (by name or a contact's phone). */
function otherOwners(tenant: Tenant, row: ImportRow, ownerId: string): Known | undefined {
  const hit = find(tenant, row) ?? (row.phone ? tenant.byPhone.get(row.phone) : undefined);
  return hit && !hit.isNew && hit.ownerId !== ownerId ? hit : undefined;
}

/** Creates or merges one row in memory; the writes happen in batches afterwards. */
function apply(tenant: Tenant, row: ImportRow, ownerId: string, contacts: NewContact[], touched: Known[]): 'created' | 'merged' | 'unchanged' {
  let known = find(tenant, row);
  let outcome: 'created' | 'merged' | 'unchanged';
  if (!known) {
    known = {
      id: randomUUID(), name: row.name, ownerId, industry: row.industry ?? null, tier: row.tier ?? null,
      signedAt: row.signedAt ?? null, contractEnd: row.contractEnd ?? null, tags: row.tags,
      aliases: row.aliases.filter((a) => a !== row.name), isNew: true, dirty: true,
    };
    touched.push(known);
    outcome = 'created';
  } else {
    const changed = fillFrom(known, row);
    if (changed && !known.dirty) { known.dirty = true; touched.push(known); }
    outcome = changed ? 'merged' : 'unchanged';
  }
  for (const key of [matchKey(known.name), ...known.aliases.map(matchKey)]) if (key && !tenant.byKey.has(key)) tenant.byKey.set(key, known);
  const py = pinyinKey(known.name);
  if (pinyinMatchable(py) && !tenant.byPinyin.has(py)) tenant.byPinyin.set(py, known);
  if (row.contact && !tenant.contacts.has(contactKey(known.id, row.contact))) {
    tenant.contacts.add(contactKey(known.id, row.contact));
    contacts.push({ customerId: known.id, name: row.contact, title: row.title, phone: row.phone, email: row.email, birthday: row.birthday });
    if (outcome === 'unchanged') outcome = 'merged';
  }
  return outcome;
}

