// zod schemas of the neutral model, for the edges where it is serialised (queue payloads).
import { z } from 'zod';
import { actionPayloadSchema } from './model.js';

export const platformSchema = z.enum(['web', 'feishu', 'wecom', 'slack', 'wechaty']);

export const identitySchema = z.object({
  platform: platformSchema, platformTenant: z.string().min(1), userId: z.string().min(1), displayName: z.string().optional(),
});

export const addressSchema = z.object({
  platform: platformSchema,
  platformTenant: z.string().min(1),
  conversationId: z.string().min(1),
  kind: z.enum(['direct', 'group']),
  threadId: z.string().optional(),
  ephemeralIn: z.string().optional(),
});

export const cardRefSchema = z.object({ messageId: z.string().optional(), token: z.string().optional() });
const buttonSchema = z.object({ label: z.string(), action: actionPayloadSchema, style: z.enum(['primary', 'danger', 'default']).optional() });
export const replySchema = z.object({
  text: z.string(),
  card: z.object({
    title: z.string().optional(),
    fields: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
    buttons: z.array(buttonSchema).optional(),
  }).optional(),
  image: z.object({ path: z.string(), alt: z.string() }).optional(),
  replaces: cardRefSchema.optional(),
});

const inboundBase = {
  eventId: z.string().min(1), at: z.coerce.date(), from: identitySchema, address: addressSchema,
  /** The platform's id of the message, when replies should thread under it. */
  messageId: z.string().optional(),
};
export const inboundEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...inboundBase, type: z.literal('text'), text: z.string(),
    attachment: z.enum(['image', 'file', 'sticker', 'voice', 'video', 'location']).optional(), transcribed: z.boolean().optional(),
    audio: z.object({ key: z.string().min(1), durationMs: z.number().nonnegative().optional() }).optional(),
  }),
  z.object({ ...inboundBase, type: z.literal('action'), action: actionPayloadSchema, source: cardRefSchema.optional() }),
  z.object({ ...inboundBase, type: z.literal('joined') }),
]);
