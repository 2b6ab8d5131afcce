// Message content → plain text, one converter per Feishu message type. Mentions stay as their
// `@_user_N` keys here; inbound.ts decides what to do with them.
// Document: "Receive message content" (im/v1 message content structures: text, post, image,
// file, audio, media, sticker, location).
import { z } from 'zod';
import type { Attachment } from '../../src/chat/index.js';

const textSchema = z.object({ text: z.string() });

const postElementSchema = z.object({ tag: z.string(), text: z.string().optional(), user_id: z.string().optional(), href: z.string().optional() });
const postBodySchema = z.object({ title: z.string().optional(), content: z.array(z.array(postElementSchema)) });
/** A received post is `{title, content}`; a post someone built by hand may be wrapped in a locale (`{zh_cn: {...}}`). */
const postSchema = z.union([postBodySchema, z.record(z.string(), postBodySchema).transform((byLocale) => Object.values(byLocale)[0]!)]);

type PostElement = z.infer<typeof postElementSchema>;
const elementText: Record<string, (e: PostElement) => string> = {
  text: (e) => e.text ?? '',
  a: (e) => e.text ?? e.href ?? '',
  at: (e) => e.user_id ?? '',
  md: (e) => e.text ?? '',
};

function postText(raw: unknown): string | undefined {
  const post = postSchema.safeParse(raw);
  if (!post.success) return undefined;
  const lines = post.data.content.map((line) => line.map((e) => elementText[e.tag]?.(e) ?? '').join(''));
  return [post.data.title ?? '', ...lines].filter((l) => l.trim() !== '').join('\n');
}

const converters: Record<string, (raw: unknown) => string | undefined> = {
  text: (raw) => textSchema.safeParse(raw).data?.text,
  post: postText,
};

/** What a message type carries that the bot does not read; `post` only when it holds a picture or video. */
const ATTACHMENTS: Record<string, Attachment> = { image: 'image', file: 'file', audio: 'voice', media: 'video', sticker: 'sticker', location: 'location' };

export function messageAttachment(messageType: string, content: string): Attachment | undefined {
  if (messageType !== 'post') return ATTACHMENTS[messageType];
  return /"tag"\s*:\s*"(img|media)"/.test(content) ? 'image' : undefined;
}

/** An audio message's content: `{"file_key": "file_v2_…", "duration": 2000}`, the duration in
 * milliseconds (the Lark SDK's channel layer reads it as `durationMs` too). */
const audioSchema = z.object({ file_key: z.string().min(1), duration: z.number().nonnegative().optional() });

/** The audio of a voice message, for speech-to-text (speech.ts); undefined for any other type. */
export function audioOf(messageType: string, content: string): { key: string; durationMs?: number } | undefined {
  if (messageType !== 'audio') return undefined;
  try {
    const audio = audioSchema.safeParse(JSON.parse(content));
    return audio.success ? { key: audio.data.file_key, ...(audio.data.duration !== undefined && { durationMs: audio.data.duration }) } : undefined;
  } catch {
    return undefined;
  }
}

/** The message's text, or undefined for types this bot does not read (images, files, stickers…). */
export function messageText(messageType: string, content: string): string | undefined {
  const convert = converters[messageType];
  if (!convert) return undefined;
  try {
    return convert(JSON.parse(content));
  } catch {
    return undefined;
  }
}
