// "今天跑了三家 美的 格力 顺丰 都是例行拜访": several customers named in one report, each
// visited. The first is the message's customer; the rest come back as `also_customers`, so no
// name is dropped (issue #11). A list follows a count of customers (跑了3家, 拜访了两个客户) or
// is a run of the tenant's known names with only separators between them.
import { findKnown } from './known-names.js';

const COUNTED = /(?:跑了|拜访了|去了|见了|走访了|回访了|联系了|打了|约了)\s*(?:\d{1,2}|[一二两三四五六七八九十几]{1,2})\s*(?:家|个客户|个)(?:客户)?[:：，,\s]*/;
const SEPARATOR = /^[\s、，,/和及跟与]+|^还有/;
const TOKEN = /^[\u4e00-\u9fffA-Za-z0-9&·]{2,16}?(?=$|[\s、，,/。；;:：!！]|[和及跟与](?!$))/;
// Words that end the list: what is said about the visits, not another name.
const NOT_NAME = /[都没是了说在也还就挺很]|例行|情况|拜访|电话|微信|客户$/;

function listFrom(text: string, start: number, known: readonly string[] | undefined): string[] {
  const names: string[] = [];
  let rest = text.slice(start);
  for (let i = 0; i < 8; i++) {
    const k = known ? findKnown(rest, known) : undefined;
    const name = k?.index === 0 ? k.name : TOKEN.exec(rest)?.[0];
    if (!name || (k?.index !== 0 && NOT_NAME.test(name))) break;
    names.push(name);
    rest = rest.slice(name.length);
    const sep = SEPARATOR.exec(rest);
    if (!sep) break;
    rest = rest.slice(sep[0].length);
  }
  return names;
}

/** The customers listed in a report, in order; undefined unless there are at least two. */
export function listedCustomers(text: string, known?: readonly string[]): string[] | undefined {
  const counted = COUNTED.exec(text);
  let names = counted ? listFrom(text, counted.index + counted[0].length, known) : [];
  if (names.length < 2 && known?.length) {
    const first = findKnown(text, known);
    names = first ? listFrom(text, first.index, known).filter((n) => findKnown(n, known)?.name === n) : [];
  }
  const distinct = [...new Set(names)];
  return distinct.length >= 2 ? distinct : undefined;
}
