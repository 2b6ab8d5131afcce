// Which spreadsheet column feeds which field. Teams name columns in Chinese or English, with
// or without a second language ("客户名称 / Customer", as our own export writes them).
export type Field =
  | 'name' | 'industry' | 'tier' | 'contact' | 'title' | 'phone' | 'email' | 'birthday'
  | 'owner' | 'signedAt' | 'contractEnd' | 'tags' | 'aliases';

const HEADERS: Record<Field, string[]> = {
  name: ['客户名称', '客户', '公司', '公司名称', '企业名称', 'customer', 'company', 'name', 'customername'],
  industry: ['行业', '所属行业', 'industry'],
  tier: ['等级', '客户等级', '级别', 'tier', 'level'],
  contact: ['联系人', '联系人姓名', 'contact', 'contactname'],
  title: ['职务', '职位', 'title', 'position'],
  phone: ['手机', '电话', '手机号', '联系电话', 'phone', 'mobile', 'tel'],
  email: ['邮箱', '电子邮箱', '邮件', 'email', 'mail'],
  birthday: ['生日', 'birthday'],
  owner: ['负责人', '销售', '客户经理', 'owner', 'salesrep'],
  signedAt: ['签约日期', '签约时间', 'signingdate', 'signedat', 'signed'],
  contractEnd: ['合同到期', '合同到期日', '到期日期', 'contractend', 'renewal', 'contractenddate'],
  tags: ['标签', 'tags', 'tag'],
  aliases: ['别名', '简称', 'aliases', 'alias'],
};

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s_\-()（）:：*]+/g, '');

const LOOKUP = new Map<string, Field>(
  (Object.entries(HEADERS) as [Field, string[]][]).flatMap(([field, names]) => names.map((n) => [norm(n), field] as const)),
);

/** The field a header names: the whole header, else any of its "/"-separated or spaced parts. */
export function fieldOf(header: string): Field | undefined {
  const whole = LOOKUP.get(norm(header));
  if (whole) return whole;
  for (const part of header.split(/[/|\s]+/)) {
    const field = LOOKUP.get(norm(part));
    if (field) return field;
  }
  return undefined;
}

/** Column index → field; the first column naming a field wins. */
export function mapHeaders(headers: string[]): Map<number, Field> {
  const out = new Map<number, Field>();
  const taken = new Set<Field>();
  headers.forEach((h, i) => {
    const field = fieldOf(h);
    if (field && !taken.has(field)) { out.set(i, field); taken.add(field); }
  });
  return out;
}
