// #12.12: markup and mention syntax became junk customers ("<b>Robert')", "<at"). Typed text
// loses it before anything is parsed (src/chat/clean-text.ts), and a name that still looks like
// markup is never offered as a new customer. The texts are what each platform puts in a message:
// Feishu's <at user_id="…">Name</at>, Slack's <@U…>, <!channel> and <#C…|name>, pasted HTML.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/chat/index.js';
import { stripMarkup } from '../../src/chat/clean-text.js';
import { testApp } from '../support/app.js';
import { counts, only } from './support.js';

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  app = await testApp();
});

const MARKUP = /[<>]|^[@#]/;
/** What the reply's buttons offer: their labels ("新建「…」") and any customer their action names. */
const offered = (reply: Reply) => (reply.card?.buttons ?? [])
  .flatMap((b) => [b.label, String((b.action.args as { customer?: string }).customer ?? '')]).filter(Boolean);

async function noMarkupCustomers(): Promise<void> {
  const names = (await app.db.customer.findMany({ where: { tenantId: 'demo' }, select: { name: true } })).map((c) => c.name);
  expect(names.filter((n) => MARKUP.test(n))).toEqual([]);
}

describe('markup and mentions in typed text', () => {
  it.each([
    ['/新客户 <b>Robert</b>', 'Robert'],
    ['new customer <i>Initrode</i> <!channel>', 'Initrode'],
  ])('%s offers %s as the new customer, without the markup', async (text, name) => {
    const reply = only(await app.say('rep2', text));
    expect(reply.text).toContain(name);
    expect(reply.text).not.toMatch(/<|>/);
    for (const offer of offered(reply)) expect(offer).not.toMatch(/[<>]|[「"][@#]/);
    await noMarkupCustomers();
  });

  it.each([
    '新客户 <at',
    '/新客户 <at user_id="all">所有人</at>',
    '新客户 <@U0BOT>',
    'new customer @all',
    '/新客户 @所有人',
    '/customer #general',
    '/新客户 <b',
    '今天拜访了<at user_id="all"的王总',
  ])('%s offers no customer at all', async (text) => {
    const before = await counts(app.db);
    const reply = only(await app.say('rep1', text));
    expect(offered(reply).filter((o) => /[<>]|新建|create/i.test(o))).toEqual([]);
    expect(reply.text).not.toMatch(/要新建为客户|as a new customer/);
    expect(await counts(app.db)).toEqual(before);
    await noMarkupCustomers();
  });

  it.each([
    { intent: 'log_activity', args: { customer: '<at', channel: 'visit' } },
    { intent: 'add_contact', args: { customer: '@all', contact: '王伟' } },
    { intent: 'create_customer', args: { customer: '<b>Robert\')' } },
  ])('a name still looking like markup ($args.customer) is refused, not offered: $intent', async (action) => {
    const before = await counts(app.db);
    const reply = only(await app.click('rep1', action));
    expect(reply.text).toBe(`「${action.args.customer}」像是格式或 @ 提及，不是客户名称。请直接输入客户名称，例如「新客户 宁德时代」。`);
    expect(reply.card?.buttons ?? []).toEqual([]);
    expect(await counts(app.db)).toEqual(before);
  });

  it('a Feishu mention of a colleague is not the customer: the visit is logged on 美团', async () => {
    const typed = '<at user_id="ou_3f9a">Tom</at> 今天拜访了<b>美团</b>的钱总';
    const reply = only(await app.say('rep1', typed));
    expect(reply.text).toBe('已记录拜访 · 美团');
    // The message itself is stored as typed (README): only what the parser reads is plain.
    const visit = await app.db.activity.findFirstOrThrow({ where: { tenantId: 'demo' }, orderBy: { createdAt: 'desc' } });
    expect(visit.summary).toBe(typed);
  });

  it('a Slack channel link keeps its name, a link its label; text without markup is unchanged', () => {
    expect(stripMarkup('拜访了<#C0GROUP|general>的王总')).toBe('拜访了#general的王总');
    expect(stripMarkup('see <https://acme.example|Acme site>')).toBe('see Acme site');
    expect(stripMarkup('价格<5万, A<B公司  两个空格')).toBe('价格<5万, A<B公司  两个空格');
  });
});
