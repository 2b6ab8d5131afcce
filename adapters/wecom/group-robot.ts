// Group robots (企业微信 "群机器人配置说明"): POST {WECOM_API_BASE}/cgi-bin/webhook/send?key=…
// with markdown (content ≤ 4096 bytes) or image (base64 + md5 of the raw bytes, ≤ 2 MB).
// Send-only — nobody can answer a robot — so a card's buttons are left out, not numbered.
// About 20 messages a minute per robot (secondary source): over it, errcode 45009.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PlatformError } from '../contract.js';
import type { Reply } from '../../src/chat/index.js';
import { callApi, postJson, type FetchLike } from './api.js';
import { truncateBytes } from './text-limits.js';

const MARKDOWN_BYTES = 4096;
const IMAGE_BYTES = 2 * 1024 * 1024;

export async function sendToGroupRobot(webhookUrl: string, reply: Reply, fetchImpl: FetchLike = (u, i) => fetch(u, i)): Promise<void> {
  await callApi(fetchImpl, webhookUrl, postJson({ msgtype: 'markdown', markdown: { content: robotMarkdown(reply) } }), 'webhook/send');
  if (!reply.image) return;
  const bytes = await readFile(reply.image.path).catch(() => {
    throw new PlatformError('invalid_request', 'wecom webhook/send: cannot read the image');
  });
  if (bytes.length > IMAGE_BYTES) throw new PlatformError('invalid_request', `wecom webhook/send: image is ${bytes.length} bytes, over 2 MB`);
  const image = { base64: bytes.toString('base64'), md5: createHash('md5').update(bytes).digest('hex') };
  await callApi(fetchImpl, webhookUrl, postJson({ msgtype: 'image', image }), 'webhook/send');
}

/**
 * Robot markdown reads `<@userid>` as a mention of that member: a customer or deal named so in a
 * digest must not ping anyone. A zero-width space after '<' keeps it readable and inert.
 */
export const defuseRobotMentions = (s: string): string => s.replace(/<@/g, '<\u200B@');

export function robotMarkdown(reply: Reply): string {
  const card = reply.card;
  const lines: string[] = [];
  if (card?.title && !reply.text.includes(card.title)) lines.push(`**${defuseRobotMentions(card.title)}**`);
  lines.push(defuseRobotMentions(reply.text));
  for (const f of card?.fields ?? []) lines.push(`> ${defuseRobotMentions(f.label)}：<font color="info">${defuseRobotMentions(f.value)}</font>`);
  return truncateBytes(lines.join('\n'), MARKDOWN_BYTES);
}
