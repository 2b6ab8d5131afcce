// Deal stage and, for a lost deal, the reason as written. Several stage words may appear
// ("sent a quote … now in contract review"); the furthest stage reached is the news.
import type { Stage } from '../types.js';

const STAGE_WORDS: [Stage, RegExp][] = [
  ['lost', /丢单|丢了|单子丢|输单|输了|输给|黄了|没戏|没签成|没谈成|(?<!还|还是|暂时|目前|尚|一直)没(?:能)?(?:拿下|中标)(?![^,，。;；]{0,6}(?:推|延|下个?月|明年|再))|告吹|失败了|放弃了|不做了|流失|选了竞品|选择了竞品|选了别家|用了竞品|被竞品|被.{1,6}抢走|终止合作|不合作了|closed[-\s]lost|\blost\b(?!\s+(?:the\s+|their\s+|its\s+|some\s+|all\s+)?(?:budget|funding|interest|contact|touch|momentum|steam|track|traction))|\bis a loss\b|\bwas a loss\b|went with (?:a |another )?(?:competitor|vendor)|chose (?:a |another )?competitor|deal (?:is )?dead|fell through/i],
  ['won', /(?:订单|单子?|order|\bPO)\s*(?:confirm(?:了|ed)|确认了)(?![吗没])|(?:^|\s)(?:签约|已签约?|签了|成交)(?=\s+[\d一二三四五六七八九十两百千万.]+\s*(?:w|W|万|k|K|元|块)|\s*$)|(?:今天|昨天|刚刚?|上午|下午|中午)刚?签的(?![^,，。;；\s]*(?:吗|没|不))|(?<![要想能会准备打算])续(?:约|签|费)了(?![吗没])|\bPO\s?(?:下来了|到了|已下|已经下了)|(?:收到|拿到)了?\s?PO\b|\b(?:sign|signed)了|已经sign|签(?:合同|约)了|签(?:约|单|合同)\s*(?:✅|✔️?|☑️?|👍|🎉)|(?:✅|✔️?|☑️?)\s*签(?:约|单)|签了|已签|当场(?:就)?签(?:约|单|合同|了)|\bPO (?:received|came in|is in|arrived)\b|\b(?:received|got) (?:the |their |a |an )?PO\b|签下|签完|签好|签署了|签约了|签约成功|成功签约|完成签约|已经签约|正式签约|签单了|合同签了|签下来了|(?<!价格?|价钱)谈下来了|谈成了|落地了|成交了|已成交|成交(?![量额价率数])|赢单|赢了|拿下|中标|搞定了|打款了|回款了|盖(?:好|完)?章了|章(?:已经|已)?盖(?:好|完)?了|已(?:经)?盖(?:好|完)?章|盖章(?:完成|完毕)|回签了|已回签|closed[-\s]won|\bwon\b(?!')|\bsigned\b|closed the deal|deal (?:is )?closed|\bwin\b/i],
  // (Price pushed back on — 报价太高了要再降点, 嫌贵, 'want 8% off' — is bargaining: negotiation.)
  ['negotiation', /(?:进入|到了?|在)合同(?:阶段|环节)|合同[^,，。;；]{0,8}走完|\bcontract\s*(?:已经|正在)?(?:在走|走了|走完)|\bcontract'?s? (?:is )?(?:now )?(?:out for signature|with (?:their )?legal|in legal|going through (?:their )?legal|in (?:legal )?review)|(?:报价|价格|价钱|价)[^,，。;；\s比]{0,4}(?:太高|偏高|高了|贵了|太贵|有点贵|偏贵)|嫌贵|(?:再|要|还要|希望)降(?:点|一点|些|一些|价)|让(?:到|了)[^,，。;；]{0,3}\d|\bwants? (?:a |an )?\d+\s?% (?:off|discount)|\bpush(?:ing|ed)? back on (?:the )?(?:price|pricing)|卡在[^,，。;；]{0,6}法务|法务(?:那边)?(?:在审|审核|审)|(?:在|正在|还在)走(?:内部)?流程|审批流程中|合同(?:在|正在)审|商务谈判|谈判|走盖章流程|盖章流程|等[^,，。;；\s]{0,6}盖章|(?:在|正在)盖章|盖章中|(?:合同|协议)[^,，。;；\s]{0,4}(?:签字|签批|审批|用印)中|议价|砍价|讲价|压价|走合同|合同(?:已经|正在|在|已){1,2}走|(?:磨|压|抠)价|价格?[^,，。;；]{0,4}(?:还在|在)磨|还在磨|谈折扣|(?:在|已经)?走(?:我们的)?合同|合同(?:已经)?走到|合同[^,，。;；]{0,8}走流程|合同流程|合同审批|合同评审|法务审核|审合同|谈合同|改合同|合同细节|合同条款|谈条款|谈价格|谈妥|还在谈|在谈价|还在议|在议价|议(?:一轮|一下|下)?价|with (?:their |the )?legal(?: team)?(?: now)?\b|价格.{0,3}谈|negotiat|contract review|mov(?:e|es|ed|ing) (?:in)?to (?:the )?contract|contract (?:stage|phase)|in contracting|haggl|redline|legal review|procurement review|push(?:ing|ed)? back on (?:the )?(?:price|pricing|terms|payment terms|discount|rates?)|\bcounter[- ]?offer/i],
  ['proposal', /报了(?:一|个)?版|按[^,，。;；\s]{1,10}报的|(?:报价|方案)已(?:经)?(?:发|给|交|提交)|报(?:过|了)价|报的[^,，。;；]{0,10}价|报了[^,，。;；\s]{1,16}?(?<!评|物|单|造|差|售|估|代)价|(?:我们|我方|咱们)报的是\s*[¥$]?\d|(?:价格?|报价)已经(?:报|发)|已经报(?:了|过)?价|方案|报价|报了?个?价|报了\s*[¥$]?\d|标书|投标|proposal|quote|quotation|\bpricing\b|\brfp\b/i],
  ['qualified', /(?<![没无不])意向(?:挺|很|比较|非常|特别|蛮|相当)?(?:强|大|明显|高)(?!吗)|需求(?:都|已经|基本)?(?:聊|谈|摸|梳理)(?:清楚|明白|透)了|(?<![没无])有(?:采购|明确的?|实际的?)?需求(?!吗|没)|需求(?:比较|很|非常|相当|都|已经)?明确|需求[^,，。;；]{0,4}对齐|\bkeen (?:on|to)\b|确定了?[^,，。;；]{0,6}需求|需求(?:已经|已|基本|初步)?(?:确定|定)(?:了|下来)|需求分析|需求确认|需求(?:已经|已|基本|都)?(?:确认|明确)了?|确认了?(?:一下|下)?需求|确认了[^,，。;；]{1,14}?需求|需求明确|需求很明确|明确了需求|(?<!没)有(?!没有|没|无)[\u4e00-\u9fff]{0,3}意向|意向明确|意向很强|很有意向|有兴趣|感兴趣|立项|qualified|qualification|confirmed (?:the |their )?(?:needs?|requirements?|reqs|budget)|confirm(?:ed)?\s*(?:the |their |了)?需求|需求[^,，。;；]{0,4}confirm(?:ed)?|\bneeds? analysis\b|需求还在(?:分析|梳理|确认)|给了?[^,，。;；]{0,3}意向|在(?:做|走)需求(?:分析|确认)|(?:requirements?|needs?|budget|scope) (?:are |were |is |was |got |has been |have been )?confirmed|\binterested\b|\bstrong interest\b|\b(?:they'?re|they are|is|are|was|were|seem|seemed|very|really|pretty|quite) keen\b|discovery/i],
  ['lead', /(?:还在|处于|目前在)?了解阶段|\blead\s*阶段|初步接触|线索|刚接触|第一次接触|初次接触|\b(?:new|a|as (?:a )?)\s?lead\b|\bearly[-\s]stage\b|\bearly\W{1,2}lead\b|\blead stage\b|first contact|initial contact|first touch|initial (?:discussion|conversation|chat|call|meeting)s?|intro(?:ductory)? (?:call|meeting|chat)|cold call/i],
];
const GLOBAL = new Map(STAGE_WORDS.map(([, re]) => [re, new RegExp(re.source, `${re.flags}g`)]));
const RANK: Record<Stage, number> = { lead: 1, qualified: 2, proposal: 3, negotiation: 4, won: 5, lost: 6 };

// A signing still to come ("预计月底签约", "expected to close") is a date, not a win.
const FUTURE = /(?:月底|月末|季度末|季末|年底|年末|下周[一二三四五六日天1-7]?|下个?月(?:初|中|底)?|明年|明天|后天)(?:前|之前|以前)?\s*$|(?:估计|预计|计划|争取|准备|有望|可能|希望|打算|要|(?<!启动|例|年|晚|早|周|月|大|展|研讨|座谈|发布|交流|视频|电话|线上|见面|碰头|总结|复盘|签约|开)会|能|expected to|expect|plan to|hope to|will|should|aim to|going to)\s*\S{0,8}$/i;

const WISHED = /\b(?:need|needs|want|wants|hope|hopes|expect|expects)\b[^,.;]{0,22}$|(?:想|希望|打算|计划|争取)[^,，。;；]{0,14}把[^,，。;；]{0,10}$/i;
const NOT_REACHED = /(?:还没|没有?|未|尚未|不到)(?:到|进入|走到|进)?了?\s*$|\bnot (?:yet )?(?:at|in|to)(?: the)?\s*$/i;

export interface StageMatch { stage: Stage; index: number; end: number }

// "从方案阶段退回到需求分析", "moved to negotiation": the stage after 到/进入/to is the new one;
// so is the stage said to be the current one ("还在需求分析", "目前处于方案阶段").
const DESTINATION = /(?:到|进入|转入|先按|算是|就算|定为|标为|改为|改回|退回|打回|回退|变成|为|还在|仍在|仍处于|处于|目前在|现在在|to|into|now in|in|still in|back to)\s*$/i;
// "从丢单改回商务谈判", "from lost back to negotiation": the stage moved away from is not the news.
const LATER = /(?:之后|以后|然后|回头|到时候?|下次|改天|再|才)\s*(?:再|来|去|跟他们|和他们|跟对方)?\s*$|\b(?:will|then|later|next)\s*$/i;
const TO_COME = /(?:完了?就|之后就|以后就)\s*$|\b(?:want|wants|plan|plans|planning|hope|hoping|going|expect|expects|expecting|aim|aiming) to (?:move |go |get )?(?:(?:in)?to )?(?:the )?\s*$/i;
const SOURCE = /(?:从|由|\bfrom)\s*$/i;

// "确认了需求 下周五前把报价发过去": a quote we are yet to send is a plan; the stage stated as
// reached (qualified) is the news. A quote already sent (发了报价) or asked for still counts.
// ("下周五前报价": a quote due before a date is still to send.)
const PLANNED = /(?:(?:给|发|出|做|准备|把|写|带|提交|交|(?<![配运输快推赠递护接传])送|拿)|(?:去|要|再|准备)(?:聊|谈|讲)|(?:去|过去|到)[^,，。;；了过\s]{0,6}(?:讲|聊|谈|汇报|演示|介绍))[^,，。;；了过]{0,8}$|\b(?:(?:i'?ll|we'?ll|will|going to|gonna|need to|have to|plan to|to)\s+(?:send|share|put together|prepare|draft|get|work on|write up|email|e-mail|mail)|(?:(?:i'?m|we'?re|am|are|will be)\s+)?(?:sending|sharing|preparing|drafting|putting together|working on|writing up))(?:\s+(?:them|him|her|it|over|out|a|an|the|our|some|updated|revised|new|final|draft(?: of)?))*\s*$|\bi owe (?:them|him|her|[A-Z]\w+)(?:\s+(?:a|an|the|some|updated|revised|new|final))*\s*$|\bnext steps?\s*(?:is|are|:)?\s*(?:a |an |the )?$|(?:之|以)?前\s*$/i;

// "对方要我们出报价方案", "他们要出一版方案": a proposal the customer asked for is the stage reached.
const REQUESTED = /(?:(?:对方|客户|他们?|她们?|总|工|经理|主任|总监)(?:要|让|希望|需要|请|要求)(?:我们|我方|咱们)?|(?<!我)(?:让|要|请)(?:我们|我方|咱们))[^,，。;；]{0,14}$/;

// "把修改后的报价附上了", "方案发过去了": the quote said as sent is the stage reached.
const SENT_AFTER = /^[^,，。;；]{0,3}(?:用[^,，。;；]{1,4}发给[^,，。;；]{0,12}了|过了一遍|讲了一遍|讲完了|附上了|附上|附在|发过去了|发出去了|发了|已发|已经发|发给[^,，。;；]{0,6}了|给[^,，。;；]{0,4}了|交了|递了|\s*(?:was |were |is )?sent\b)/i;

// "proposal by next wed", "quote due friday": a proposal with a deadline is still to send.
const ASKED_FOR = /\b(?:want|wants|wanted|need|needs|needed|asked for|asking for|requested|request|expect|expecting)\b[^,.;]*$/i;
const DUE_AFTER = /^\s*(?:is\s+|will be\s+)?(?:due\b|by\b|before\b)/i;

// ("对语音方案感兴趣" stays a proposal: two labelled sets read it so.)
const INTEREST_AFTER = /^[^,，。;；]{0,3}(?:有意向|有购买意向|有采购意向)/;
// "…的方案他们挺感兴趣的 需求基本确认了": interest in the plan, beside a stage said as reached, is that stage.
const LIKED_AFTER = /^[^,，。;；]{0,8}?(?:感兴趣|有兴趣|挺认可|很认可|比较认可)/;

// "竞品报价比我们低", "quote先不急": a competitor's quote, or one put off, is no stage of ours.
const THEIR_QUOTE = /(?:竞品|竞争对手|对手|友商|别家|人家|competitor'?s?|\bwhose)\s*(?:的)?\s*$/i;
// ("报价下周发", "方案周五给": a quote sent on a day still to come is a plan.)
const NOT_YET_AFTER = /^[^,，。;；了]{0,3}?(?:下周|下礼拜|明天|后天|这周|本周|周[一二三四五六日天]|礼拜[一二三四五六天]|月底|月初|回头|稍后|晚点|晚些|改天|今晚|明早|过两天|\d{1,2}号)[^,，。;；了]{0,3}(?:发|给|交|提交|出)(?!了|过)|^\s*(?:先不急|不急|先放|暂缓|以后再|还没(?:出|发|做|报|给)|not yet|can wait|on hold)|^[^,，。;；了]{0,8}?(?:之前|以前|前)\s*(?:发|给|交|提交|出)(?!反馈|答复|回复|结果|意见)/i;

const ALMOST = /(?:基本上?|差不多|八九不离十|(?<![不没])快要?|大概率|有望|应该能)(?:已经)?\s*$/;

export function findStage(text: string): StageMatch | undefined {
  // A quote or proposal still to send is no stage: the furthest one said as reached, if any.
  let rest = text;
  for (;;) {
    const found = furthestStage(rest);
    // "对我们的风控方案有意向": interest in what we offer is qualified, not a proposal made.
    const without = found ? rest.slice(0, found.index) + ' '.repeat(found.end - found.index) + rest.slice(found.end) : rest;
    const interest = found?.stage === 'proposal' && (INTEREST_AFTER.test(rest.slice(found.end)) || likedBeside(without, found.end));
    const at = found?.index ?? 0;
    // "requirements confirmed, proposal by next wed": a proposal due later gives way to a stage said as reached.
    const due = found?.stage === 'proposal' && DUE_AFTER.test(rest.slice(found.end)) && !ASKED_FOR.test(rest.slice(Math.max(0, at - 24), at))
      && Boolean(furthestStage(rest.slice(0, at) + ' '.repeat(found.end - at) + rest.slice(found.end)));
    const planned = PLANNED.test(rest.slice(Math.max(0, at - 28), at)) || due
      || (found?.stage === 'proposal' && (THEIR_QUOTE.test(rest.slice(Math.max(0, at - 8), at)) || NOT_YET_AFTER.test(rest.slice(found.end))));
    if (!interest && (found?.stage !== 'proposal' || /[了过]/.test(rest.slice(found.index, found.end)) || SENT_AFTER.test(rest.slice(found.end)) || !planned || REQUESTED.test(rest.slice(Math.max(0, found.index - 22), found.index)))) return found;
    rest = without;
  }
}

function likedBeside(without: string, end: number): boolean {
  const liked = LIKED_AFTER.exec(without.slice(end));
  return Boolean(liked && furthestStage(without.slice(0, end) + ' '.repeat(liked[0].length) + without.slice(end + liked[0].length)));
}

function furthestStage(text: string): StageMatch | undefined {
  let best: StageMatch | undefined;
  let destination: StageMatch | undefined;
  for (const [stage, re] of STAGE_WORDS) {
    // Every occurrence: "感兴趣 … 进入需求分析" — the second one is said as the destination.
    for (const m of text.matchAll(GLOBAL.get(re)!)) {
      const before = text.slice(Math.max(0, m.index - 8), m.index);
      if (stage === 'won' && FUTURE.test(text.slice(Math.max(0, m.index - 14), m.index))) continue;
      // "之前丢了那个单子 今天又聊回来了 重新进入需求确认": a loss said as what happened before is no stage now.
      if (stage === 'lost' && /(?:之前|以前|上次|去年|原来|本来|早先)\s*$/.test(before)) continue;
      // "we need the contract signed by Jan 10", "他们想3月底前把正式合同签了": a signing wished for is no win.
      if (stage === 'won' && WISHED.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      // "还是没签下来", "not signed yet": a win denied is none.
      if (stage === 'won' && /(?:没|未|不|没有|还没|not|never|hasn'?t|haven'?t)\s*$/i.test(before)) continue;
      // "还没到报价那一步", "not at proposal yet": a stage not reached is none.
      if (stage !== 'won' && stage !== 'lost' && NOT_REACHED.test(before)) continue;
      if (SOURCE.test(before)) continue;
      // "年底前能立项就不错了": a project approval only hoped for is no stage reached.
      if (stage === 'qualified' && /立项/.test(m[0]) && /(?:能|争取|希望|计划|准备|打算|要)\s*$/.test(before)) continue;
      // "试用结束之后再谈价格": a negotiation still to come is a plan, not the stage reached.
      if (stage === 'negotiation' && LATER.test(before)) continue;
      // "竞争对手已经进入商务谈判": the competitor's stage is not ours.
      if (/(?:竞品|竞争对手|对手|友商)(?:那边|他们)?(?:已经|都)?[^,，。;；]{0,4}$/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      // "评审完就走合同", "they want to move to negotiation next week": a stage still to come.
      if (stage !== 'won' && stage !== 'lost' && TO_COME.test(before)) continue;
      // "基本拿下了", "差不多签了": a win all but made is still being negotiated.
      const found = { stage: stage === 'won' && ALMOST.test(before) ? 'negotiation' as const : stage, index: m.index, end: m.index + m[0].length };
      if (stage !== 'lost' && DESTINATION.test(before) && (!destination || found.index > destination.index)) destination = found;
      if (!best || RANK[stage] > RANK[best.stage]) best = found;
    }
  }
  return best?.stage === 'lost' ? best : destination ?? best;
}

// ("closed lost lah, …": a Singlish particle right after the marker is no part of the reason.)
const LEAD_IN = /^(?:(?:lah|la|leh|lor|liao|sia|ah)\b|(?:咋整|咋办|怎么办|怎么整|可惜|郁闷|唉+|哎+)(?=[\s,，。!！]))?[\s,，。.!！:：;；\-—–了啊呀吧的咯啦\p{Extended_Pictographic}\u{FE0F}]*(?:然后)?(?:因为|由于|(?:丢单|输单|丢的|输的)?(?:原因|理由)(?:的话)?(?:就是|是|为)?|because(?: of)?|due to|reason\s*(?::|是|is\b|was\b)?|since)?(?:就是说|就是|说是|听说)?[\s,，:：]*/iu;
const LEADING_AMOUNT = /^(?:[¥$]?\s?\d[\d,.]*\s?(?:千万|百万|万|亿|千|[kKmMwW]|元|块)?\s*[,，、;；]\s*)+/;
// "lost the Globex deal, they went with…": what was lost is not why.
// "lost acme's renewal, they went…": the rest of the customer's possessive too.
const LOST_OBJECT = /^(?:(?:the|our|my)\s+[^,，.]{0,40}?|['’]s\s+(?:[^,，.]{0,30}?\s)?)\b(?:deal|account|opportunity|contract|bid|order|renewal|project|business|tender|rfp|rfq|pilot|po)\b|^(?:it|this one|that one|them)\b/i;
const SAID_BEFORE = /(?:说|表示|反馈|讲)\s*([^,，。.!！;；\s]{2,30})[\s,，]*(?:所以|结果)?(?:[^\s,，。;；]{0,10}?(?:这单|这个单子?|单子|那单|项目))?\s*(?:基本上?|应该|估计|可能|算是|差不多)?\s*$/;
const BEFORE = /(?:因为|由于|原因是?|because(?: of)?|due to)\s*([^,，。.!！;；]{2,60})/i;

/** Text after the lost marker ("丢了，对方选了竞品…"), else a cause stated before it. */
// Markers that already say why: "输给了戴尔", "选了竞品", "went with a cheaper vendor".
const SELF_EXPLAINING = /^(?:输给|选了|选择了|用了|被|went with|chose)/i;

const EMOTICON = /(?:^|\s)(?:[:;]-?[()DPp/\\|]|T_T|QAQ|orz|[😭😢😞🙁☹️😩😤]+)(?=\s|$|[,，])/gu;

// "他们选了西门子。下个月再约他…", "went with a cheaper vendor. Touch base again next month",
// "budget frozen — will call again Oct 15": the reason ends where the sentence does, or where
// the next plan begins.
const NEXT_TOPIC = /[。!！?？;；]|\.\s|\s[—–-]\s|不过|但是|[,，]\s*(?=(?:金额|合同额)(?:当时)?(?:是|为|:|：))|(?:[,，]\s*|\s+)(?=(?:我们?|咱们?)?(?:打算|准备|计划)?[^,，。]{0,8}(?:再约|再联系|再跟|再聊|再去|再碰|再打|再看|再说|回头|下次|下个?月|明年|以后|年后|节后|过段时间)|(?:will|I'?ll|we'?ll|touch base|follow up|circle back|check back|revisit)\b)/i;
function untilNextTopic(reason: string): string {
  const at = reason.search(NEXT_TOPIC);
  return at > 1 ? reason.slice(0, at) : reason;
}

// "…went with another vendor. Deal lost, reason: competitor was 30% cheaper": a reason said as one wins.
const SAID_REASON = /(?:\breason\s*(?:[:：-]|是|is\b|was\b)|原因\s*[:：是]|理由\s*[:：是])\s*([^。.;；!！\n]{2,120})/i;

export function findLostReason(text: string, match: StageMatch, customer?: string): string | undefined {
  if (SELF_EXPLAINING.test(text.slice(match.index, match.end))) {
    // "…went with another vendor. Deal lost, reason: competitor was 30% cheaper": a reason said as one, later, wins.
    const said = SAID_REASON.exec(text.slice(match.end))?.[1]?.trim();
    if (said && said.length >= 2) return untilNextTopic(said).replace(/[\s。.!！~，,]+$/, '').slice(0, 200);
    return text.slice(match.index).replace(/[\s。.!！~]+$/, '').slice(0, 200);
  }
  // "Lost Hooli to Salesforce": the customer is who was lost, not why.
  const rest = text.slice(match.end).trimStart();
  // "黄了黄了 那个顺丰的单 被友商截胡了": the repeated marker and the deal lost are not why.
  const marker = text.slice(match.index, match.end);
  const unrepeated = (rest.startsWith(marker) ? rest.slice(marker.length).trimStart() : rest).replace(/^了?[\s,，:：]+(?=\S)/, "");
  const owned = customer ? new RegExp(`^(?:那个)?${customer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}的?(?:那个|这个)?(?:单子?|项目|订单|那单)?\\s*`) : undefined;
  const tail = owned && owned.test(unrepeated) ? unrepeated.replace(owned, '') : unrepeated;
  // "closed lost, 400k, chose a competitor": the amount is not part of the reason.
  // ":( they went with…": an emoticon is no part of the reason.
  const after = untilNextTopic(tail.replace(EMOTICON, ' ').replace(LOST_OBJECT, '').replace(LEAD_IN, '').replace(LEADING_AMOUNT, '')).replace(/[\s。.!！~]+$/, '').trim();
  if (after.length >= 2 && !/^[\d\s,，。]+$/.test(after)) return after.slice(0, 200);
  const head = text.slice(0, match.index);
  // "王总电话说预算冻结 这单丢了": what the customer said right before the loss is why.
  const before = (BEFORE.exec(head)?.[1] ?? SAID_BEFORE.exec(head)?.[1])?.trim();
  return before && before.length >= 2 ? before : undefined;
}
