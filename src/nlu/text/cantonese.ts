// Hong Kong and Taiwan reps type Traditional characters and Cantonese words: "去咗7-Eleven嘅總部 見咗
// category manager Winnie", "聽日下午三點再覆佢". Traditional becomes Simplified (opencc-js, the
// OpenCC dictionaries for Hong Kong usage), and the written-Cantonese words a sales note uses become
// their Mandarin ones, so every rule reads one language. Only words with no other meaning in a
// sales note are listed (同 keeps 合同, 同事, 同意).
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 'hk', to: 'cn' });

const CANTONESE: [RegExp, string][] = [
  [/嘅/g, '的'], [/咗/g, '了'], [/佢哋/g, '他们'], [/佢/g, '他'], [/嗰|𠮶/g, '那'], [/係/g, '是'], [/喺/g, '在'],
  [/聽日|听日/g, '明天'], [/聽朝|听朝/g, '明早'], [/(?<=搞)掂/g, '定'], [/点(?:样|用)(?=[\s,，]|$|呢个|这个|个|用|先|啊|呀|[?？])/g, '怎么用'], [/呢(?=个|度|单|间|几|次|份|边)/g, '这'], [/我哋/g, '我们'], [/哋/g, '们'], [/琴日|寻日/g, '昨天'], [/今日/g, '今天'], [/下昼|下晝/g, '下午'], [/朝早/g, '早上'], [/晏昼|晏晝/g, '中午'], [/后日(?!子)/g, '后天'],
  [/食(?:咗|了)(?=饭|餐|lunch|dinner|早餐|午饭|晚饭|个饭|餐饭)/gi, '吃了'], [/食(?=饭|餐|lunch|dinner|早餐|午饭|晚饭|个饭|餐饭)/gi, '吃'], [/倾(?!向|斜|听|销|力|注|倒|诉)(?:咗|了)(?=[\u4e00-\u9fffA-Za-z])/g, '聊了'], [/倾(?!向|斜|听|销|力|注|倒|诉)(?=[\u4e00-\u9fffA-Za-z])/g, '聊'],
  [/(?<![合共相不认协陪如等连一会])同(?!事|意|学|时|样|比|期|步|行|类|城|一|等|志|胞|盟|伴|居|龄|款)(?=[\u4e00-\u9fffA-Za-z])/g, '跟'],
  [/覆(?!盖|灭|辙|水|议|核|查)/g, '回复'], [/(?<=[他她们])话(?=[\u4e00-\u9fff，,\s])/g, '说'], [/唔/g, '不'], [/冇/g, '没有'], [/啲/g, '些'], [/(?<=判|谈|聊|做|搞|倾)紧(?=[\s，,。]|$)/g, '中'],
];

const CANTONESE_MARK = /[嘅咗佢嗰𠮶係喺冇啲哋掂]|听日|听朝|点(?:样|用)|呢个|琴日|食(?:咗|了)?(?:饭|餐|lunch|dinner)|倾咗/i;

/** The message in Simplified characters only (character for character with what was typed). */
export const toSimplifiedScript = (text: string): string => toSimplified(text);

/** Mandarin words for written Cantonese, in a message already in Simplified characters. */
export function fromCantonese(simplified: string): string {
  // Only a message that is Cantonese by its own marks is read so (同仁堂 and 覆盖 stay Mandarin).
  return CANTONESE_MARK.test(simplified) ? CANTONESE.reduce((t, [re, to]) => t.replace(re, to), simplified) : simplified;
}
