// A follow-up said too vaguely for any documented date rule ("节后再约", "过段时间再联系",
// "等他们通知再跟进", "circle back after the holidays"): it is returned as written, so the
// router asks for a time with buttons instead of dropping it.
const VAGUE_ZH = '(?:明年|下半年|上半年|春节后|过完年|过了年|忙完(?:这阵子?|这段时间?|手头的事)|年后|节后|开春|(?:秋收|麦收|春耕|春播|秋播|双抢|农忙|旺季|淡季|展会|开学|放假)(?:后|以后|之后|过了|完)|过段时间|过一段时间|过阵子|过些日子|改天|回头|晚点|晚些时候|有空|找时间|之后|等(?:他们|对方|客户)?的?(?:通知|消息|回复|答复|结果))';
// ("明年再说" is said back whole, not as 明年再.)
const FOLLOW_ZH = '(?:再(?:说|聊聊?|约|联系|跟进|碰|打|去|拜访|回访|沟通)?|跟进|联系|约|聊|碰|打|去|拜访|回访|沟通|说)';
// ("下半年再跟他们聊聊": the words up to the verb are part of what is said back.)
// ("节后回访了赛维": done, not promised.)
const ZH = new RegExp(`${VAGUE_ZH}[^,，。;；!！?？]{0,4}?${FOLLOW_ZH}(?![了过完])(?:[^,，。;；!！?？\\s]{0,4}?(?:跟进|联系|约|聊|沟通|拜访|过去))?(?:一下|一次|一趟|下|聊)?`);
const EN = /\b(?:(?:follow up|check back|circle back|reach out|touch base|call|ping)(?: with \w+)? (?:later|sometime|soon|in a while|after the holidays|next year|when they'?re back)|(?:later|sometime|after the holidays),? (?:follow up|check back|circle back|reach out))\b/i;

export function findVagueFollowUp(text: string): string | undefined {
  return (ZH.exec(text) ?? EN.exec(text))?.[0];
}
