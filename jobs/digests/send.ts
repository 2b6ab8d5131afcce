// Handing a digest over: to a person through the notifier, or to the team's group. A group chat
// address needs `send(address)` (the Outbox has it; the CLI's printer and the tests' recorder
// too). A WeCom group robot is a webhook outside the outbound queues: it is sent here, recorded
// in the Delivery table under the message key like every other send, so it goes out once.
import { sendToGroupRobot } from '../../adapters/wecom/group-robot.js';
import type { Address, Reply } from '../../src/chat/index.js';
import type { GroupTarget } from '../../src/domain/digest-settings.js';
import type { Notifier } from '../../src/delivery/outbox.js';
import type { JobContext } from '../types.js';
import { markDone } from './teams.js';

export interface GroupSender {
  send(input: { tenantId: string; address: Address; reply: Reply; key: string }): Promise<void>;
}

/** A notifier that previews or records robot sends instead of making them (run-job --print, tests). */
export interface RobotSender {
  sendToRobot(input: { tenantId: string; webhookUrl: string; reply: Reply; key: string }): Promise<void>;
}

const canSend = (n: Notifier): n is Notifier & GroupSender => typeof (n as Partial<GroupSender>).send === 'function';
const takesRobot = (n: Notifier): n is Notifier & RobotSender => typeof (n as Partial<RobotSender>).sendToRobot === 'function';

export async function toPerson(ctx: JobContext, tenantId: string, userId: string, reply: Reply, key: string): Promise<void> {
  await ctx.notifier.notify({ tenantId, userId }, reply, { key });
  await markDone(ctx, key);
}

async function robot(ctx: JobContext, tenantId: string, webhookUrl: string, reply: Reply, key: string): Promise<void> {
  if (takesRobot(ctx.notifier)) return ctx.notifier.sendToRobot({ tenantId, webhookUrl, reply, key });
  const row = await ctx.db.delivery.upsert({
    where: { id: key }, create: { id: key, tenantId, platform: 'wecom-robot', attempts: 1 }, update: { attempts: { increment: 1 } },
  });
  if (row.status === 'sent') return;
  try {
    await sendToGroupRobot(webhookUrl, reply);
  } catch (err) {
    await ctx.db.delivery.update({ where: { id: key }, data: { error: String((err as Error).message).slice(0, 500) } });
    throw err;
  }
  await ctx.db.delivery.update({ where: { id: key }, data: { status: 'sent', sentAt: ctx.now(), error: null } });
}

export async function toGroup(ctx: JobContext, tenantId: string, group: GroupTarget, reply: Reply, key: string): Promise<void> {
  if ('wecomRobot' in group) {
    await robot(ctx, tenantId, group.wecomRobot, reply, key);
  } else if (canSend(ctx.notifier)) {
    await ctx.notifier.send({ tenantId, address: { ...group, kind: 'group' }, reply, key });
  } else {
    ctx.log.warn({ tenantId, key }, 'this notifier cannot write to a group chat; team group digest skipped');
    return;
  }
  await markDone(ctx, key);
}
