// What the ownership intents (查重, transfer and collaboration requests, a manager's transfers;
// issue #14) say, in both languages.
import { translator, type MessageTable } from '../i18n/index.js';

const messages = {
  taken: {
    zh: (p) => `「${p.name}」已有负责人（${p.owner}），不能重复创建；可以申请协作或转给我`,
    en: (p) => `"${p.name}" already has an owner (${p.owner}), so it cannot be created again; you can ask to collaborate or for a transfer to you`,
  },
  // Named while logging, asking or updating (not creating): the rep cannot see or change it.
  takenOther: {
    zh: (p) => `「${p.name}」是别人负责的客户（${p.owner}），你看不到也改不了它的记录；可以申请协作或转给我`,
    en: (p) => `"${p.name}" is someone else's customer (${p.owner}): you cannot see or change its records; you can ask to collaborate or for a transfer to you`,
  },
  pooled: {
    zh: (p) => `「${p.name}」在公海中，可以领取`,
    en: (p) => `"${p.name}" is in the public pool: you can claim it`,
  },
  anotherTeam: { zh: '其他同事', en: 'another rep' },
  askTransfer: { zh: '申请转给我', en: 'Ask for a transfer to me' },
  askCollaborate: { zh: '申请协作', en: 'Ask to collaborate' },
  claim: { zh: (p) => `领取 ${p.name}`, en: (p) => `Claim ${p.name}` },
  requested: {
    zh: (p) => `已提交申请（${p.kind}「${p.name}」），等${p.who}审批。`,
    en: (p) => `Request sent (${p.kind} "${p.name}"); waiting for ${p.who} to decide.`,
  },
  requestPending: { zh: (p) => `「${p.name}」的申请已经提交过了，等待审批。`, en: (p) => `Your request about "${p.name}" is already waiting for a decision.` },
  alreadyYours: { zh: (p) => `「${p.name}」你已经能查看和跟进了，不需要申请。`, en: (p) => `You already work on "${p.name}"; no request needed.` },
  noApprover: { zh: '没有可以审批的经理或管理员，请联系管理员。', en: 'There is no manager or admin to decide; please contact your admin.' },
  theManager: { zh: '经理', en: 'the manager' },
  kindTransfer: { zh: '转给我', en: 'transfer to me' },
  kindCollaborate: { zh: '协作', en: 'collaborate on' },
  requestCard: {
    zh: (p) => `${p.who}申请${p.kind === 'transfer' ? `把「${p.name}」转给他/她（现负责人：${p.owner}）` : `协作跟进「${p.name}」（负责人：${p.owner}）`}`,
    en: (p) => `${p.who} asks ${p.kind === 'transfer' ? `for "${p.name}" to be transferred to them (owner: ${p.owner})` : `to collaborate on "${p.name}" (owner: ${p.owner})`}`,
  },
  approve: { zh: '同意', en: 'Approve' },
  reject: { zh: '拒绝', en: 'Reject' },
  requestGone: { zh: '这个申请已经处理过了。', en: 'This request has already been decided.' },
  approvedTransfer: { zh: (p) => `已同意：「${p.name}」从${p.from}转给${p.to}。`, en: (p) => `Approved: "${p.name}" moves from ${p.from} to ${p.to}.` },
  approvedCollaborate: { zh: (p) => `已同意：${p.to}协作跟进「${p.name}」，负责人仍是${p.from}。`, en: (p) => `Approved: ${p.to} collaborates on "${p.name}"; ${p.from} stays the owner.` },
  rejected: { zh: (p) => `已拒绝${p.who}关于「${p.name}」的申请。`, en: (p) => `Rejected ${p.who}'s request about "${p.name}".` },
  toldRequesterApproved: {
    zh: (p) => (p.kind === 'transfer' ? `你的申请已同意：「${p.name}」现在由你负责。` : `你的申请已同意：你可以协作跟进「${p.name}」了。`),
    en: (p) => (p.kind === 'transfer' ? `Your request was approved: "${p.name}" is yours now.` : `Your request was approved: you now collaborate on "${p.name}".`),
  },
  toldRequesterRejected: { zh: (p) => `你关于「${p.name}」的申请没有被同意。`, en: (p) => `Your request about "${p.name}" was not approved.` },
  toldOwner: {
    zh: (p) => (p.kind === 'transfer' ? `「${p.name}」已转给${p.to}（${p.by}审批）。` : `${p.to}开始协作跟进你的客户「${p.name}」（${p.by}审批）。`),
    en: (p) => (p.kind === 'transfer' ? `"${p.name}" was transferred to ${p.to} (approved by ${p.by}).` : `${p.to} now collaborates on your customer "${p.name}" (approved by ${p.by}).`),
  },
  repCannotTransfer: {
    zh: '只有经理或管理员可以转移客户。如需接手同事的客户，可以说出客户名称，再点「申请转给我」。',
    en: 'Only a manager or admin can transfer customers. To take over a colleague\'s customer, name it and tap "Ask for a transfer to me".',
  },
  transferMissing: {
    zh: '要转给谁？例如「把美团转给李娜」或「把张伟的客户都转给李娜」。',
    en: 'Transfer to whom? For example "transfer Meituan to Li Na" or "transfer all of Zhang Wei\'s customers to Li Na".',
  },
  personUnknown: { zh: (p) => `没有找到同事「${p.name}」。`, en: (p) => `No colleague called "${p.name}".` },
  notInTeam: { zh: (p) => `「${p.name}」不在你的团队里，不能转移。`, en: (p) => `${p.name} is not in your team, so you cannot transfer to or from them.` },
  sameOwner: { zh: (p) => `「${p.name}」已经由${p.to}负责了。`, en: (p) => `"${p.name}" is already ${p.to}'s.` },
  noneToMove: { zh: (p) => `${p.from}名下没有客户。`, en: (p) => `${p.from} has no customers.` },
  confirmOne: {
    zh: (p) => `把「${p.name}」从${p.from}转给${p.to}？（连同 ${p.deals} 个进行中的商机）`,
    en: (p) => `Transfer "${p.name}" from ${p.from} to ${p.to}? (with ${p.deals} open deal(s))`,
  },
  confirmAll: {
    zh: (p) => `把${p.from}的全部 ${p.count} 个客户转给${p.to}？（${p.names}${p.more}；连同 ${p.deals} 个进行中的商机）`,
    en: (p) => `Transfer all ${p.count} of ${p.from}'s customers to ${p.to}? (${p.names}${p.more}; with ${p.deals} open deal(s))`,
  },
  more: { zh: (p) => ` 等${p.count}个`, en: (p) => ` and ${p.n} more` },
  confirm: { zh: '确认', en: 'Confirm' },
  transferred: { zh: (p) => `已把 ${p.count} 个客户从${p.from}转给${p.to}：${p.names}`, en: (p) => `Transferred ${p.count} customer(s) from ${p.from} to ${p.to}: ${p.names}` },
  toldNewOwner: { zh: (p) => `${p.by}把 ${p.count} 个客户转给了你：${p.names}`, en: (p) => `${p.by} transferred ${p.count} customer(s) to you: ${p.names}` },
  toldOldOwner: { zh: (p) => `${p.by}把你的 ${p.count} 个客户转给了${p.to}：${p.names}`, en: (p) => `${p.by} transferred ${p.count} of your customers to ${p.to}: ${p.names}` },
  moveLine: {
    zh: (p) => `${p.date} ${p.from} → ${p.to}（${p.kind}）`,
    en: (p) => `${p.date} ${p.from} → ${p.to} (${p.kind})`,
  },
  'kind.transfer': { zh: '转移', en: 'transfer' },
  'kind.collaborate': { zh: '协作', en: 'collaborator added' },
  'kind.uncollaborate': { zh: '取消协作', en: 'collaborator removed' },
  'kind.recycle': { zh: '退回公海', en: 'returned to pool' },
  'kind.release': { zh: '退回公海', en: 'returned to pool' },
  'kind.claim': { zh: '领取', en: 'claimed' },
  pool: { zh: '公海', en: 'pool' },
  historyField: { zh: '归属变更', en: 'Ownership' },
  collaboratorsField: { zh: '协作人', en: 'Collaborators' },
} satisfies MessageTable;

export const ow = translator(messages);
