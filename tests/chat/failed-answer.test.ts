// A message that fails leaves everything as it was, the question it answered included (#12):
// the pending question lives in Redis, outside the transaction that rolled back, so a click that
// failed once used to answer "这个问题已经过期了" when clicked again.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';
import { counts, only } from './support.js';

const FAILED = '抱歉，处理这条消息时出错了';
const EXPIRED = '这个问题已经过期了，请重新发一次刚才的消息。';

let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => { app = await testApp(); });

/** The next `n` Activity inserts fail with an error no retry fixes (sequences are not transactional). */
async function failActivityInserts(n: number) {
  await app.db.$executeRawUnsafe('CREATE SEQUENCE IF NOT EXISTS fail_activity');
  await app.db.$executeRawUnsafe(`SELECT setval('fail_activity', 1, false)`);
  await app.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION fail_activity() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF nextval('fail_activity') <= ${n} THEN RAISE EXCEPTION 'activity insert refused by the test'; END IF;
    RETURN NEW; END $$`);
  await app.db.$executeRawUnsafe('CREATE TRIGGER fail_activity BEFORE INSERT ON "Activity" FOR EACH ROW EXECUTE FUNCTION fail_activity()');
}
afterEach(async () => { await app.db.$executeRawUnsafe('DROP TRIGGER IF EXISTS fail_activity ON "Activity"'); });

describe('a failed answer keeps its question', () => {
  it('a click that failed can be clicked again, and then completes the request', async () => {
    const asked = await app.say('rep1', '今天拜访了宁德时代的王总');
    expect(only(asked).text).toMatch(/^没有找到客户「宁德时代」/);
    const before = await counts(app.db);
    await failActivityInserts(1);
    expect(only(await app.click('rep1', button(asked, '新建「宁德时代」'))).text).toContain(FAILED);
    expect(await counts(app.db)).toEqual(before);

    const again = only(await app.click('rep1', button(asked, '新建「宁德时代」')));
    expect(again.text).not.toBe(EXPIRED);
    expect(again.text).toBe('已记录拜访 · 宁德时代');
    expect(await counts(app.db)).toMatchObject({ customers: before.customers + 1, activities: before.activities + 1 });
    // Answered now: the question is gone.
    expect(only(await app.click('rep1', button(asked, '新建「宁德时代」'))).text).toBe(EXPIRED);
  });

  it('a typed "1" that failed can be typed again', async () => {
    only(await app.say('rep1', '今天拜访了蔚来汽车的李总'));
    await failActivityInserts(1);
    expect(only(await app.say('rep1', '1')).text).toContain(FAILED);
    expect(only(await app.say('rep1', '1')).text).toBe('已记录拜访 · 蔚来汽车');
  });

  it('a new message that failed does not drop the question it would have replaced', async () => {
    const asked = await app.say('rep1', '今天拜访了极氪汽车的陈总');
    await failActivityInserts(1);
    expect(only(await app.say('rep1', '今天拜访了美团的孙经理，聊了续约')).text).toContain(FAILED);
    expect(only(await app.click('rep1', button(asked, '新建「极氪汽车」'))).text).toBe('已记录拜访 · 极氪汽车');
  });
});
