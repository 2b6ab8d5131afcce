// A property (issue #14): whatever a rep types about a colleague's customer — its name, an alias,
// its pinyin or part of it, in a status query, a contacts query, an activity or a new customer,
// in either language — the reply never shows that customer's private fields (contacts, phones,
// e-mails, deal amounts) nor its owner's name, and nothing of it is written.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { pinyinKey } from '../../src/domain/names.js';
import { formatAmount } from '../../src/i18n/index.js';
import { testApp } from '../support/app.js';

type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
interface Theirs { name: string; variants: string[]; secrets: string[] }
const sides: Record<'rep1' | 'rep2', { viewer: 'rep1' | 'rep2'; theirs: Theirs[]; owner: string }> = {} as never;

beforeAll(async () => {
  app = await testApp();
  for (const [viewer, owner] of [['rep2', 'rep1'], ['rep1', 'rep2']] as const) {
    const ownerRow = await app.db.user.findUniqueOrThrow({ where: { tenantId_handle: { tenantId: 'demo', handle: owner } } });
    const customers = await app.db.customer.findMany({ where: { tenantId: 'demo', ownerId: ownerRow.id } });
    const theirs: Theirs[] = [];
    for (const [i, c] of customers.entries()) {
      // Amounts no one else has, so any sight of them is a leak.
      const amount = 7_770_000 + i * 10_000 + (viewer === 'rep2' ? 0 : 1_000_000);
      await app.db.deal.updateMany({ where: { customerId: c.id }, data: { amount } });
      const contacts = await app.db.contact.findMany({ where: { customerId: c.id } });
      const secrets = [
        ...contacts.flatMap((k) => [k.name, k.phone, k.email].filter((x): x is string => !!x)),
        formatAmount(amount, 'zh'), formatAmount(amount, 'en'), ownerRow.name,
      ];
      const py = pinyinKey(c.name);
      const variants = [c.name, ...c.aliases, ...(py !== c.name.toLowerCase() ? [py] : []), ...(c.name.length >= 4 ? [c.name.slice(0, 2)] : [])];
      theirs.push({ name: c.name, variants, secrets });
    }
    sides[viewer] = { viewer, theirs, owner: ownerRow.name };
  }
});

const PATHS = [
  (n: string) => `${n}现在什么进展`,
  (n: string) => `帮我查下${n}的联系人电话`,
  (n: string) => `今天下午拜访了${n}，聊了下一步合作`,
  (n: string) => `新客户：${n}`,
  (n: string) => `status of ${n}`,
  (n: string) => `Called ${n}, they want a quote`,
  (n: string) => `new customer ${n}`,
];

describe('a rep never sees a colleague\'s private customer fields', () => {
  it('through create, query and log paths, by any name of it', async () => {
    const writes = async () => Promise.all([app.db.activity.count(), app.db.contact.count(), app.db.deal.count(), app.db.customer.count()]);
    await fc.assert(fc.asyncProperty(
      fc.constantFrom('rep1' as const, 'rep2' as const), fc.nat(), fc.nat(), fc.constantFrom(...PATHS),
      async (viewer, pick, variant, path) => {
        const side = sides[viewer];
        const customer = side.theirs[pick % side.theirs.length]!;
        const name = customer.variants[variant % customer.variants.length]!;
        const before = await writes();
        const answer = await app.say(viewer, path(name));
        await app.say(viewer, '取消');
        expect(answer.status).toBe(200);
        const shown = JSON.stringify(answer.replies);
        for (const secret of customer.secrets) expect(shown, `${viewer}: ${path(name)}`).not.toContain(secret);
        // A new customer may be created when the name is only part of theirs (a different company).
        const after = await writes();
        expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
      },
    ), { numRuns: 40, seed: 14 });
  });
});
