// "和我们区域经理老周一起见了保利物业的罗总", "带着售前小李去了趟美的": our own colleague who came
// along is nobody at the customer. The phrase is taken out before names and dates are read (老周一
// is no Monday); the summary keeps the message as typed.
import { SURNAMES } from '../slots/lexicon.js';

const OURS = '(?:我们|我司|咱们|公司|我)(?:公司|这边|部门|团队|组)?的?';
const WHO = `(?:[\\u4e00-\\u9fff]{0,6}?(?:[老小][${SURNAMES}]|[${SURNAMES}](?:总|经理|工|姐|哥)|领导|老板|老大|同事|经理|总监|售前|技术)|[${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)`;
const COLLEAGUE = new RegExp(
  `(?:(?:和|跟|与|同|叫上|带上)${OURS}|(?:带着|带上|陪着|陪)(?:${OURS})?)${WHO}(?=一起|一块儿?|一同|去|过去|上门|见|拜访|请|巡)(?:一起|一块儿?|一同)?`,
  'g',
);

// "晚上请大家吃饭": treating the team is no meal with the customer.
const TREAT = /请(?:大家|同事们?|团队|兄弟们|伙伴们|全组|组里|部门)[^，,。!！]{0,3}(?:吃饭|吃[^，,。!！\s]{0,3}|喝[^，,。!！\s]{0,3}|聚餐|撸串)/g;

export function withoutColleagues(text: string): string {
  const alone = text.includes('请') ? text.replace(TREAT, '') : text;
  return alone.includes('一') || alone.includes('带') || alone.includes('陪') || alone.includes('我') ? alone.replace(COLLEAGUE, '') : alone;
}
