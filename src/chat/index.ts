export * from './model.js';
export { textOnly, numberedOptions } from './degrade.js';
export { addressSchema, replySchema, inboundEventSchema, identitySchema, platformSchema } from './schemas.js';
