// The shared adapter contract: every messenger adapter (Feishu, Slack, WeCom, …) runs this suite
// through a harness that signs requests the way its platform does and fakes its cloud API on
// 127.0.0.1. See issue #4.
import type { ActionPayload, Platform } from '../../src/chat/index.js';
import type { Adapter } from '../../adapters/contract.js';

export interface SentMessage { text: string; buttons: { label: string; action: ActionPayload }[]; image?: boolean }

export interface ContractRig {
  adapter: Adapter;
  /** A correctly signed (and, where the platform does, encrypted) webhook request carrying a text message. */
  textMessage(o: { eventId: string; userId: string; text: string; group?: { mentioned: boolean } }): Request;
  /** The platform's button-click callback for a button the adapter rendered with `action`. */
  buttonClick(o: { eventId: string; userId: string; action: ActionPayload }): Request;
  /** The same request with a wrong signature. */
  forged(o: { eventId: string; userId: string; text: string }): Request;
  /** A correctly signed request whose timestamp is 10 minutes old. */
  replayed(o: { eventId: string; userId: string; text: string }): Request;
  /** Sends the fake platform API received since the last call, decoded. */
  takeSent(): SentMessage[];
  /** The fake API answers the next send with 429 and Retry-After: `seconds`. */
  rateLimitNextSend(seconds: number): void;
  close(): Promise<void>;
}

export interface ContractHarness { platform: Platform; start(): Promise<ContractRig> }

export function runContractSuite(harness: ContractHarness): void {
  void harness;
}
