// Reply → WeCom app message bodies (企业微信 "发送应用消息": text, markdown, template_card of
// card_type button_interaction). Buttons become a button_interaction card whose button keys
// carry the action; a card without buttons becomes markdown; a plain reply is text. What a
// card cannot hold (more than 6 buttons) degrades to text with numbered options. Nothing is cut
// (#13): a body longer than the card's 112-character sub-title goes first as markdown, then the
// card with its title and buttons; text past 2048 bytes is split over several messages.
import { createHash } from 'node:crypto';
import { cardBody, textOnly, type Button, type ButtonStyle, type Card, type Reply } from '../../src/chat/index.js';
import type { ActionKeys } from './action-keys.js';
import { splitBytes, truncateChars } from './text-limits.js';

export type WecomMessage =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'template_card'; template_card: TemplateCard };

export interface TemplateCard {
  card_type: 'button_interaction';
  task_id: string;
  main_title: { title?: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: { keyname: string; value: string }[];
  button_list: { text: string; style: number; key: string }[];
}

/**
 * Content limits from the message documents (text and markdown: 2048 bytes); the card's are the
 * documented recommendations ("建议不超过"), loosened for button labels that name a customer.
 */
const CONTENT_BYTES = 2048;
const LIMITS = { title: 26, desc: 30, subTitle: 112, fields: 6, keyname: 10, value: 30, buttons: 6, buttonText: 20 };
/** button_interaction styles: 1 is the highlighted (blue) button, 2 grey, 3 red. */
const STYLE: Record<ButtonStyle, number> = { primary: 1, default: 2, danger: 3 };

/** task_id: unique per app, ≤128 bytes of [A-Za-z0-9_-@]; derived from the delivery key. */
export const taskIdFor = (idempotencyKey: string): string =>
  `sb_${createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 32)}`;

/** The messages of one reply, in order; a button card is always the last. */
export async function render(reply: Reply, keys: ActionKeys, taskId: string): Promise<WecomMessage[]> {
  const card = reply.card;
  const buttons = card?.buttons ?? [];
  if (card && buttons.length > 0 && buttons.length <= LIMITS.buttons) return withButtons(reply, card, buttons, keys, taskId);
  if (card && buttons.length === 0) return markdownParts(markdown(reply, card));
  return splitBytes(textOnly(reply), CONTENT_BYTES).map((content) => ({ msgtype: 'text', text: { content } }));
}

const markdownParts = (content: string): WecomMessage[] =>
  splitBytes(content, CONTENT_BYTES).map((part) => ({ msgtype: 'markdown', markdown: { content: part } }));

/** The card shows the title and buttons once: its body is the text without them (no "1. … 2. …" beside buttons). */
async function withButtons(reply: Reply, card: Card, buttons: Button[], keys: ActionKeys, taskId: string): Promise<WecomMessage[]> {
  const body = cardBody(reply).trim();
  const fits = [...body].length <= LIMITS.subTitle;
  const message: WecomMessage = { msgtype: 'template_card', template_card: await templateCard(fits ? body : '', card, buttons, keys, taskId, body) };
  if (fits) return [message];
  const title = card.title && !body.startsWith(card.title) ? `**${card.title}**\n` : '';
  return [...markdownParts(`${title}${body}`), message];
}

async function templateCard(body: string, card: Card, buttons: Button[], keys: ActionKeys, taskId: string, fullBody: string): Promise<TemplateCard> {
  const fields = card.fields ?? [];
  return {
    card_type: 'button_interaction',
    task_id: taskId,
    ...heading(body, card.title ?? (body ? undefined : firstLine(fullBody))),
    ...(fields.length > 0 && {
      horizontal_content_list: fields.slice(0, LIMITS.fields).map((f) => ({
        keyname: truncateChars(f.label, LIMITS.keyname), value: truncateChars(f.value, LIMITS.value),
      })),
    }),
    button_list: await buttonList(buttons, keys),
  };
}

const firstLine = (text: string) => text.split('\n')[0] ?? '';

/** The card needs a title or a sub-title text: a short text is the title, a long one the body. */
function heading(body: string, title: string | undefined): Pick<TemplateCard, 'main_title' | 'sub_title_text'> {
  // A question longer than the title's 26 characters is also the body, so it is read whole.
  const rest = body || ([...(title ?? '')].length > LIMITS.title ? title : '');
  if (title) return { main_title: { title: truncateChars(title, LIMITS.title) }, ...(rest && { sub_title_text: truncateChars(rest, LIMITS.subTitle) }) };
  if ([...body].length <= LIMITS.title && !body.includes('\n')) return { main_title: { title: body } };
  return { main_title: {}, sub_title_text: truncateChars(body, LIMITS.subTitle) };
}

async function buttonList(buttons: Button[], keys: ActionKeys): Promise<TemplateCard['button_list']> {
  const seen = new Set<string>();
  const out: TemplateCard['button_list'] = [];
  for (const b of buttons) {
    let key = await keys.encode(b.action);
    // Keys must be distinct within a card; a repeated action is stored under its hash instead.
    if (seen.has(key)) key = await keys.encode(b.action, true);
    seen.add(key);
    out.push({ text: truncateChars(b.label, LIMITS.buttonText), style: STYLE[b.style ?? 'default'], key });
  }
  return out;
}

/**
 * The update of a clicked card (更新模版卡片消息, update_template_card): a reply with buttons
 * becomes the new card (the text too long for it follows as new messages); one without buttons
 * turns the card's buttons into a disabled one saying the outcome (button.replace_name), with the
 * whole text as a new message when it says more than fits there.
 */
export async function renderUpdate(reply: Reply, keys: ActionKeys, taskId: string): Promise<{ update: CardUpdate; after: WecomMessage[] }> {
  const buttons = reply.card?.buttons ?? [];
  if (reply.card && buttons.length > 0 && buttons.length <= LIMITS.buttons) {
    const messages = await withButtons(reply, reply.card, buttons, keys, taskId);
    const card = messages.pop() as Extract<WecomMessage, { msgtype: 'template_card' }>;
    return { update: { template_card: card.template_card }, after: messages };
  }
  const outcome = firstLine(cardBody(reply).trim() || reply.text);
  const fits = [...outcome].length <= LIMITS.buttonText && textOnly(reply).trim() === outcome;
  return { update: { button: { replace_name: truncateChars(outcome, LIMITS.buttonText) } }, after: fits ? [] : await render(reply, keys, taskId) };
}

export type CardUpdate = { template_card: TemplateCard } | { button: { replace_name: string } };

function markdown(reply: Reply, card: Card): string {
  const lines: string[] = [];
  if (card.title && !reply.text.includes(card.title)) lines.push(`**${card.title}**`);
  lines.push(reply.text);
  for (const f of card.fields ?? []) lines.push(`> ${f.label}：${f.value}`);
  return lines.join('\n');
}
