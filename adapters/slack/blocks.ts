// Neutral Reply → a Block Kit message (docs.slack.dev/reference/block-kit/blocks). Slack refuses
// the whole message when one limit is broken, so every limit is enforced here:
//   ≤50 blocks; section text ≤3,000 chars; ≤10 fields per section, each ≤2,000; header ≤150;
//   button text ≤75, value ≤2,000, action_id unique; ≤25 elements per actions block.
// The top-level `text` is always set: notifications, screen readers and old clients show it.
import type { Button, Reply } from '../../src/chat/index.js';
import { cardBody, numberedOptions, textOnly } from '../../src/chat/index.js';

export const LIMITS = {
  blocks: 50, sectionText: 3000, fieldsPerSection: 10, fieldText: 2000, header: 150,
  buttonText: 75, buttonValue: 2000, actionsPerBlock: 25, fallbackText: 4000,
} as const;

export type Block = Record<string, unknown> & { type: string };
export interface SlackMessage { text: string; blocks: Block[] }

/** mrkdwn control characters (docs.slack.dev/messaging/formatting-message-text#escaping). */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
export const escapeMrkdwn = (s: string): string => s.replace(/[&<>]/g, (ch) => ESCAPES[ch]!);

/** Cuts to at most `max` characters (code points kept whole), marking the cut. */
export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** Escaped text in pieces of ≤ max chars, never splitting an entity, preferring line breaks. */
export function chunkText(raw: string, max: number = LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const ch of Array.from(raw)) {
    const piece = ESCAPES[ch] ?? ch;
    if (length + piece.length > max) {
      const breakAt = current.lastIndexOf('\n');
      const keep = breakAt > current.length / 2 ? breakAt + 1 : current.length;
      chunks.push(current.slice(0, keep).join(''));
      current = current.slice(keep);
      length = current.join('').length;
    }
    current.push(piece);
    length += piece.length;
  }
  if (current.length) chunks.push(current.join(''));
  return chunks.filter((c) => c.trim() !== '');
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

function fieldBlocks(reply: Reply): Block[] {
  const fields = (reply.card?.fields ?? []).map((f) => ({
    type: 'mrkdwn', text: clip(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, LIMITS.fieldText),
  }));
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + LIMITS.fieldsPerSection) });
  }
  return blocks;
}

function button(b: Button, index: number, value: string): Record<string, unknown> {
  return {
    type: 'button', action_id: `action_${index}`, value,
    text: { type: 'plain_text', text: clip(b.label, LIMITS.buttonText), emoji: true },
    ...(b.style && b.style !== 'default' && { style: b.style }),
  };
}

/**
 * Buttons carry their action as JSON in `value`. One too long for Slack's 2,000 chars cannot be
 * a button; it is listed as a numbered option instead (typing the number picks it, as in
 * textOnly), so nothing is dropped silently.
 */
function actionBlocks(reply: Reply): Block[] {
  const fits: Record<string, unknown>[] = [];
  const listed: string[] = [];
  (reply.card?.buttons ?? []).forEach((b, i) => {
    const value = JSON.stringify(b.action);
    if (value.length <= LIMITS.buttonValue) fits.push(button(b, i, value));
    else listed.push(`${i + 1}. ${escapeMrkdwn(b.label)}`);
  });
  const blocks: Block[] = [];
  for (let i = 0; i < fits.length; i += LIMITS.actionsPerBlock) {
    blocks.push({ type: 'actions', block_id: `actions_${i / LIMITS.actionsPerBlock}`, elements: fits.slice(i, i + LIMITS.actionsPerBlock) });
  }
  if (listed.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(listed.join('\n'), LIMITS.sectionText) }] });
  return blocks;
}

/** The section text: without the title and numbered options a header and real buttons show (src/chat cardBody). */
export const bodyText = cardBody;

/** The notification text: the text-only form, without listing the options twice. */
export function fallbackText(reply: Reply): string {
  const options = numberedOptions(reply);
  const listed = options.length > 0 && reply.text.includes(options.join('\n'));
  return listed ? textOnly({ ...reply, card: { ...reply.card, buttons: [] } }) : textOnly(reply);
}

export function renderReply(reply: Reply): SlackMessage {
  const title = reply.card?.title;
  const head: Block[] = title ? [{ type: 'header', text: { type: 'plain_text', text: clip(title, LIMITS.header), emoji: true } }] : [];
  const tail = [...fieldBlocks(reply), ...actionBlocks(reply)].slice(0, LIMITS.blocks - head.length - 1);
  // The text gets what room the card leaves; past it, the rest is cut with a mark.
  const room = LIMITS.blocks - head.length - tail.length;
  const pieces = chunkText(bodyText(reply));
  const body = pieces.length <= room ? pieces : [...pieces.slice(0, room - 1), clip(`${pieces[room - 1]!}`, LIMITS.sectionText - 1) + '…'];
  const blocks = [...head, ...body.map(section), ...tail];
  return {
    text: clip(escapeMrkdwn(fallbackText(reply)), LIMITS.fallbackText),
    // A reply with nothing to show in blocks (empty text, no card) is sent as text alone.
    blocks: blocks.length ? blocks : [section(escapeMrkdwn(clip(reply.text || ' ', LIMITS.sectionText)))],
  };
}
