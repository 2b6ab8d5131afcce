// Issue #14's ownership intents: a rep's request for another rep's customer and its decision
// (ownership-requests.ts), a manager's transfer by chat (transfer-customer.ts).
import { decideOwnership, requestOwnership } from './ownership-requests.js';
import { transferCustomers } from './transfer-customer.js';
import type { IntentHandler } from './types.js';

export const ownershipIntents: Record<string, IntentHandler> = {
  request_ownership: requestOwnership,
  decide_ownership: decideOwnership,
  transfer_customer: transferCustomers,
};
