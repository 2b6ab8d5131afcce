// Input clean-up before any rule runs. Full-width letters, digits and a few symbols fold to
// ASCII so later regexes need one spelling; Chinese punctuation (，。：) is kept because names
// and reasons are returned as written. The length cap keeps every scan bounded.
export const MAX_SCAN = 600;

// Control characters and zero-width marks carry no meaning for us but break word boundaries.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]+/gu;
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff04\uff05\uff0b\uff0d\uff0e\uff0f\uff20\uff06]/g;

export function normalizeText(raw: string): string {
  const capped = raw.length > MAX_SCAN * 2 ? raw.slice(0, MAX_SCAN * 2) : raw;
  const text = capped
    .replace(CONTROL, ' ')
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
}
