// Handing a digest over: to a person through the notifier, or to the team's group chat.
// A group address needs `send(address)` (the Outbox has it; the CLI's printer too); a WeCom
// group robot would go through adapters/wecom/group-robot.ts, which does not exist yet, so a
// robot target is logged and skipped.
import type { Address, Reply } from '../../src/chat/index.js';
import type { GroupTarget } from '../../src/domain/digest-settings.js';
import type { Notifier } from '../../src/delivery/outbox.js';
import type { JobContext } from '../types.js';
import { markDone } from './teams.js';

export interface GroupSender {
  send(input: { tenantId: string; address: Address; reply: Reply; key: string }): Promise<void>;
}

const canSend = (n: Notifier): n is Notifier & GroupSender => typeof (n as Partial<GroupSender>).send === 'function';

export async function toPerson(ctx: JobContext, tenantId: string, userId: string, reply: Reply, key: string): Promise<void> {
  await ctx.notifier.notify({ tenantId, userId }, reply, { key });
  await markDone(ctx, key);
}

export async function toGroup(ctx: JobContext, tenantId: string, group: GroupTarget, reply: Reply, key: string): Promise<void> {
  if ('wecomRobot' in group || !canSend(ctx.notifier)) {
    ctx.log.warn({ tenantId, key }, 'team group target cannot be sent to here (WeCom robot not available); skipped');
    return;
  }
  const address: Address = { ...group, kind: 'group' };
  await ctx.notifier.send({ tenantId, address, reply, key });
  await markDone(ctx, key);
}
