// Socket Mode (docs.slack.dev/apis/events-api/using-socket-mode): Slack pushes the same
// payloads over a WebSocket opened with an app-level token, so no public URL is needed. Each
// envelope is acknowledged once its events are queued; when queueing fails it is not
// acknowledged and Slack delivers it again (events_api carries retry_attempt).
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from 'pino';
import type { InboundEvent } from '../../src/chat/index.js';
import type { InboundSink } from '../../src/delivery/inbound.js';
import {
  blockActionsSchema, eventsBodySchema, fromBlockActions, fromEventCallback, slashCommandSchema,
} from './inbound.js';
import { slackLogger } from './logger.js';
import { commandEvents } from './routes.js';

export interface SocketModeHandle { stop(): Promise<void> }

interface Envelope { type: string; body: unknown; ack(response?: object): Promise<void> }

/** Envelope type → the events it carries and what the ack says (the slash command's answer). */
const DECODERS: Record<string, (body: unknown, command?: string) => { events: InboundEvent[]; answer?: object }> = {
  events_api: (body) => {
    const parsed = eventsBodySchema.safeParse(body);
    const event = parsed.success && parsed.data.type === 'event_callback' ? fromEventCallback(parsed.data) : null;
    return { events: event ? [event] : [] };
  },
  slash_commands: (body, command) => {
    const cmd = slashCommandSchema.safeParse(body);
    return cmd.success ? commandEvents(cmd.data, command) : { events: [] };
  },
  interactive: (body) => {
    const actions = blockActionsSchema.safeParse(body);
    return { events: actions.success ? fromBlockActions(actions.data) : [] };
  },
};

export async function handleEnvelope(sink: InboundSink, envelope: Envelope, log: Logger, command?: string): Promise<void> {
  const decode = DECODERS[envelope.type];
  const { events, answer } = decode ? decode(envelope.body, command) : { events: [] };
  try {
    for (const event of events) await sink.accept(event);
  } catch (err) {
    log.error({ err: (err as Error).message, type: envelope.type }, 'slack: could not queue an event; Slack will re-deliver');
    return;
  }
  await envelope.ack(answer);
}

export async function startSocketMode(sink: InboundSink, opts: { appToken: string; apiUrl: string; log: Logger; command?: string }): Promise<SocketModeHandle> {
  const client = new SocketModeClient({
    appToken: opts.appToken, logger: slackLogger(opts.log, 'slack-socket-mode'), clientOptions: { slackApiUrl: opts.apiUrl },
  });
  client.on('slack_event', (envelope: Envelope) => {
    handleEnvelope(sink, envelope, opts.log, opts.command).catch((err: unknown) => opts.log.warn({ err: (err as Error).message }, 'slack: ack failed'));
  });
  await client.start();
  return { stop: () => client.disconnect() };
}
