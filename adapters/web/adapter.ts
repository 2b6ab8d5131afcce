// The web chat as a delivery target: messages for a web-chat user wait in their inbox until
// the page fetches them (GET /api/chat/inbox).
import type { Adapter } from '../contract.js';
import type { WebInbox } from './inbox.js';

export function webAdapter(inbox: WebInbox): Adapter {
  return {
    platform: 'web',
    async send(address, reply, opts) {
      await inbox.push(address.platformTenant, address.conversationId, reply, opts.idempotencyKey);
    },
  };
}
