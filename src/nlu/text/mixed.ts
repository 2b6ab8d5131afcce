// Chinese messages carry English CRM words: "加个contact：字节的Lily", "remind我周一发quote",
// "callback了一下蔚来", "需求基本confirm了", "undo一下". Inside a mostly Chinese message, such a word
// next to a Chinese character is read as its Chinese cue, so every Chinese rule applies (and the word
// is never taken for a name). English messages ("Add contact 张伟 at 华为") are left alone.
const WORDS: [string, string][] = [
  ['contacts?', '联系人'], ['remind', '提醒'], ['undo', '撤销'], ['call\\s?back', '回访'],
  ['follow[\\s-]?up', '跟进'], ['visit(?:ed)?', '拜访'], ['confirm(?:ed)?', '确认'], ['budget', '预算'], ['customer|client', '客户'],
];
// Glued to a Chinese character (加个contact, remind我, callback了): "new customer 澳門…" stays English.
const GLUED: [RegExp, string][] = WORDS.map(([word, zh]) => [
  new RegExp(`(?<=[\\u4e00-\\u9fff])(?:${word})(?![A-Za-z])|(?<![A-Za-z]\\s?)(?<![A-Za-z])(?:${word})(?=[\\u4e00-\\u9fff])`, 'gi'), zh,
]);
const ANY_WORD = new RegExp(WORDS.map(([w]) => `(?:${w})`).join('|'), 'i');
const CJK = /[\u4e00-\u9fff]/g;
// English prose: lower-case words (names, acronyms and e-mail addresses say nothing of the language).
const PROSE_WORD = /(?<![A-Za-z@.])[a-z]{2,}(?![A-Za-z@.])/g;
const EMAIL = /\S+@\S+/g;

export function fromMixedEnglish(text: string): string {
  if (!ANY_WORD.test(text)) return text;
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(EMAIL, ' ').match(PROSE_WORD)?.length ?? 0;
  if (cjk === 0 || (words >= 3 && words * 2 > cjk)) return text;
  return GLUED.reduce((out, [glued, zh]) => out.replace(glued, zh), text);
}
