// WeCom counts most limits in UTF-8 bytes (text and markdown content: 2048 bytes) and card
// fields in characters; both cuts keep whole characters and mark the cut with "…".

export function truncateBytes(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  let out = '';
  let bytes = Buffer.byteLength('…');
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return `${out}…`;
}

/** `s` in pieces of at most `max` UTF-8 bytes, whole characters, preferring to break after a newline. */
export function splitBytes(s: string, max: number): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) {
      const newline = current.lastIndexOf('\n');
      const keep = newline > current.length / 2 ? newline + 1 : current.length;
      parts.push(current.slice(0, keep).join(''));
      current = current.slice(keep);
      bytes = Buffer.byteLength(current.join(''));
    }
    current.push(ch);
    bytes += n;
  }
  if (current.length || !parts.length) parts.push(current.join(''));
  return parts;
}

export function truncateChars(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}
