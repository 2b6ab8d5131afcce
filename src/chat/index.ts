export * from './model.js';
export { cardBody, textOnly, numberedOptions } from './degrade.js';
export { addressSchema, replySchema, inboundEventSchema, identitySchema, platformSchema } from './schemas.js';
