// The neutral Reply → a Feishu message body. A reply with a card becomes an interactive message
// (message card JSON 1.0: header, div text, fields, an action row of buttons); a plain reply is
// a text message. Documents: "Send message content: text, interactive", "Card JSON 1.0
// components: div, action, button". Cards are shared (`update_multi`), so the answer to a click
// can replace the card for everyone in the chat ("Update a sent message card").
import { cardBody, numberedOptions, textOnly, type Address, type Button, type Card, type Reply } from '../../src/chat/index.js';

export interface FeishuBody { msg_type: 'text' | 'interactive' | 'image'; content: string }

const buttonType: Record<NonNullable<Button['style']>, string> = { primary: 'primary', danger: 'danger', default: 'default' };

/** Where a card is sent: its chat and the chat's kind. */
export type CardChat = Pick<Address, 'kind' | 'conversationId'>;

/** What a button carries back in a card callback: the action, the chat kind (no callback says it)
 * and the chat id (the old-format callback does not carry one). */
export function buttonValue(b: Button, chat: CardChat) {
  return { salesbot: JSON.stringify(b.action), kind: chat.kind, chat: chat.conversationId };
}

const plain = (content: string) => ({ tag: 'plain_text', content });

/** The reply's text plus the numbered options it does not already list (a question lists them itself). */
export function withOptions(reply: Reply): string {
  const missing = numberedOptions(reply).filter((line) => !reply.text.includes(line));
  return [reply.text, ...missing].join('\n');
}

/**
 * `buttons: false` when clicks cannot come back (long connection without a callback URL): the
 * options are typed as numbers. With buttons, the body neither repeats the title nor lists the
 * options beside them (#13); a card with nothing more to say than its title has no text block.
 */
export function cardJson(reply: Reply & { card: Card }, chat: CardChat, buttons = true): object {
  const card = buttons ? reply.card : { ...reply.card, buttons: [] };
  const body = buttons ? cardBody(reply).trim() : withOptions(reply);
  const elements: object[] = body || !card.title ? [{ tag: 'div', text: plain(body || reply.text) }] : [];
  if (card.fields?.length) {
    elements.push({ tag: 'div', fields: card.fields.map((f) => ({ is_short: true, text: plain(`${f.label}\n${f.value}`) })) });
  }
  if (card.buttons?.length) {
    elements.push({
      tag: 'action',
      actions: card.buttons.map((b) => ({ tag: 'button', text: plain(b.label), type: buttonType[b.style ?? 'default'], value: buttonValue(b, chat) })),
    });
  }
  return {
    config: { wide_screen_mode: true, update_multi: true },
    ...(card.title && { header: { title: plain(card.title), template: 'blue' } }),
    elements,
  };
}

const hasCard = (r: Reply): r is Reply & { card: Card } => r.card !== undefined;

export function render(reply: Reply, chat: CardChat, buttons = true): FeishuBody {
  if (hasCard(reply)) return { msg_type: 'interactive', content: JSON.stringify(cardJson(reply, chat, buttons)) };
  return textBody(reply);
}

/**
 * A text message reads `<at user_id="all"></at>` as @everyone (and `<at user_id="ou_…">` as a
 * mention): text that came from a user — a customer named so — must not ping a group. A
 * zero-width space after '<' leaves it readable and inert. Cards use plain_text, which reads no tags.
 */
export const defuseMentions = (text: string): string => text.replace(/<(\/?at)\b/gi, '<\u200B$1');

/** The plain-text fallback: title and fields folded into text, then the numbered options not yet listed. */
export function textBody(reply: Reply): FeishuBody {
  const folded = reply.card ? textOnly({ ...reply, card: { ...reply.card, buttons: [] } }) : reply.text;
  return { msg_type: 'text', content: JSON.stringify({ text: defuseMentions(withOptions({ ...reply, text: folded })) }) };
}

export const imageBody = (imageKey: string): FeishuBody => ({ msg_type: 'image', content: JSON.stringify({ image_key: imageKey }) });
