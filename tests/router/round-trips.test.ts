// What a message costs in Redis round trips before its transaction (#16): a rep whose actor is
// cached reads the people version, the names version and their pending question in one MGET,
// and the question read there is still the one answered.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { button, testApp } from '../support/app.js';

describe('the router’s Redis round trips', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  const sent: string[] = [];
  beforeAll(async () => {
    t = await testApp();
    const send = t.redis.sendCommand.bind(t.redis);
    t.redis.sendCommand = ((...args: Parameters<typeof send>) => {
      sent.push(args[1] ? `${args[0].name} (pipelined)` : args[0].name); // a pipeline's commands name their stream
      return send(...args);
    }) as typeof send;
  });
  afterEach(() => { sent.length = 0; });

  it('reads the actor’s version, the names version and the pending question in one MGET', async () => {
    await t.say('rep1', '今天拜访了比亚迪');
    sent.length = 0;
    expect((await t.say('rep1', '拜访了美团，聊了新项目')).replies[0]!.text).toContain('美团');
    expect(sent.filter((c) => c === 'mget')).toHaveLength(1);
    expect(sent).not.toContain('get');
  });

  it('answers the question it read that way, by number and by button', async () => {
    await t.say('rep2', '拜访了新客户宁德时代');
    const asked = await t.say('rep1', '拜访了新客户宁德时代');
    expect(asked.replies[0]!.text).toContain('3. 取消');
    sent.length = 0;
    const answered = (await t.say('rep1', '3')).replies[0]!.text;
    expect(sent).not.toContain('get');
    expect(answered).not.toMatch(/没太明白|过期/);
    const again = await t.say('rep1', '拜访了新客户宁德时代');
    expect((await t.click('rep1', button(again, '取消'))).replies[0]!.text).toBe(answered);
  });
});
