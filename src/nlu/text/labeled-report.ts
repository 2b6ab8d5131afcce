// WeCom daily reports come as labelled fields: "【工作日报】客户：南京鼓楼医院；联系人：赵主任（骨科）；
// 方式：上门拜访；进展：需求确认，预算约520万；下次跟进：5月20日". Read field by field, they say
// the same as a sentence; so they are put into one ("上门拜访南京鼓楼医院的赵主任，需求确认，…，
// 5月20日再跟进") and every rule reads them as it reads a report typed in prose.
const HEADER = /^\s*[【\[](?:[^】\]]{1,12})[】\]]\s*/;
const LABELS: [string, RegExp][] = [
  ['customer', /^(?:客户(?:名称|名字)?|公司(?:名称)?|单位)$/],
  ['contact', /^(?:联系人|对接人|拜访对象|客户联系人|沟通对象)$/],
  ['channel', /^(?:方式|拜访方式|沟通方式|跟进方式|形式|渠道)$/],
  ['next', /^(?:下次跟进|下一步|下次拜访|下次联系|跟进计划|下步计划|后续跟进|下次跟进时间)$/],
  ['close', /^(?:预计签约|预计成交|预计签约时间|预计成交时间)$/],
  ['amount', /^(?:金额|预算|预计金额|商机金额|合同金额)$/],
  ['notes', /^(?:进展|内容|情况|结果|备注|纪要|沟通内容|拜访内容|阶段|客户反馈|反馈)$/],
];
const FIELD = /([\u4e00-\u9fff]{2,8})\s*[:：]\s*/g;

interface Fields { customer?: string; contact?: string; channel?: string; next?: string; close?: string; amount?: string; notes: string[] }

function fieldsOf(body: string): Fields | undefined {
  const marks = [...body.matchAll(FIELD)].filter((m) => LABELS.some(([, re]) => re.test(m[1] ?? '')));
  if (marks.length < 3) return undefined;
  const fields: Fields = { notes: [] };
  marks.forEach((m, i) => {
    const end = marks[i + 1]?.index ?? body.length;
    const value = body.slice((m.index ?? 0) + m[0].length, end).replace(/[；;，,。\s]+$/, '').trim();
    const key = LABELS.find(([, re]) => re.test(m[1] ?? ''))![0] as keyof Fields;
    if (!value) return;
    if (key === 'notes') fields.notes.push(value);
    else if (!fields[key]) (fields as unknown as Record<string, string>)[key] = value;
  });
  return fields.customer ? fields : undefined;
}

// The same in English: "Daily recap — Customer: Initrode | Contact: Bill Lumbergh | Channel: phone |
// Stage: negotiation | Amount: $310,000 | Close: 6/30 | Next: Tuesday 2pm".
const EN_LABELS: [string, RegExp][] = [
  ['customer', /^(?:customer|account|client|company)$/i],
  ['contact', /^(?:contact|contact person|met|poc)$/i],
  ['channel', /^(?:channel|via|type|how)$/i],
  ['stage', /^(?:stage|status)$/i],
  ['amount', /^(?:amount|value|deal size|budget|deal value)$/i],
  ['close', /^(?:close|close date|expected close|closing)$/i],
  ['next', /^(?:next|next step|next steps|follow[- ]?up|next follow[- ]?up)$/i],
  ['notes', /^(?:notes?|summary|update|details)$/i],
];
const EN_FIELD = /(?:^|[|;,，\n—–-]\s*)([A-Za-z][A-Za-z -]{1,20}?)\s*:\s*/g;
const EN_VERB: [RegExp, string][] = [[/phone|call/i, 'Called'], [/email/i, 'Emailed'], [/wechat/i, 'WeChatted'], [/demo/i, 'Demoed to'], [/visit|in person|onsite|meeting|met|zoom|teams|video/i, 'Met']];

function englishReport(text: string): { text: string; customer?: string } | undefined {
  const marks = [...text.matchAll(EN_FIELD)].filter((m) => EN_LABELS.some(([, re]) => re.test((m[1] ?? '').trim())));
  if (marks.length < 3) return undefined;
  const f: Record<string, string> = {};
  const notes: string[] = [];
  marks.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? text.length;
    const value = text.slice(start, end).replace(/[|;,，\s—–-]+$/, '').trim();
    const key = EN_LABELS.find(([, re]) => re.test((m[1] ?? '').trim()))![0];
    if (!value) return;
    if (key === 'notes') notes.push(value);
    else f[key] ??= value;
  });
  if (!f.customer) return undefined;
  const verb = f.channel ? EN_VERB.find(([re]) => re.test(f.channel!))?.[1] ?? 'Talked to' : f.contact ? 'Talked to' : undefined;
  const met = verb ? `${verb} ${f.contact ? `${f.contact} at ` : ''}${f.customer}` : f.customer;
  const parts = [met, ...(f.stage ? [`moved to ${f.stage}`] : []), ...notes, ...(f.amount ? [`amount ${f.amount}`] : []),
    ...(f.close ? [`expected close ${f.close}`] : []), ...(f.next ? [`follow up ${f.next}`] : [])];
  return { text: parts.join(', '), customer: f.customer };
}

/** The report as one sentence, and the customer its field names; the text unchanged when it is not a labelled report. */
export function fromLabeledReport(text: string): { text: string; customer?: string } {
  if (!/[:：]/.test(text)) return { text };
  // English labels may carry Chinese values ("Customer: 华为云 | Contact: 赵经理").
  if (!/[\u4e00-\u9fff]/.test(text)) return englishReport(text) ?? { text };
  const english = /^[\s\p{P}\p{S}]*(?:[\p{L} ]{0,20}[—–-]\s*)?(?:customer|account|client|company)\s*:/iu.test(text) ? englishReport(text) : undefined;
  if (english) return english;
  const body = text.replace(HEADER, '');
  const f = fieldsOf(body);
  if (!f?.customer) return { text };
  // "赵主任（骨科）": the department in brackets is no part of the name.
  const contact = f.contact?.replace(/[（(][^）)]*[）)]/g, '').trim();
  // No way of contact and no one met: the fields are the deal's news, not a contact made.
  const met = f.channel || contact ? `跟${f.customer}${contact ? `的${contact}` : ''}${f.channel ?? '沟通了'}` : f.customer;
  const parts = [met, ...f.notes, ...(f.amount ? [`金额${f.amount}`] : []), ...(f.close ? [`预计${f.close}签约`] : []), ...(f.next ? [`${f.next}再跟进`] : [])];
  return { text: parts.join('，'), customer: f.customer };
}
