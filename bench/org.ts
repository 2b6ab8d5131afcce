// A generated sales org for the benches at scale (issue #6): one tenant of T teams × R reps
// (plus a manager each), customers, deals with their stage history, activities, follow-up
// reminders and monthly targets, written with set-based SQL (INSERT … SELECT generate_series)
// into a scratch database. Secondary indexes are dropped during the load and rebuilt after it
// (the usual bulk-load order; the schema ends up exactly as migrated), then ANALYZEd.
// random() is seeded, so the same sizes and `now` give the same org.
import type pg from 'pg';
import { since } from './scratch-db.js';

export const TENANT = 'bench';

export interface OrgSize {
  teams: number; repsPerTeam: number; customers: number; deals: number; activities: number;
  /** Follow-up reminders: `pending` ones due between `fromDays` and `toDays` from now (negative:
   * overdue), and with `fromDays` < 0 also done ones in the past (the digest's overdue count). */
  reminders: { count: number; fromDays: number; toDays: number };
  /** Tenant.settings (the reminders bench lifts quiet hours so that the time of day of a run
   * does not move every follow-up to the next morning). */
  tenantSettings?: object;
}

export const ISSUE_ORG: Omit<OrgSize, 'reminders'> = { teams: 100, repsPerTeam: 20, customers: 100_000, deals: 500_000, activities: 2_000_000 };

const SURNAMES = "ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗']";
const GIVEN = "ARRAY['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','霞','平','建华','志强']";
const nameOf = (n: string) => `(${SURNAMES})[1 + (${n}) % 20] || (${GIVEN})[1 + ((${n}) * 7 + (${n}) / 20) % 22]`;
const BIG_TABLES = ['Customer', 'Deal', 'StageChange', 'Activity', 'Reminder'];

/** Statements, in order; `$1` is `now` (timestamptz) wherever it appears. */
function statements(s: OrgSize): [label: string, sql: string][] {
  const { teams: T, repsPerTeam: R, customers: C, deals: D, activities: A } = s;
  const N = T * R;
  const rep = (cust: string) => `'u' || (1 + ((${cust}) - 1) % ${N})`;
  const now = '$1::timestamptz::timestamp';
  return [
    ['tenant', `INSERT INTO "Tenant"(id, name, "timeZone", settings) VALUES ('${TENANT}', '压测科技', 'Asia/Shanghai', '${JSON.stringify(s.tenantSettings ?? {})}')`],
    ['teams', `INSERT INTO "Team"(id, "tenantId", name, "digestTime", "createdAt")
      SELECT 't' || t, '${TENANT}', '销售' || t || '组', '18:00', ${now} - interval '400 days' + t * interval '1 second' FROM generate_series(1, ${T}) t`],
    ['users', `INSERT INTO "User"(id, "tenantId", handle, name, role, "teamId", settings, "createdAt")
      SELECT 'm' || t, '${TENANT}', 'mgr' || t, ${nameOf('t * 13')}, 'manager'::"Role", 't' || t, '{}'::jsonb, ${now} - interval '400 days' FROM generate_series(1, ${T}) t
      UNION ALL
      SELECT 'u' || i, '${TENANT}', 'rep' || i, ${nameOf('i')}, 'rep'::"Role", 't' || (1 + (i - 1) / ${R}),
        CASE WHEN i % 10 = 0 THEN '{"dailySummary": true}' ELSE '{}' END::jsonb, ${now} - interval '400 days' + i * interval '1 second'
      FROM generate_series(1, ${N}) i`],
    ['managers', `UPDATE "Team" SET "managerId" = 'm' || substr(id, 2) WHERE "tenantId" = '${TENANT}'`],
    ['targets', `INSERT INTO "Target"(id, "tenantId", "userId", "teamId", period, amount)
      SELECT 'g' || i || '-' || m, '${TENANT}', 'u' || i, NULL, to_char((${now} AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai') - m * interval '1 month', 'YYYY-MM'),
        500000 + (i % 16) * 100000
      FROM generate_series(1, ${N}) i, generate_series(0, 2) m`],
    ['customers', `INSERT INTO "Customer"(id, "tenantId", name, "matchKey", pinyin, initials, industry, tier, "ownerId", "createdAt", "updatedAt")
      SELECT 'c' || c, '${TENANT}', '客户' || c || '有限公司', '客户' || c, 'kehu' || c, 'kh' || c,
        (ARRAY['制造业','软件','零售','能源','金融','物流'])[1 + c % 6], (ARRAY['A','B','C','C'])[1 + c % 4]::"Tier", ${rep('c')}, at, at
      FROM (SELECT c, ${now} - random() * interval '400 days' AS at FROM generate_series(1, ${C}) c) x`],
    // Young deals are mostly open; older ones mostly closed, 45% of those won. Amounts are skewed
    // (10k … 2M CNY).
    ['deals', `INSERT INTO "Deal"(id, "tenantId", "customerId", "ownerId", title, amount, stage, probability, "expectedClose", "closedAt", "createdAt", "updatedAt")
      SELECT 'd' || d, '${TENANT}', 'c' || cust, ${rep('cust')}, '项目' || d, amount, stage,
        CASE stage WHEN 'lead' THEN 10 WHEN 'qualified' THEN 30 WHEN 'proposal' THEN 50 WHEN 'negotiation' THEN 70 WHEN 'won' THEN 100 ELSE 0 END,
        (created + interval '60 days')::date, closed, created, coalesce(closed, created)
      FROM (
        SELECT d, 1 + (d - 1) % ${C} AS cust, created, amount, stage,
          CASE WHEN stage IN ('won', 'lost') THEN least(${now} - interval '1 minute', created + (2 + r3 * 90) * interval '1 day') END AS closed
        FROM (SELECT d, ${now} - random() * interval '365 days' AS created, random() AS r1, random() AS r2, random() AS r3,
                (10000 * (1 + floor(power(random(), 3) * 200)))::numeric AS amount
              FROM generate_series(1, ${D}) d) x,
        LATERAL (SELECT (CASE WHEN r1 < greatest(0.1, 1 - extract(epoch FROM ${now} - created) / 86400 / 150)
          THEN (CASE WHEN r2 < 0.4 THEN 'lead' WHEN r2 < 0.7 THEN 'qualified' WHEN r2 < 0.9 THEN 'proposal' ELSE 'negotiation' END)
          ELSE (CASE WHEN r2 < 0.45 THEN 'won' ELSE 'lost' END) END)::"Stage" AS stage) s
      ) y`],
    // Each deal's history: created as a lead, then one step at a time to where it is (a lost deal
    // from some open stage), the steps spread between creation and closing (or 80% of the way
    // to now for an open deal).
    ['stage changes', `INSERT INTO "StageChange"(id, "tenantId", "dealId", "from", "to", "actorId", at)
      SELECT 's' || substr(id, 2) || '-' || k, '${TENANT}', id, CASE WHEN k > 0 THEN path[k]::"Stage" END, path[k + 1]::"Stage", "ownerId",
        "createdAt" + (fin - "createdAt") * (k::float8 / greatest(cardinality(path) - 1, 1))
      FROM (
        SELECT id, "ownerId", "createdAt", coalesce("closedAt", "createdAt" + (${now} - "createdAt") * 0.8) AS fin,
          CASE stage WHEN 'lost' THEN (ARRAY['lead','qualified','proposal','negotiation'])[1:1 + abs(hashtext(id)) % 4] || ARRAY['lost']
            ELSE (ARRAY['lead','qualified','proposal','negotiation','won'])[1:array_position(ARRAY['lead','qualified','proposal','negotiation','won'], stage::text)] END AS path
        FROM "Deal" WHERE "tenantId" = '${TENANT}'
      ) d, generate_series(0, cardinality(path) - 1) k`],
    // Working hours in Shanghai (09:00–18:00, 01:00–10:00 UTC) over the last year.
    ['activities', `INSERT INTO "Activity"(id, "tenantId", "customerId", "dealId", "userId", channel, summary, "occurredAt", "createdAt")
      SELECT 'a' || a, '${TENANT}', 'c' || cust, CASE WHEN a % 3 = 0 THEN 'd' || cust END, ${rep('cust')},
        (ARRAY['visit','call','wechat','email','meeting','demo'])[1 + a % 6]::"Channel",
        (ARRAY['电话沟通需求','上门拜访，介绍方案','发送报价单','微信跟进进度','演示产品功能','商务谈判'])[1 + a % 6], at, at
      FROM (SELECT a, 1 + floor(random() * ${C})::int AS cust,
              least(${now}, date_trunc('day', ${now} - floor(random() * 365) * interval '1 day') + interval '1 hour' + random() * interval '9 hours') AS at
            FROM generate_series(1, ${A}) a) x`],
    ['reminders', reminderSql(s, N, now)],
  ];
}

function reminderSql(s: OrgSize, N: number, now: string): string {
  const { count, fromDays, toDays } = s.reminders;
  return `INSERT INTO "Reminder"(id, "tenantId", kind, "dueAt", status, "assigneeId", "customerId", note, "sentAt", "createdAt", "updatedAt")
    SELECT 'r' || r, '${TENANT}', 'follow_up', due, st::"ReminderStatus", 'u' || (1 + (cust - 1) % ${N}), 'c' || cust, '跟进报价进度',
      CASE WHEN st = 'done' THEN due END, ${now} - interval '30 days', ${now} - interval '30 days'
    FROM (SELECT r, 1 + (r::bigint * 7919) % ${s.customers} AS cust, due,
            CASE WHEN due < ${now} AND random() < 0.7 THEN 'done' ELSE 'pending' END AS st
          FROM (SELECT r, ${now} + (${fromDays} + random() * ${toDays - fromDays}) * interval '1 day' AS due FROM generate_series(1, ${count}) r) x) y`;
}

/** Loads the org into the (migrated, empty) scratch database; prints progress to stderr. */
export async function generateOrg(sql: pg.Client, size: OrgSize, now: Date, label: string): Promise<void> {
  const started = performance.now();
  await sql.query(`SET TIME ZONE 'UTC'; SET synchronous_commit = off; SELECT setseed(0.42)`);
  const { rows: indexes } = await sql.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE '%\\_pkey'`, [BIG_TABLES]);
  for (const i of indexes) await sql.query(`DROP INDEX "${i.name}"`);
  for (const [what, text] of statements(size)) {
    const t = performance.now();
    const r = await sql.query(text, text.includes('$1') ? [now.toISOString()] : []);
    process.stderr.write(`[${label}] ${what}: ${r.rowCount ?? 0} rows in ${since(t).toFixed(1)} s\n`);
  }
  const t = performance.now();
  await sql.query(`SET maintenance_work_mem = '256MB'`);
  for (const i of indexes) await sql.query(i.def);
  // VACUUM as autovacuum would have by now (index-only scans need the visibility map).
  await sql.query('VACUUM ANALYZE');
  process.stderr.write(`[${label}] ${indexes.length} indexes rebuilt and analyzed in ${since(t).toFixed(1)} s; org ready in ${since(started).toFixed(1)} s\n`);
}
