// Slack's HTTP endpoints. Each request: verify the signature over the raw body (401, nothing
// queued, when it fails) → decode → queue → acknowledge. Slack waits 3 s for the answer; the
// work happens in the inbound worker. When Redis is down the answer is 503, so Slack delivers
// the event again (slash commands and clicks are not retried: the user sees an error instead).
//   POST /webhooks/slack/events        Events API (url_verification, event_callback)
//   POST /webhooks/slack/commands      the /crm slash command (form-encoded)
//   POST /webhooks/slack/interactions  Block Kit button clicks (form-encoded `payload=<json>`)
import { Hono, type Context } from 'hono';
import type { Logger } from 'pino';
import type { InboundEvent } from '../../src/chat/index.js';
import type { InboundSink } from '../../src/delivery/inbound.js';
import { limitBodies } from '../../src/http/body-limit.js';
import {
  blockActionsSchema, eventsBodySchema, fromBlockActions, fromEventCallback, fromSlashCommand, slashCommandSchema, type SlashCommand,
} from './inbound.js';
import { verifySlackRequest } from './verify.js';

export interface SlackRoutesOptions {
  signingSecret: string;
  /** SLACK_APP_ID: when set, a signed request naming another app (api_app_id) is refused 403. */
  appId?: string;
  /** SLACK_TEAM_ID: when set, requests from any other workspace are refused 403. */
  teamId?: string;
  /** SLACK_COMMAND: the slash command this app answers (default /crm); any other is refused. */
  command?: string;
  log: Logger;
  now?: () => number;
}

/** Where a request says it comes from: its app and workspace, when it names them. */
interface Origin { app?: string; team?: string }

/** What the user sees at once after /crm; the answer follows through the queue. */
export const COMMAND_ACK = { response_type: 'ephemeral', text: '…' } as const;

type Decoded = { events: InboundEvent[]; answer?: object; origin?: Origin } | { status: 400 };

/** Why a verified request is not for this app and workspace, or undefined. */
function foreignTo(origin: Origin | undefined, opts: SlackRoutesOptions): string | undefined {
  // url_verification names no app or team; every event, command and click does.
  if (!origin) return undefined;
  if (opts.appId && origin.app !== opts.appId) return `api_app_id ${origin.app ?? '(none)'}`;
  if (opts.teamId && origin.team !== opts.teamId) return `team ${origin.team ?? '(none)'}`;
  return undefined;
}

export function slackRoutes(sink: InboundSink, opts: SlackRoutesOptions): Hono {
  const app = new Hono();
  const handle = (decode: (raw: string) => Decoded) => async (c: Context) => {
    const rawBody = new Uint8Array(await c.req.arrayBuffer());
    const verdict = verifySlackRequest(opts.signingSecret, {
      signature: c.req.header('x-slack-signature'), timestamp: c.req.header('x-slack-request-timestamp'), rawBody,
    }, opts.now?.());
    if (!verdict.ok) {
      opts.log.warn({ path: c.req.path, reason: verdict.reason }, 'slack: refused an unverified request');
      return c.json({ error: 'unverified request' }, 401);
    }
    const decoded = decode(Buffer.from(rawBody).toString('utf8'));
    if ('status' in decoded) return c.json({ error: 'unexpected payload' }, 400);
    const foreign = foreignTo(decoded.origin, opts);
    if (foreign) {
      opts.log.warn({ path: c.req.path, reason: foreign }, 'slack: refused a request for another app or workspace');
      return c.json({ error: 'not for this app' }, 403);
    }
    try {
      for (const event of decoded.events) await sink.accept(event);
    } catch (err) {
      opts.log.error({ err: (err as Error).message, path: c.req.path }, 'slack: could not queue an event');
      return c.json({ error: 'try again' }, 503);
    }
    return decoded.answer ? c.json(decoded.answer) : c.body(null, 200);
  };
  // Refused while reading (Content-Length, or counting the stream), never buffered whole.
  const limit = limitBodies();
  app.post('/webhooks/slack/events', limit, handle(decodeEvents));
  app.post('/webhooks/slack/commands', limit, handle((raw) => decodeCommand(raw, opts.command)));
  app.post('/webhooks/slack/interactions', limit, handle(decodeInteraction));
  return app;
}

export function decodeEvents(raw: string): Decoded {
  const json = parseJson(raw);
  const body = eventsBodySchema.safeParse(json);
  // An envelope type this app does not know (Slack adds some) is acknowledged, not refused:
  // Slack re-delivers refused events and turns off subscriptions that keep failing.
  if (!body.success) return isOtherEnvelope(json) ? { events: [] } : { status: 400 };
  if (body.data.type === 'url_verification') return { events: [], answer: { challenge: body.data.challenge } };
  if (body.data.type !== 'event_callback') return { events: [] };
  const event = fromEventCallback(body.data);
  return { events: event ? [event] : [], origin: { app: body.data.api_app_id, team: body.data.team_id } };
}

export const DEFAULT_COMMAND = '/crm';

export function decodeCommand(raw: string, command = DEFAULT_COMMAND): Decoded {
  const cmd = slashCommandSchema.safeParse(Object.fromEntries(new URLSearchParams(raw)));
  if (!cmd.success) return { status: 400 };
  return { ...commandEvents(cmd.data, command), origin: { app: cmd.data.api_app_id, team: cmd.data.team_id } };
}

/** Only the configured command runs; another app's command routed here by mistake is refused politely. */
export function commandEvents(cmd: SlashCommand, command = DEFAULT_COMMAND): { events: InboundEvent[]; answer: object } {
  if (cmd.command !== command) return { events: [], answer: { response_type: 'ephemeral', text: `salesbot answers ${command} only.` } };
  return { events: [fromSlashCommand(cmd)], answer: COMMAND_ACK };
}

export function decodeInteraction(raw: string): Decoded {
  const payload = parseJson(new URLSearchParams(raw).get('payload') ?? '');
  if (!payload || typeof payload !== 'object') return { status: 400 };
  // Other interactions (shortcuts, modals) are not used by this app: acknowledged, ignored.
  if ((payload as { type?: unknown }).type !== 'block_actions') return { events: [] };
  const actions = blockActionsSchema.safeParse(payload);
  if (!actions.success) return { status: 400 };
  const team = actions.data.team?.id ?? actions.data.user.team_id;
  return { events: fromBlockActions(actions.data), origin: { app: actions.data.api_app_id, team } };
}

const KNOWN_ENVELOPES = new Set(['url_verification', 'event_callback', 'app_rate_limited']);
const isOtherEnvelope = (json: unknown): boolean => {
  const type = (json as { type?: unknown } | null)?.type;
  return typeof json === 'object' && json !== null && typeof type === 'string' && !KNOWN_ENVELOPES.has(type);
};

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
