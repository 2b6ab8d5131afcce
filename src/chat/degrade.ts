// For surfaces without cards or buttons: the card folded into plain text, and buttons shown as
// numbered options (a reply with the number picks that button, see the router).
import type { Reply } from './model.js';

export function numberedOptions(reply: Reply): string[] {
  return (reply.card?.buttons ?? []).map((b, i) => `${i + 1}. ${b.label}`);
}

/**
 * A card's body: the reply's text without what the card already shows — the title as its first
 * line and the buttons as a trailing numbered list (router ask() puts both in `text` for
 * text-only surfaces). Beside a title and real buttons those lines would only repeat (#13).
 */
export function cardBody(reply: Reply): string {
  const lines = reply.text.split('\n');
  const title = reply.card?.title?.trim();
  if (title && lines[0]?.trim() === title) lines.shift();
  const options = numberedOptions(reply);
  const tail = lines.slice(lines.length - options.length);
  if (options.length && tail.every((line, i) => line.trim() === options[i])) lines.splice(lines.length - options.length);
  return lines.join('\n');
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
