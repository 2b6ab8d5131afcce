// For surfaces without cards or buttons: the card folded into plain text, and buttons shown as
// numbered options (a reply with the number picks that button, see the router).
import type { Reply } from './model.js';

export function numberedOptions(reply: Reply): string[] {
  return (reply.card?.buttons ?? []).map((b, i) => `${i + 1}. ${b.label}`);
}

export function textOnly(reply: Reply): string {
  const card = reply.card;
  if (!card) return reply.text;
  const lines = [reply.text];
  if (card.title && !reply.text.includes(card.title)) lines.unshift(card.title);
  for (const f of card.fields ?? []) lines.push(`${f.label}: ${f.value}`);
  lines.push(...numberedOptions(reply));
  return lines.join('\n');
}
