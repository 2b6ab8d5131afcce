// The customer company in an English message: a run of Capitalised words (Acme Corp, Stark
// Industries) that is not a weekday, a month, a person (Mr. Chen) or a sentence-opening verb.
// A lower-case name is taken only right after a verb or preposition that introduces one.

import { pinyinRun, suffixedCompany } from './latin-names.js';
import { ADDRESSED_NAME, findApposition } from './en-apposition.js';
import { isNotCompanyWord, lowerCompany, TITLED_OF } from './lower-names.js';

const STOP = new Set([
  'i', 'vc', 'f2f', 'hq', 'office', 'headquarters', 'team', 'quick', 'w', 'met', 'meet', 'sat', 'called', 'call', 'visited', 'visit', 'had', 'have', 'sent', 'send', 'email', 'emailed',
  'remind', 'new', 'add', 'customer', 'account', 'client', 'the', 'a', 'an', 'we', 'they', 'he', 'she',
  'proposal', 'negotiation', 'qualified', 'lead', 'stage', 'won', 'lost',
  'my', 'our', 'show', 'what', 'how', 'when', 'where', 'which', 'who', 'is', 'are', 'status', 'update', 'follow',
  'please', 'pls', 'can', 'could', 'just', 'today', 'tomorrow', 'tonight', 'yesterday', 'next', 'this', 'last',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ok', 'okay',
  'mr', 'mrs', 'ms', 'dr', 'miss', 'prof', 'ceo', 'cto', 'cfo', 'coo', 'cio', 'vp', 'tier', 'deal', 'demo', 'lunch',
  'dinner', 'coffee', 'spoke', 'talked', 'discussed', 'closed', 'won', 'lost', 'moved', 'signed', 'expected',
  'budget', 'around', 'about', 'with', 'at', 'to', 'for', 'from', 'and', 'or', 'of', 'on', 'in', 'by', 'hi', 'hello',
  'thanks', 'help', 'undo', 'pipeline', 'kpi', 'q1', 'q2', 'q3', 'q4', 'usd', 'rmb', 'wechat', 'phone',
  'contact', 'log', 'logged', 'note', 'quick', 'went', 'good', 'great', 'also', 'then', 'after', 'before', 'it',
  'callback', 'satisfaction', 'renewal', 'survey', 'schedule', 'set', 'ping', 'check', 'reach', 'touch', 'base',
  'demoed', 'pinged', 'phoned', 'messaged', 'texted', 'presented', 'pitched', 'chatted', 'shared', 'followed',
  'sync', 'chat', 'meeting', 'meetings', 'onsite', 'dropped', 'stopped', 'caught', 'spent', 'our', 'their', 'its',
  'any', 'news', 'latest', "what's", 'whats', "demo'd", 'good', 'vibes', 'did', 'gave', 'ran', 'done', 'hopping', 'hopped', 'jumped', 'got',
  'industry', 'title', 'director', 'manager', 'head', 'owner', 'founder', 'president', 'things', 'everything', 'everyone', 'everybody', 'you',
  // Orders to the bot ("Move Umbrella Health to proposal") and the kind of a callback ("Holiday care call to SAP").
  // Documents sent, not companies: "send the SOW to Globex".
  'po', 'qbr', 'ebr', 'vendor', 'need', 'needs', 'sign', 'signing', 'sow', 'nda', 'msa', 'rfp', 'rfq', 'rfi', 'poc', 'ppt', 'pdf', 'deck', 'invoice', 'contract', 'quote', 'specs', 'spec', 'pricing', 'sla',
  'back', 'again', 'up', 'out', 'over', 'them', 'him', 'her', 'us', 'me', 'sorry', 're', 'regarding', 'later', 'twice',
  'recap', 'summary', 'fyi', 'notes', 'heads', 'video', 'marketing', 'follow-up', 'followup', 'close', 'closing', 'eta', 'hoping', 'targeting', 'target',
  'move', 'push', 'mark', 'bump', 'advance', 'feedback', 'holiday', 'festive', 'care', 'courtesy', 'routine', 'quarterly', 'complaint',
  // Words of a request or a score ("Kindly update: …", "CSAT callback for Globex").
  'kindly', 'plan', 'csat', 'nps', 'csm', 'cny', 'lunar', 'year', 'xmas', 'christmas', 'diwali', 'deepavali', 'raya', 'hari', 'thanksgiving', 'ramadan', 'rang', 'ring', 'tender', 'principal', 'mob', 'mobile', 'cell',
]);
// Words trimmed only from the start of a run: "Coffee with Acme", but "Blue Bottle Coffee" is a name.
const LEADING_ONLY = new Set(['coffee', 'lunch', 'dinner', 'breakfast', 'drinks', 'meeting', 'demo', 'call', 'chat', 'sync', 'care', 'holiday', 'group', 'video', 'marketing', 'quick']);

// Latin-1 letters too: Nestlé, Müller, Société Générale.
// "Bank of America", "School of Fine Art": an institution word keeps its "of" inside the name.
// ("Kuehne+Nagel": a plus between capitalised words joins them.)
const CAP_RUN = /[A-ZÀ-Þ](?:[A-Za-z0-9À-ÿ&'.-]|\+(?=[A-Z]))*(?:\s+(?:&\s+)?[A-Z0-9À-Þ](?:[A-Za-z0-9À-ÿ&'.-]|\+(?=[A-Z]))*|(?<=\b(?:Bank|University|School|College|Institute|Museum|Academy|Hospital|Ministry|Department|Bureau|Board|City|Port|State|Society|Association|Federation|Chamber|Church))\s+of\s+(?:the\s+)?(?=[A-Z])[A-Za-z0-9À-ÿ&'.-]+)*/g;
const PERSON = new RegExp(String.raw`(?<![A-Za-z])${ADDRESSED_NAME}`, 'gu');
const AFTER_VERB = /(?<=\b(?:at|with|called|call|visited|visit|emailed|email|met|meet|for|from|to|of|customer|client|account|ping|pinged)\s+)([a-z][a-z0-9&-]{2,30})\b/gi;

export const BRANCH_CITIES = new Set(['Mumbai', 'Delhi', 'Bangalore', 'Bengaluru', 'Chennai', 'Pune', 'Hyderabad', 'Kolkata', 'Noida', 'Gurgaon',
  'Gurugram', 'Ahmedabad', 'Jakarta', 'Manila', 'Bangkok', 'Dallas', 'Houston', 'Chicago', 'Boston', 'Seattle', 'Austin', 'Atlanta',
  'Denver', 'Phoenix', 'Manchester', 'Birmingham', 'Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Auckland', 'Dubai', 'Riyadh']);

function trimStops(run: string): string {
  const words = run.split(/\s+/);
  while (words.length && STOP.has((words[0] ?? '').toLowerCase().replace(/\.$/, ''))) words.shift();
  const trailing = (w: string) => STOP.has(w) && !LEADING_ONLY.has(w);
  while (words.length && trailing((words[words.length - 1] ?? '').toLowerCase().replace(/\.$/, ''))) words.pop();
  // "Reliance Retail Mumbai office", "Apollo Pharmacy Chennai": the city of a branch is no part of the name.
  // ("University of Sydney" is named after its city.)
  if (words.length >= 3 && BRANCH_CITIES.has((words[words.length - 1] ?? '').replace(/\.$/, '')) && !/^(?:of|de|du|di)$/i.test(words[words.length - 2] ?? '')) words.pop();
  // "Jollyfresh Retail HR team": the department met is no part of the name.
  if (words.length >= 3 && /^(?:HR|IT|Ops|Finance|Procurement|Purchasing|Legal|Admin|Marketing|Sales)$/.test(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ').replace(/[.,'-]+$/, '');
}

const IS_ROLE = /^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+is\s+(?:the|our)\b/;
// "add contact Hooli: Gavin Belson": a name followed by a colon is the company the list is for.
const NAMED_CONTACT = /\b(?:[Cc]ontact|[Cc]ontact person|POC|poc|[Pp]oint of contact)\s*(?:is|:)?\s+(?!at\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![A-Za-z]|\s*:|['’]s\b)/g;
// "Zoom meeting with Haier": a meeting platform in use is not the customer (a customer called Zoom still is).
const PLATFORM_USE = /\b(?:Zoom|Teams|Webex|Skype|Tencent Meeting|Lark|Feishu|DingTalk|Google Meet)\s+(?:(?:meeting|call|chat|session)s?\b|w\/|with\b)/gi;
// "Haier's CTO is David Liu": the person named after a title.
const TITLE_IS = /\b(?:CEO|CTO|CFO|COO|CIO|CMO|VP|GM|[A-Z][a-z]+ (?:Manager|Director|Lead|Head))\s+is\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g;
// A company after "at"/"from" ("Jane Doe at Initech") outranks an earlier capitalised run.
const AFTER_AT = /(?:\b(?:at|from)|@)\s+$/i;

// "…Blue Harbor Logistics. They're…": a full stop after a word of 4+ letters ends the name.
const SENTENCE_END = /(?<=[A-Za-z]{4})\.\s+(?=[A-Z])/g;

export const isEnglishStopWord = (word: string): boolean => STOP.has(word.toLowerCase());

const VERB_THEN_LOWER = /\b(?:how's|how is|at|with|called|call|visited|visit|emailed|email|met|meet|for|from|to|of|on|customer|client|account|ping|pinged)\s+(?=[a-z])/gi;

const STATUS_OF_LOWER = /^([a-z][a-z0-9&-]{1,30}(?:\s[a-z][a-z0-9&-]{1,30})?)\s+(?:status|update|news|latest)\s*\??$|\bhow(?:'s|’s| is| are)(?: things with)?\s+([a-z][a-z0-9&-]{2,30})\s+(?:going|doing|looking)\b|\b(?:update|news|latest) on\s+([a-z][a-z0-9&-]{2,30})\s*\??$/;

// "called johnson controls today re: HVAC", "status of siemens healthineers?", "bump the unilever
// deal": a lower-case name of one or two words, where the words around it say a name is there.
const LOWER_NAME = '([a-z][a-z0-9&-]{1,30}(?:\\s[a-z][a-z0-9&-]{1,30})?)';
const LOWER_END = '(?=\\s*(?:[,.;:?!|]|$)|\\s+(?:today|yesterday|tonight|this|last|re\\b|about|regarding|and|abt|earlier|again|back|to|for)\\b)';
const OPENING_LOWER = new RegExp(`^(?:just\\s+)?(?:called|visited|met(?: with)?|emailed|pinged|phoned|texted|messaged|spoke (?:to|with)|talked to)\\s+${LOWER_NAME}${LOWER_END}`);
const STATUS_OF = new RegExp(`\\b(?:status|update|news|latest)\\s+(?:of|on|for)\\s+${LOWER_NAME}\\s*\\??\\s*$`);
const THE_DEAL = new RegExp(`\\bthe\\s+${LOWER_NAME}\\s+(?:deal|account|opportunity|opp|project|contract|renewal|order)\\b`);
const ACRONYM = /^[A-Z]{2,5}$/;
function lowerName(text: string): string | undefined {
  for (const re of [OPENING_LOWER, STATUS_OF, THE_DEAL]) {
    const m = re.exec(text);
    const name = m?.[1];
    if (re === OPENING_LOWER && m && TITLED_OF.test(text.slice(m.index + m[0].length))) continue;
    if (name && !name.split(' ').some((w) => STOP.has(w) || isNotCompanyWord(w))) return name;
  }
  return lowerCompany(text, isEnglishStopWord);
}

const AT_LOWER = /\b(?:at|from)\s+(?=[a-z])/g;
const PERSON_OF_COMPANY = /\b(?:to|with|w\/|met|called|emailed|pinged)\s+[A-Z][a-z]+ [A-Z][a-z]+ of [A-Z]/;

// "status of bi ya di": a lower-case pinyin name of several short words. After "at"/"from"
// it outranks an earlier one, which is then a person ("met zhang wei at huawei").
function pinyinAfterVerb(text: string): string | undefined {
  for (const m of text.matchAll(AT_LOWER)) {
    const after = text.slice((m.index ?? 0) + m[0].length);
    const name = pinyinRun(after) ?? /^[a-z][a-z0-9&-]{2,30}(?![A-Za-z])/.exec(after)?.[0];
    if (name && !name.split(' ').some((w) => STOP.has(w))) return name;
  }
  for (const m of text.matchAll(VERB_THEN_LOWER)) {
    const run = pinyinRun(text.slice((m.index ?? 0) + m[0].length));
    if (run) return run;
  }
  return undefined;
}

// "Quick wechat w/ Tony (Skyline Realty)": the company in brackets after a person.
const BRACKETED_TITLE = /\b(?:VP|SVP|EVP|AVP|Dir|Director|Manager|Mgr|Head|Lead|Engineer|Officer|Owner|Founder|President|Chief|Buyer|Partner|CEO|CTO|CFO|COO|CIO|CMO|CISO|GM)\b/;
const PERSON_PAREN_COMPANY = /(?<![A-Z][\w&.'-]*\s)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s*[(（]\s*([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})\s*[)）]/;

// "add Kevin Tan as a contact for Sable Hospitality": the company the contact is for.
// ("add Mr. Lim to our contacts under DBS Bank" too.)
const CONTACT_FOR = /\b(?:as (?:a |the |our )?(?:new )?contact|to (?:our |the |my )?contacts?(?: list)?) (?:for|at|of|with|under) ([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*)*)/;

export function findCustomerEn(text: string): string | undefined {
  // ("…under DBS Bank. Will meet him…": the sentence ends the name.)
  const contactFor = CONTACT_FOR.exec(text)?.[1]?.replace(/\.(?:\s.*)?$/, '');
  if (contactFor) return contactFor;
  const bracketed = PERSON_PAREN_COMPANY.exec(text)?.[1];
  // "Miles Dyson (Dir. Engineering)", "Zaphod (VP Product)": a title in brackets is no company.
  if (bracketed && !STOP.has(bracketed.toLowerCase()) && !BRACKETED_TITLE.test(bracketed)) return bracketed;
  // A company suffix (Acme Corp, Globex Inc) names the customer outright.
  const suffixed = suffixedCompany(text, isEnglishStopWord);
  if (suffixed) return suffixed;
  // "Mark Reyes, CFO of Contoso": the person and their title are not the company.
  const app = findApposition(text);
  if (app?.owner && !STOP.has(app.owner.toLowerCase())) return app.owner;
  const plain = app ? `${text.slice(0, app.index)} , ${text.slice(app.end)}` : text;
  const withoutPeople = plain.replace(SENTENCE_END, ' , ').replace(PLATFORM_USE, ' , ').replace(PERSON, ' , ').replace(NAMED_CONTACT, ' , ').replace(IS_ROLE, ' , ').replace(TITLE_IS, ' , ');
  let first: string | undefined;
  const lower = lowerName(withoutPeople.trim());
  for (const m of withoutPeople.matchAll(CAP_RUN)) {
    // "Haier's CTO": the owner of a possessive is the name.
    // "Met Haier's CTO David": the run ends at its possessive.
    // "King's College London", "St Vincent's Hospital": an institution named after someone keeps its 's.
    const name = trimStops((m[0].split(/['’]s(?![A-Za-z])(?!\s+(?:College|Hospital|University|School|Church|Cathedral|Academy|Institute|Clinic|Medical|Health|Healthcare|Pharmacy|Garden|Gardens|Farm|Kitchen|Bakery)\b)/)[0] ?? '')).replace(/['’]s$/, '');
    if (name.length < 2 || /^[A-Z]$/.test(name) || /^\d/.test(name)) continue;
    // "Spoke to Gavin Belson of Hooli": a person's full name before 'of' and the company.
    if (PERSON_OF_COMPANY.test(withoutPeople.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + m[0].length + 5)) && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(name)) continue;
    // "met w/ Caroline at aperture science": a capitalised person before a lower-case company.
    if (lower && /^\s+(?:at|from|@)\s+[a-z]/.test(withoutPeople.slice((m.index ?? 0) + m[0].length))) continue;
    // "reply from Maria at Initech": a first name with a company after it is the person.
    const next = withoutPeople.slice((m.index ?? 0) + m[0].length);
    if (/^\s+(?:at|from|@)\s+[A-Z]/.test(next) && /^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(name) && !/\b(?:Corp|Inc|Ltd|Group|Bank|Labs)\b/.test(name)) continue;
    if (AFTER_AT.test(withoutPeople.slice(Math.max(0, (m.index ?? 0) - 6), m.index))) return name;
    first ??= name;
  }
  // "called johnson controls re: HVAC": a lower-case name said first outranks a later acronym.
  if (first && !(lower && ACRONYM.test(first))) return first;
  if (lower) return lower;
  const pinyin = pinyinAfterVerb(withoutPeople);
  if (pinyin) return pinyin;
  // "lenovo status?", "how's lenovo going", "update on lenovo": a lower-case name a status question is about.
  const asked = STATUS_OF_LOWER.exec(withoutPeople.trim());
  const about = asked?.[1] ?? asked?.[2] ?? asked?.[3];
  if (about && !STOP.has(about.toLowerCase())) return about;
  for (const m of withoutPeople.matchAll(AFTER_VERB)) {
    const lower = m[1];
    if (lower && !STOP.has(lower.toLowerCase())) return lower;
  }
  return undefined;
}
