// A contact's own record corrected by chat (issue #11, found by two testers): "平安的黄总全名叫黄志强
// 平安科技副总经理", "把平安联系人黄总改成黄志强 职务…", "云帆的联系人Mike中文名叫李明 职位是CTO",
// "京东物流 孙丽的电话改成13788889990". Slots: `contact` (the name now), `contact_was` (the name on
// record, when it changes), `title` when said.
import type { Slots } from '../types.js';
import { SURNAMES } from './lexicon.js';

const ADDRESS = `[${SURNAMES}](?:总经理|总监|总|经理|主任|工|部长|处长|科长|老师|院长|行长|厂长|场长|店长|主管|姐|哥)|[老小][${SURNAMES}]|[A-Z][a-z]{1,14}`;
const FULL = `[${SURNAMES}][\\u4e00-\\u9fff]{1,2}?|[A-Z][a-z]{1,14}(?: [A-Z][a-z]{1,14})?`;
const END = '(?=$|[\\s,，。;；、]|职务|职位|是|他|她)';
// "黄总全名叫黄志强", "Mike中文名叫李明", "老王的真名是王建"
const NAMED_AS = new RegExp(`(${ADDRESS})的?(?:(?:全名|真名|大名|名字|中文名|英文名|姓名)(?:叫|是|为)|(?:其实|就)?叫)\\s*(${FULL})${END}`);
// "联系人黄总改成黄志强", "把黄总的名字改为黄志强"
const RENAMED = new RegExp(`(?:联系人|对接人)?(${ADDRESS})(?:的名字|的姓名)?(?:改成|改为|更正为|换成|改名(?:为|叫|成)?|更名为)\\s*(${FULL})${END}`);
// "联系人说错了 是刘处长 不是刘科长", "联系人记错了 不是周主任 是设备科的孙科长": the name on record was a slip.
const SLIP = '(?:联系人|对接人)[^,，。;；\\s]{0,4}?(?:说错了|记错了|搞错了|写错了|录错了|错了|不对)[\\s,，]*';
const SLIP_IS_NOT = new RegExp(`${SLIP}是(?:[\\u4e00-\\u9fff]{1,6}的)?(${FULL})[\\s,，]*不是(${FULL})${END}`);
const SLIP_NOT_IS = new RegExp(`${SLIP}不是(${FULL})[\\s,，]*(?:而)?是(?:[\\u4e00-\\u9fff]{1,6}的)?(${FULL})${END}`);
// "孙丽的电话改成…", "Mike的手机换成…": whose phone (or e-mail, title) it is.
const WHOSE_FACT = new RegExp(`(${FULL}|${ADDRESS})的?(?:电话|手机号?|微信号?|邮箱|职务|职位|title)(?:号码?)?(?:改成|改为|换成|更新为|变成|应该是|是)`);
// "职务平安科技副总经理", "职位是CTO": the title said outright.
const TITLE_SAID = /(?:职务|职位|头衔|title)(?:是|为|改成|改为)?\s*[:：]?\s*([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z&]{1,19})/i;

/** A contact's name said to be a slip: the record is corrected (contactEdit), not the words of the message. */
export const CONTACT_SLIP = new RegExp(`${SLIP_IS_NOT.source}|${SLIP_NOT_IS.source}`);
export const CONTACT_EDIT = new RegExp(`${NAMED_AS.source}|${RENAMED.source}|${WHOSE_FACT.source}|${SLIP_IS_NOT.source}|${SLIP_NOT_IS.source}`);

export function contactEdit(text: string): Partial<Slots> {
  const isNot = SLIP_IS_NOT.exec(text);
  const renamed = NAMED_AS.exec(text) ?? RENAMED.exec(text) ?? SLIP_NOT_IS.exec(text) ?? (isNot && [isNot[0], isNot[2], isNot[1]]);
  const title = TITLE_SAID.exec(text)?.[1];
  const titled = title ? { title } : {};
  if (renamed?.[1] && renamed[2] && renamed[1] !== renamed[2]) return { contact: renamed[2], contact_was: renamed[1], ...titled };
  const whose = WHOSE_FACT.exec(text)?.[1];
  return whose ? { contact: whose, ...titled } : {};
}
