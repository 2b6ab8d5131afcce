// The admin API's request and response shapes: validated at the edge and, through `.openapi()`,
// the source of /api/admin/openapi.json. Tenant settings use the keys jobs/calendar.ts reads.
// Bodies are strict: an unknown (misspelt) field is a 400, not silently dropped.
import { z } from '@hono/zod-openapi';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const hhmm = z.string().regex(HHMM, 'must be HH:MM (00:00–23:59)').openapi({ example: '18:00' });
const days = z.number().int().min(1).max(3650);

const validZone = (zone: string) => {
  try { new Intl.DateTimeFormat('en', { timeZone: zone }); return true; } catch { return false; }
};
const timeZone = z.string().refine(validZone, 'unknown IANA time zone').openapi({ example: 'Asia/Shanghai' });
const locale = z.enum(['zh', 'en']).openapi({ example: 'zh' });
const jsonObject = z.record(z.string(), z.unknown());

export const ErrorSchema = z.object({
  error: z.string().openapi({ example: 'not_found' }),
  issues: z.array(z.unknown()).optional(),
}).openapi('Error');

// Tenant.settings: same keys and shapes as jobs/calendar.ts tenantSettings(); all optional here
// because a PATCH changes only what it names. digestTime is the default for new teams.
export const TenantSettingsSchema = z.object({
  digestTime: hhmm.optional(),
  quietHours: z.object({ start: hhmm, end: hhmm }).optional().openapi({ example: { start: '21:00', end: '08:00' } }),
  sendAt: hhmm.optional(),
  weekends: z.boolean().optional(),
  staleDays: z.object({ lead: days, qualified: days, proposal: days, negotiation: days }).partial().optional(),
  callbackDays: z.object({ A: days, B: days, C: days }).partial().optional(),
  afterWonDays: days.optional(),
  renewalCallbackDays: days.optional(),
  renewalReminderDays: z.array(days).optional(),
  paymentEscalateDays: days.optional(),
  // Issue #15: attainment against target counts the won amount (default) or money collected.
  attainment: z.enum(['won', 'collected']).optional(),
}).strict().openapi('TenantSettings');

export const TenantSchema = z.object({
  id: z.string(), name: z.string(), timeZone: z.string(), locale: z.string(), settings: jsonObject, createdAt: z.string(),
}).openapi('Tenant');
export const TenantCreateSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes').openapi({ example: 'acme' }),
  name: z.string().min(1).max(200),
  timeZone: timeZone.optional(),
  locale: locale.optional(),
  settings: TenantSettingsSchema.optional(),
}).strict().openapi('TenantCreate');
export const TenantUpdateSchema = TenantCreateSchema.omit({ id: true }).partial().openapi('TenantUpdate');

export const ROLES = ['rep', 'manager', 'care', 'admin'] as const;
export const UserSchema = z.object({
  id: z.string(), tenantId: z.string(), handle: z.string(), name: z.string(), role: z.enum(ROLES),
  locale: z.string(), timeZone: z.string().nullable(), teamId: z.string().nullable(), createdAt: z.string(),
}).openapi('User');
export const UserCreateSchema = z.object({
  handle: z.string().regex(/^[\w.-]{1,64}$/u, 'letters, digits, _ . -').openapi({ example: 'rep3' }),
  name: z.string().min(1).max(200),
  role: z.enum(ROLES).optional(),
  locale: locale.optional(),
  timeZone: timeZone.nullable().optional(),
  teamId: z.string().nullable().optional(),
}).strict().openapi('UserCreate');
export const UserUpdateSchema = UserCreateSchema.omit({ handle: true }).partial().openapi('UserUpdate');

// Team.settings.group: where the team digest also goes (src/domain/digest-settings.ts).
const GroupSchema = z.union([
  z.object({ platform: z.enum(['feishu', 'slack', 'wecom', 'wechaty', 'web']), platformTenant: z.string().min(1), conversationId: z.string().min(1) }),
  z.object({ wecomRobot: z.url() }),
]).openapi('TeamGroup');
// leaderboard: the digests' leaderboard section (issue #15).
const TeamSettingsSchema = z.object({ group: GroupSchema.nullable().optional(), leaderboard: z.boolean().optional() }).strict().openapi('TeamSettings');
export const TeamSchema = z.object({
  id: z.string(), tenantId: z.string(), name: z.string(), managerId: z.string().nullable(), digestTime: z.string(),
  settings: jsonObject, createdAt: z.string(),
}).openapi('Team');
export const TeamCreateSchema = z.object({
  name: z.string().min(1).max(200),
  managerId: z.string().nullable().optional(),
  digestTime: hhmm.optional(),
  settings: TeamSettingsSchema.optional(),
}).strict().openapi('TeamCreate');
export const TeamUpdateSchema = TeamCreateSchema.partial().openapi('TeamUpdate');

export const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const period = z.string().regex(PERIOD, 'YYYY-MM, YYYY-Qn or YYYY').openapi({ example: '2026-11' });
export const TargetSchema = z.object({
  id: z.string(), tenantId: z.string(), userId: z.string().nullable(), teamId: z.string().nullable(), period: z.string(), amount: z.number(),
  /** The stretch target (挑战目标), when set (issue #15). */
  stretch: z.number().nullable(),
}).openapi('Target');
export const TargetUpsertSchema = z.object({
  userId: z.string().optional(),
  teamId: z.string().optional(),
  period,
  amount: z.number().nonnegative().max(1e15),
  stretch: z.number().nonnegative().max(1e15).nullable().optional(),
}).strict().refine((t) => (t.userId === undefined) !== (t.teamId === undefined), { message: 'give exactly one of userId, teamId', path: ['userId'] })
  .openapi('TargetUpsert');

export const TenantParams = z.object({ tenantId: z.string().openapi({ param: { name: 'tenantId', in: 'path' } }) });
export const UserParams = TenantParams.extend({ userId: z.string().openapi({ param: { name: 'userId', in: 'path' } }) });
export const TeamParams = TenantParams.extend({ teamId: z.string().openapi({ param: { name: 'teamId', in: 'path' } }) });
export const PeriodQuery = z.object({ period: period.optional() });
export const TeamQuery = z.object({ teamId: z.string().optional() });
