// The old-format card callback (apps configured with the old card request URL) → the v2.0 header
// and card.action.trigger event the decoder reads. Documents: "Message card callback interaction
// (old)": { open_id, user_id, open_message_id, tenant_key, token, action: { value, tag } } — no
// `schema`, no event id, no app id, no time, no chat id (our buttons carry the chat, outbound.ts).
import { legacyCardActionSchema, type CardActionEvent, type EventHeader } from './schemas.js';

export interface LegacyCard { header: EventHeader; event: CardActionEvent }

/** The callback as a v2.0 card action, or undefined when `json` is not an old-format callback. */
export function fromLegacyCard(json: unknown): LegacyCard | undefined {
  if (typeof json !== 'object' || json === null || 'schema' in json) return undefined;
  const parsed = legacyCardActionSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return {
    // `token` (the card-update credential) is minted for each click: it stands in for the event id.
    header: { event_id: `card-${c.token}`, event_type: 'card.action.trigger', tenant_key: c.tenant_key },
    event: {
      operator: { open_id: c.open_id, tenant_key: c.tenant_key },
      token: c.token,
      action: c.action,
      context: { open_message_id: c.open_message_id, ...(c.open_chat_id && { open_chat_id: c.open_chat_id }) },
    },
  };
}
