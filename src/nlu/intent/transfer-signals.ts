// A manager's transfer of customers (issue #14): "把美团转给李娜", "张伟离职了，他的客户全部转给李娜",
// "把张伟的客户都转给李娜", "transfer Meituan to Li Na", "reassign all of Zhang Wei's accounts to Li Na".
// The verb hands over to a person named last: 转给了 (a report of forwarding something) is no transfer.

/** 把/将 X (全部/都) 转给/转交给/移交给/划给/分配给 Y, Y ending the message. */
export const TRANSFER_ZH = /(?:^|[，,。；;\s])(?:把|将)?\s*(.{1,40}?)\s*(?:全部|都|统统|一并)?\s*(?:转给|转交给|移交给|划给|分配给|转到)\s*([^\s，,。.！!？?了]{1,12}?)\s*(?:名下|吧|负责)?\s*[。.!！]?$/;

/** transfer / reassign / move / hand over X to Y. */
export const TRANSFER_EN = /(?:^|[,;.]\s*)(?:please\s+)?(?:transfer|reassign|hand\s+over|move)\s+(.{1,60}?)\s+to\s+([a-z][a-z .'-]{0,30}?)\s*[.!]?$/i;

/** "张伟的客户", "他的客户全部", "名下的客户", "all of Zhang Wei's customers": every customer of one person. */
export const ALL_OF = /(?:的|名下的?)(?:所有|全部)?客户|(?:所有|全部)客户|\ball\b.*\b(?:customers|accounts|clients)\b|\b(?:customers|accounts|clients)\b.*\ball\b/i;

// A contact (王总, 陈经理) gets documents, not customers; documents are no customer.
const CONTACT_TITLE = /(?:总|经理|工|老师|主任|总监|主管|先生|女士|小姐|哥|姐|sir|mr\.?|ms\.?)$/i;
const DOCUMENT = /方案|报价|合同|资料|文件|邮件|需求|材料|样品|发票|PPT|文档|链接|proposal|quote|contract|deck|file|document|email|invoice/i;

// "move the nestle deal to proposal": a stage is where a deal moves, not a colleague.
const STAGE_TARGET = /^(?:proposal|negotiation|negotiating|qualified|qualification|lead|won|lost|closed(?:[-\s](?:won|lost))?|contract(?:ing)?|legal|next stage|stage\s?\d|quote|quoting|discovery|pilot|poc)\b/i;

/** The message hands a customer (or all of one person's) to a colleague. */
export function isTransfer(text: string): boolean {
  const m = TRANSFER_ZH.exec(text) ?? TRANSFER_EN.exec(text);
  if (!m) return false;
  return !CONTACT_TITLE.test(m[2]!.trim()) && !DOCUMENT.test(m[1]!) && !STAGE_TARGET.test(m[2]!.trim());
}
