// English names the way reps write them beside a title: "Jennifer Wu, VP of Operations at
// Starbucks China", "Mark Reyes, CFO of Contoso", "Dr. Müller, their Head of Procurement",
// "Acme's procurement lead John Park", "Unilever's David" (the owner capitalised: not "how's Initech"). Names may carry accents (\p{L}).

// "Uncle Lim", "Encik Faizal", "Puan Rosnah", "Mr. S. Ramasamy": forms of address, and an initial after one.
const HONORIFIC = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mdm|Madam|Uncle|Auntie|Aunty|Encik|Puan|Cik|Datuk|Dato['’]?|Shri|Smt)\.?\s+(?:\p{Lu}\.\s*)?)`;
// "O'Brien", "Jean-Luc", "McDonald": a capital after an apostrophe or hyphen stays in the word.
const WORD = String.raw`\p{Lu}(?:[\p{Ll}'’-]|(?<=['’-]|Mc|Mac)\p{Lu})+`;
// "Mr. Lim Wei Jie", "Ravi Kumar Sharma": a word after the first is never a day or a month ("Mr. Chen Monday").
const NOT_THIRD = String.raw`(?!(?:Inc|Ltd|Corp|Co|Llc|Pte|Bhd|Plc|Gmbh|Limited)\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b|May\b|Today\b|Tomorrow\b|Tonight\b|Next\b|This\b)`;
// ("Tesla Inc Elon Musk, CEO": a company's suffix starts no name; "Met Jenna Park (…)": nor does the verb.)
const NOT_FIRST = String.raw`(?!(?:Inc|Ltd|Corp|Co|Llc|Pte|Bhd|Plc|Gmbh|Group|Holdings|Limited|Company|Met|Meet|Called|Call|Visited|Visit|Emailed|Email|Pinged|Rang|Saw|Had|Spoke|Lunch|Dinner|Coffee|Meeting|With|Quick|Just|Today|Yesterday|Also|Then|And|But|Per|Added|Add|New|Contact)\b)`;
// "Siti Nurhaliza binti Ahmad", "Aaron Goh Jun Hao": lower-case particles between the words, up to four words.
const SEP = String.raw`\s+(?:(?:bin|binti|bte|a\/l|a\/p|s\/o|d\/o|van|von|de|da)\s+)?`;
const BARE_NAME = String.raw`${NOT_FIRST}${WORD}(?:${SEP}${NOT_THIRD}${WORD}(?:${SEP}${NOT_THIRD}${WORD}(?:${SEP}${NOT_THIRD}${WORD})?)?)?`;
const NAME = String.raw`(?:${HONORIFIC}?${BARE_NAME})`;
/** A person addressed by a form of address (Mr. Lim Wei Jie, Encik Faizal, Dr. S. Iyer), for the 'u' flag. */
export const ADDRESSED_NAME = String.raw`${HONORIFIC}${BARE_NAME}`;
// What a title ends in; words before it (procurement, operations, senior) are part of it.
const ROLE_WORDS = ['manager', 'mgr', 'director', 'lead', 'head', 'buyer', 'officer', 'engineer', 'buyer', 'architect', 'specialist', 'president',
  'partner', 'owner', 'founder', 'consultant', 'analyst', 'administrator', 'admin', 'coordinator', 'supervisor', 'controller', 'chef'];
const ROLE = `(?:${ROLE_WORDS.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|')})`;
// (A school's principal or dean "of X" is of the customer, not of a department: the title stops there.)
// "Head of Supply Chain"; before a name the department is one word ("Head of IT Jane Doe").
const ofDept = (more: string) => String.raw`(?:\s+of\s+(?:\p{Lu}[\p{L}&]*(?![-\p{L}])|ops|sales|marketing|procurement|purchasing|engineering|finance|operations|product|it|hr|security|legal|facilities|logistics|data|technology|digital|supply chain|design|strategy)(?:\s+(?:&\s+)?\p{Lu}[\p{L}&]*)${more})`;
const title = (more: string) =>
  String.raw`(?:(?:(?!(?:is|now|was|were|and|at|from|the|has|had)\b)[A-Za-z]+\s+){0,2}?${ROLE}${ofDept(more)}?|(?:S?VP|EVP|AVP)(?:\s+of)?\s+(?:\p{Lu}[\p{L}&]*|eng|engineering|sales|ops|operations|marketing|product|finance|procurement|it|hr)|GM\s+(?:IT|HR|Sales|Ops|Operations|Finance|Procurement|Marketing|Engineering|Product)(?![\p{L}])|(?:S?VP|EVP|AVP|Chief\s+[A-Z][a-z]+\s+Officer)${ofDept(more)}?|[A-Z]{1,2}[TFIOM]O|C[A-Z]{2,3}O|Dir\.?\s+\p{Lu}[\p{L}&]*|CEO|GM|PM|BDM?|KAM|[Pp]rincipal(?=\s+of\b|\s*[,，]|\s*$)|[Dd]ean(?=\s+of\b))`;
const TITLE = title('?');

// "Jennifer Wu, VP of Operations at Starbucks": name, comma, (their) title.
// "David Xu, Luckin's IT director": the owner named with the title is the company.
const NAME_COMMA_TITLE = new RegExp(String.raw`(?<![\p{L}'’])(?<!&\s*)(${NAME}),\s*(?:(?:[Tt]heir|[Tt]he|[Oo]ur|who is(?: the| their)?)\s+)?(?:(\p{Lu}[\p{L}\d&.-]*(?:\s+\p{Lu}[\p{L}\d&.-]*)?)['’]s\s+)?(${TITLE})(?![\p{L}])`, 'u');
// "Dana Ruiz (head of procurement @ Vantage Retail)", "Marcus Hale (COO, Norcastle Energy)".
const COMPANY = String.raw`\p{Lu}[\p{L}\d&.'-]*(?:\s+\p{Lu}[\p{L}\d&.'-]*){0,3}`;
const NAME_PAREN = new RegExp(String.raw`(?<![\p{L}'’])(${NAME})\s*[(（]\s*(${TITLE})\s*(?:@|,|at|of|from)\s*(${COMPANY})\s*[)）]`, 'u');
// "Grace Liu（Vertex Pharma），head of procurement": the company in brackets, the title after a pause.
const NAME_COMPANY_TITLE = new RegExp(String.raw`(?<![\p{L}'’])(${NAME})\s*[(（]\s*(${COMPANY})\s*[)）]\s*[,，]\s*(${TITLE})(?![\p{L}])`, 'u');
// "the CFO of Bluewater Shipping, Mark Olsen": a title of a company, then the person.
const TITLE_OF_NAME = new RegExp(String.raw`\b(?:[Tt]he|[Tt]heir)\s+(${TITLE})\s+(?:of|at)\s+(${COMPANY}),\s*(${NAME})(?![\p{L}'’])`, 'u');
// "Jenny Wu (procurement mgr) @ Changhong Smart Home", "Mr. Tan (GM) from Xiamen Airlines", "Bob Chen CTO @ Ruijie Networks".
const NAME_TITLE_AT = new RegExp(String.raw`(?<![\p{L}'’])(${NAME})(?<!['’]s)\s*(?:\(\s*(${TITLE})\s*\)|\s(${TITLE}))\s*(?:@|at|from|of)\s+(${COMPANY})`, 'u');
// "Lucius Fox (COO)", "Norman (head of procurement)": a name with its title in brackets.
// ("Budi Santoso (Procurement Manager, +62 812 3456 7890)": the phone or e-mail after the title stays out of it.)
const NAME_PAREN_TITLE = new RegExp(String.raw`(?<![\p{L}'’])(${NAME})\s*\(\s*(?:their|the|our)?\s*(${TITLE})\s*(?:[,;]\s*[^()]*)?\)`, 'u');
// "Ms. Xu, she's their buyer".
// ("Bronwyn Kelly at Saltbush Energy, she's their Head of IT": not the company's last word.)
const NAME_SHE_IS = new RegExp(String.raw`(?<![\p{L}'’])(?<!(?:from|at|@)\s+)(?<!\p{Lu}[\p{L}&.-]*\s+)(${NAME}),?\s+(?:she|he)(?:'s|’s| is)\s+(?:their|the|our)\s+(?:new\s+)?(${TITLE})(?![\p{L}])`, 'u');
// "Sable Robotics's Jin Wu is now their head of IT".
const NAME_IS_NOW = new RegExp(String.raw`(?:(\p{Lu}[\p{L}\d&.-]*(?:\s+\p{Lu}[\p{L}\d&.-]*)?)(?:['’]s|(?<=s)['’])\s+)?(${NAME})(?:\s+(?:at|from|@)\s+(\p{Lu}[\p{L}\d&.-]*(?:\s+\p{Lu}[\p{L}\d&.-]*)?))?\s+is\s+now\s+(?:(?:their|the|our)\s+)?(?:new\s+)?(${TITLE})(?![\p{L}])`, 'u');
// "met their CTO Jason Li", "the procurement lead Sarah": a title, then the person.
const THEIR_TITLE_NAME = new RegExp(String.raw`(?:\b(?:[Tt]heir|[Tt]he|[Oo]ur)\s+|,\s*|\b(?:[Mm]et|with|w\/|to|[Ee]mailed|[Cc]alled|[Pp]inged)\s+|—\s*|-\s+|(?<=\b\p{Lu}\p{Ll}[\p{L}\d&.-]*)\s+(?=[a-z]))(${title('??')})\s+(${NAME})(?![\p{L}'’])`, 'u');
// (", facilities manager Ken Ito wants…": after a pause, a title then the person too.)
// "Acme's procurement lead John Park", "Unilever's David" (the owner capitalised: not "how's Initech").
const OWNER_TITLE_NAME = new RegExp(String.raw`(?<=(?<![\p{L}])\p{Lu}[\p{L}\d&.-]*)(?:['’]s|(?<=s)['’])\s+(?:(${title('??')})\s+)?(${NAME})(?![\p{L}'’])`, 'u');
// In Chinese text, a title then an English name: "Sapphire Telco的VP Ops Anand Krishnan Nair",
// "的Director of Procurement Michelle Xu", "的秘书Jenny", "见了MD Mr. Raymond Teo"; and anywhere
// an acronym title before a form of address ("MD Mr. S. Ramasamy").
const ZH_TITLE = String.raw`[\u4e00-\u9fff]{0,4}?(?:秘书|法务|合伙人|老板|助理|总监|经理|主管|主任|负责人|总经理|副总|董事长|总裁|校长|院长|店长|工程师)`;
const TITLE_THEN_NAME_ZH = new RegExp(String.raw`(?:(?<=(?:[的了跟和与同见是|:：,，、]|^)\s?)([\u4e00-\u9fff]{0,4}?(?:${title('??')}|MD|DGM|AGM|Principal)|${ZH_TITLE})\s*(${NAME})|(?<![\p{L}])(MD|DGM|AGM|CEO|CFO|COO|CTO|CIO|GM|S?VP|AVP|Principal)\s+(${HONORIFIC}${BARE_NAME}))(?![A-Za-z'’])`, 'u');
const TITLE_THEN_NAME_EN = new RegExp(String.raw`(?<![\p{L}])(MD|DGM|AGM|CEO|CFO|COO|CTO|CIO|GM|S?VP|AVP|Principal)\s+(${HONORIFIC}${BARE_NAME})(?![A-Za-z'’])`, 'u');
// "called Hannah Cole at Bluegum Water, she's their procurement lead".
const NAME_AT_SHE_IS = new RegExp(String.raw`(?<![\p{L}'’])(${NAME})\s+(?:at|from|@)\s+(${COMPANY}),?\s+(?:she|he)(?:'s|’s| is)\s+(?:their|the|our)\s+(?:new\s+)?(${TITLE})(?![\p{L}])`, 'u');
// Capitalised words after a possessive that are no one's name.
const NOT_A_NAME = /^(?:Team|Board|Office|Offices|HQ|Headquarters|IT|Finance|Sales|Marketing|Legal|Procurement|Purchasing|Operations|Ops|Engineering|Management|Budget|Deal|Project|Contract|Order|Plant|Factory|Site|Group|Account|Side|People|Staff|Department|Dept|Renewal|Proposal|Quote|POC|CEO|CTO|CFO|COO|CIO|CMO|VP|GM|Q[1-4]|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Tomorrow|Next|This|New|Old|China|Asia|Europe|US|USA|UK|College|Hospital|University|School|Church|Academy|Institute|Clinic|Medical|Health|Healthcare|Category|Product|Project|Program|Brand|Regional|Area|General|Senior|Junior|Key|Facilities|Store|Country|Channel|Trade|Supply)\b/;
// A name is none of those words, after its Mr./Dr.
const LEADING_HONORIFIC = new RegExp(`^${HONORIFIC}`, 'u');
const isName = (name: string): boolean => !NOT_A_NAME.test(name.replace(LEADING_HONORIFIC, ''));

export interface Apposition { contact: string; title?: string; index: number; end: number; owner?: string }

// (An article is a word of its own: "AVP Finance" keeps its A.)
const trimTitle = (title: string): string => title.replace(/^(?:as\s+)?(?:(?:their|the|our|a|an)\s+)?/i, '').trim();

// Several slots ask about the same message: the last answer is kept.
let last: { text: string; found: Apposition | undefined } | undefined;

/** The person (and title) an English message names in apposition, if any. */
export function findApposition(text: string): Apposition | undefined {
  if (last?.text !== text) last = { text, found: /[A-Z]/.test(text) ? read(text) : undefined };
  return last.found;
}

function read(text: string): Apposition | undefined {
  // Every form here holds an English name: a text without two Latin letters in a row has none (#11, speed).
  if (!/[A-Za-z]{2}/.test(text)) return undefined;
  const zh = /[\u4e00-\u9fff]/.test(text) ? TITLE_THEN_NAME_ZH.exec(text) : TITLE_THEN_NAME_EN.exec(text);
  const [zhTitle, zhName] = [zh?.[1] || zh?.[3], zh?.[2] || zh?.[4]];
  // ("，Head of Supply Chain，mobile…": one word after "of X" is the department's second word, no person.)
  const deptTail = /\bof\s+\S+$/i.test(zhTitle ?? '') && !/\s/.test((zhName ?? '').replace(LEADING_HONORIFIC, ''));
  if (zh && zhTitle && zhName && isName(zhName) && !deptTail) return { contact: zhName, title: trimTitle(zhTitle), index: zh.index, end: zh.index + zh[0].length };
  const listed = NAME_COMPANY_TITLE.exec(text);
  if (listed?.[1] && listed[3] && isName(listed[1])) {
    return { contact: listed[1], title: trimTitle(listed[3]), index: listed.index, end: listed.index + listed[0].length, owner: listed[2] };
  }
  const titleOf = TITLE_OF_NAME.exec(text);
  if (titleOf?.[3] && titleOf[1] && isName(titleOf[3])) {
    return { contact: titleOf[3], title: trimTitle(titleOf[1]), index: titleOf.index, end: titleOf.index + titleOf[0].length, owner: titleOf[2] };
  }
  const paren = NAME_PAREN.exec(text);
  // ("Arthur Dent (Head of IT)": IT is the department, not a company.)
  if (paren?.[1] && paren[2] && isName(paren[1]) && !NOT_A_NAME.test(paren[3] ?? '')) {
    return { contact: paren[1], title: trimTitle(paren[2]), index: paren.index, end: paren.index + paren[0].length, ...(paren[3] && { owner: paren[3] }) };
  }
  const at = NAME_TITLE_AT.exec(text);
  if (at?.[1] && (at[2] ?? at[3]) && isName(at[1])) {
    return { contact: at[1], title: trimTitle((at[2] ?? at[3])!), index: at.index, end: at.index + at[0].length, owner: at[4] };
  }
  const bracketed = NAME_PAREN_TITLE.exec(text);
  if (bracketed?.[1] && bracketed[2] && isName(bracketed[1])) {
    return { contact: bracketed[1], title: trimTitle(bracketed[2]), index: bracketed.index, end: bracketed.index + bracketed[0].length };
  }
  const atShe = NAME_AT_SHE_IS.exec(text);
  if (atShe?.[1] && atShe[3] && isName(atShe[1])) return { contact: atShe[1], title: trimTitle(atShe[3]), index: atShe.index, end: atShe.index + atShe[0].length, owner: atShe[2] };
  const she = NAME_SHE_IS.exec(text);
  if (she?.[1] && she[2] && isName(she[1])) return { contact: she[1], title: trimTitle(she[2]), index: she.index, end: she.index + she[0].length };
  const now = NAME_IS_NOW.exec(text);
  if (now?.[2] && now[4] && isName(now[2])) {
    const owner = now[1] ?? now[3];
    return { contact: now[2], title: trimTitle(now[4]), index: now.index, end: now.index + now[0].length, ...(owner && { owner }) };
  }
  // "Opal Telecom, their VP eng Chris Doyle": the title belongs to the person after it.
  const titled = THEIR_TITLE_NAME.exec(text);
  // ", VP Engineering": a department word after a title is no person.
  const their = titled?.[2] && isName(titled[2]) ? titled : null;
  const claimed = NAME_COMMA_TITLE.exec(text);
  const comma = claimed && their && their.index < claimed.index + claimed[0].length && their.index > claimed.index ? null : claimed;
  // "at Lotus Retail, VP Procurement": a run after at/from is the company, not the person.
  const company = comma && /\b(?:at|from|of|for|@)\s+$/i.test(text.slice(0, comma.index));
  if (comma?.[1] && comma[3] && !company && isName(comma[1])) {
    return { contact: comma[1], title: trimTitle(comma[3]), index: comma.index, end: comma.index + comma[0].length, ...(comma[2] && { owner: comma[2] }) };
  }
  const owned = OWNER_TITLE_NAME.exec(text);
  const name = owned?.[2];
  // "F&N's Shah Alam plant": a place of the company is no person.
  const place = owned && /^\s+(?:plant|factory|office|warehouse|outlet|store|branch|site|hq|campus|facility)\b/i.test(text.slice(owned.index + owned[0].length));
  if (owned && name && isName(name) && !place) {
    // The name ends before a capitalised word that is not a name ("Unilever's David Next Friday" is David).
    const contact = name.split(/\s+/).filter((w, i) => i === 0 || !NOT_A_NAME.test(w)).join(' ');
    return { contact, ...(owned[1] ? { title: trimTitle(owned[1]) } : {}), index: owned.index, end: owned.index + owned[0].length };
  }
  if (their?.[1] && their[2] && isName(their[2])) {
    return { contact: their[2], title: trimTitle(their[1]), index: their.index, end: their.index + their[0].length };
  }
  return undefined;
}
