// A company typed in lower case in English ("globex closed lost", "demo'd to wayne enterprises
// this morning", "lunch w/ dana from hooli"): one or two words, taken only where the words
// around them say a company is there, never by a list of companies.

type IsStop = (word: string) => boolean;

// Words that are in the bot's vocabulary but also start company names ("help scout", "pipeline partners").
const NAME_WORDS = new Set(['help', 'pipeline', 'care', 'base', 'group', 'holiday', 'deck']);
// Lower-case company suffixes: a name ending in one is a company outright.
const LOWER_SUFFIX = '(?:corp|corporation|inc|ltd|llc|industries|enterprises|group|holdings|technologies|partners|labs|systems|solutions|logistics|motors)';
// A people word after a name: "the initech folks", "oscorp's procurement team".
const PEOPLE = '(?:folks|team|guys|people|crew|office|hq|side|procurement|legal|finance)';

const WORD = '[a-z][a-z0-9&-]{1,30}';
const ONE = `(${WORD})`;
const TWO = `(${WORD}\\s${WORD})`;

// What follows a name: punctuation, a possessive, a people word, or a word that starts the next part.
const END = `(?=['’]s\\b|\\s*(?:[,.;:?!)|]|$)|\\s+(?:this|today|yesterday|tonight|tomorrow|next|last|about|re\\b|regarding|and|at|for|on|to|earlier|again|done|went|said|says|wants|was|is|are|were|agreed|confirmed|bumped|${PEOPLE})\\b)`;
// Words that introduce a company after them.
const BEFORE = '(?:(?:^|\\b)(?:to|at|from|with|called|call|visited|visit|met|meet|emailed|email|pinged|ping|phoned|texted|messaged|follow(?:\\s|-)?up(?:\\s+on)?|(?:swung|stopped|dropped|popped)\\s+by)\\s+(?:the\\s+)?|\\bw/\\s*(?:the\\s+)?|(?<=[A-Za-z]\\s?)(?<!(?:customer|account|client|contact|new|add)\\s?)@\\s*)';
// The company opening the sentence as its subject: "globex closed lost", "soylent's deal slipped".
const SUBJECT_VERB = '(?:[\'’]s\\b|\\s+(?:deal|account|opportunity|opp|project|contract|renewal|order|closed|signed|moved|slipped|is|was|went|has|have|wants|want|just|pushed|renewed|paid|churned|dropped|stalled|agreed|approved|accepted|rejected|declined|chose|picked|bumped|raised|increased|cut|upped|doubled)\\b)';

const SUFFIXED = new RegExp(`(?:^|\\s)((?:${WORD}\\s){1,2}${LOWER_SUFFIX})\\b`, 'g');
// Three words only up to a pause: "at harbor medical devices, …".
const AFTER = [new RegExp(`${BEFORE}(${WORD}\\s${WORD}\\s${WORD})(?=\\s*(?:[,.;:?!)|]|$))`, 'g'), new RegExp(`${BEFORE}${TWO}${END}`, 'g'), new RegExp(`${BEFORE}${ONE}${END}`, 'g')];
// "new customer: redstone building materials, construction, tier b".
const NEW_ACCOUNT = /^(?:new|add(?: a)?(?: new)?)\s+(?:customer|account|client)\s*:?\s*([a-z][a-z0-9&-]*(?:\s[a-z][a-z0-9&-]*){0,3})(?=\s*[,，;|]|\s+-\s|$)/;
const THREE = `(${WORD}\\s${WORD}\\s${WORD})`;
const SUBJECT = [THREE, TWO, ONE].map((name) => new RegExp(`(?:^|^[^:：]{1,24}[:：]\\s*)(?:the\\s+)?${name}(?:${SUBJECT_VERB}|\\s+${PEOPLE}\\b)`));
// "lost acme's renewal", "pinged initech's cto": a possessive owning a deal word or a person.
const OWNS = new RegExp(`\\b(${WORD})['’]s\\s+(?:[a-z]+\\s)?(?:deal|renewal|contract|account|opportunity|opp|order|project|budget|pilot|poc|rollout|cfo|cto|ceo|coo|cio|vp|${PEOPLE})\\b`, 'g');
// "went with salesforce": the competitor chosen is not the customer.
const CHOSE = /\b(?:went|gone|going|go)\s+(?:with|for)\s+(?:the\s+)?$|\b(?:chose|picked|switched to|lost (?:it )?to|signed with)\s+(?:the\s+)?$/;
// A person before "at"/"from" another name ("call bob at initech"): not the company.
const PERSON_OF = /^\s*(?:\s(?:at|from|of)\s+|@\s*)[a-z]/;

// "met jane, vp procurement at globex": a person with a title after her, the company after that.
export const TITLED_OF = /^\s*,\s*(?:the\s+|our\s+|their\s+)?(?:[a-z]+\s+){0,2}?(?:vp|svp|evp|head|director|manager|cto|ceo|cfo|coo|cio|lead|chief|gm|buyer|engineer|owner|founder|president)\b[^,.;]{0,30}?\s(?:at|of|from|@)\s+[a-z]/i;

// Who or what, but no company: "talked to procurement", "went with a cheaper vendor".
const NOT_NAME = new RegExp(`^(?:${PEOPLE}|vendors?|suppliers?|competitors?|boss|engineering|sales|marketing|hr|purchasing|management|someone|somebody|ops|it|security|him|her|them|us|me|you|lunch|dinner|coffee|drinks|breakfast|email|phone)$`);

/** A lower-case word that names a group of people or a thing, never a company ("procurement"). */
export const isNotCompanyWord = (word: string): boolean => NOT_NAME.test(word);

// Company words that end like a verb: "bluewave packaging", "apex engineering".
const COMPANY_ING = /^(?:packaging|engineering|consulting|building|trading|printing|mining|manufacturing|marketing|holding|clothing|housing|lighting|banking|shipping|publishing|catering|roofing|plumbing|flooring|staffing|advertising|broadcasting|united|limited|incorporated|automated|integrated|advanced)$/;

const PEOPLE_WORD = new RegExp(`^${PEOPLE}$`);

function fits(name: string, isStop: IsStop): boolean {
  const words = name.split(/\s+/);
  // "with acme slipped": a verb after a one-word name is not its second word.
  const last = words[words.length - 1] ?? '';
  if (words.length > 1 && (/^[a-z]{2,}(?:ed|ing)$|^(?:is|was|has|have|wants?|just|signed|paid)$/.test(last) && !COMPANY_ING.test(last))) return false;
  // A department word only opens no name: "northstar engineering" is one.
  return words.every((w, i) => (i > 0 ? !PEOPLE_WORD.test(w) : !NOT_NAME.test(w)) && (!isStop(w) || (i === 0 && words.length > 1 && NAME_WORDS.has(w))));
}

const LEADING_VERB = /^(?:see|saw|seeing|visiting|meeting|calling|emailing|joined|joining)$/;

function suffixed(text: string, isStop: IsStop): string | undefined {
  for (const m of text.matchAll(SUFFIXED)) {
    const words = (m[1] ?? '').split(/\s+/);
    while (words.length > 1 && (isStop(words[0] ?? '') || LEADING_VERB.test(words[0] ?? ''))) words.shift();
    if (words.length > 1) return words.join(' ');
  }
  return undefined;
}

/** The lower-case company of an English message, or undefined. */
export function lowerCompany(text: string, isStop: IsStop): string | undefined {
  const own = suffixed(text, isStop) ?? NEW_ACCOUNT.exec(text)?.[1];
  if (own) return own;
  for (const re of SUBJECT) {
    const name = re.exec(text)?.[1];
    if (name && fits(name, isStop)) return name;
  }
  for (const m of text.matchAll(OWNS)) {
    if (m[1] && fits(m[1], isStop)) return m[1];
  }
  for (const re of AFTER) {
    for (const m of text.matchAll(re)) {
      const name = m[1];
      const after = text.slice((m.index ?? 0) + m[0].length);
      const before = text.slice(0, (m.index ?? 0) + m[0].length - (name?.length ?? 0));
      if (name && fits(name, isStop) && !PERSON_OF.test(after) && !TITLED_OF.test(after) && !CHOSE.test(before)) return name;
    }
  }
  return undefined;
}
