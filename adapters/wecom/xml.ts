// A small XML reader for WeCom's callback bodies: elements, text, CDATA and the five standard
// entities (plus numeric character references) — nothing else. DOCTYPE, comments, processing
// instructions, attributes and unknown entities are refused, so there is nothing to expand or
// fetch (no XXE, no billion laughs). WeCom's messages are flat <xml><Field>…</Field></xml>;
// a few events nest one level (SelectedItems), which this reads as children.

export interface XmlElement { name: string; text: string; children: XmlElement[] }
export type XmlResult = { ok: true; root: XmlElement } | { ok: false; error: string };

const MAX_BYTES = 256 * 1024;
const MAX_DEPTH = 8;
const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlSyntaxError extends Error {}

export function parseXml(input: string): XmlResult {
  if (input.length > MAX_BYTES) return { ok: false, error: 'too large' };
  try {
    const r = new Reader(input);
    r.skipProlog();
    const root = r.element(0);
    r.skipSpace();
    if (!r.done()) throw new XmlSyntaxError('content after the root element');
    return { ok: true, root };
  } catch (err) {
    if (err instanceof XmlSyntaxError) return { ok: false, error: err.message };
    throw err;
  }
}

/** The root's leaf children as name → text (first occurrence wins); nested elements are skipped. */
export function leafFields(root: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of root.children) if (c.children.length === 0 && !(c.name in out)) out[c.name] = c.text;
  return out;
}

/** `<xml>` with each value in CDATA (numbers bare), the shape WeCom sends. */
export function toXml(fields: Record<string, string | number>, root = 'xml'): string {
  const cdata = (s: string) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
  const body = Object.entries(fields).map(([k, v]) => `<${k}>${typeof v === 'number' ? v : cdata(v)}</${k}>`).join('');
  return `<${root}>${body}</${root}>`;
}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  done() { return this.i >= this.s.length; }
  skipSpace() { while (/\s/.test(this.s[this.i] ?? '')) this.i++; }
  private startsWith(t: string) { return this.s.startsWith(t, this.i); }
  private fail(why: string): never { throw new XmlSyntaxError(`${why} at ${this.i}`); }

  skipProlog() {
    if (this.s.charCodeAt(0) === 0xfeff) this.i = 1;
    this.skipSpace();
    if (this.startsWith('<?xml')) {
      const end = this.s.indexOf('?>', this.i);
      if (end < 0) this.fail('unterminated declaration');
      this.i = end + 2;
      this.skipSpace();
    }
  }

  element(depth: number): XmlElement {
    if (depth > MAX_DEPTH) this.fail('nested too deep');
    if (this.s[this.i] !== '<' || this.startsWith('<!') || this.startsWith('<?')) this.fail('expected an element');
    this.i++;
    const name = this.name();
    this.skipSpace();
    if (this.startsWith('/>')) { this.i += 2; return { name, text: '', children: [] }; }
    if (this.s[this.i] !== '>') this.fail('attributes are not supported');
    this.i++;
    const el: XmlElement = { name, text: '', children: [] };
    this.content(el, depth);
    return el;
  }

  private name(): string {
    const m = NAME.exec(this.s.slice(this.i, this.i + 200));
    if (!m) this.fail('expected a name');
    this.i += m[0].length;
    return m[0];
  }

  private content(el: XmlElement, depth: number) {
    let text = '';
    for (;;) {
      if (this.done()) this.fail(`unterminated <${el.name}>`);
      if (this.startsWith('</')) {
        this.i += 2;
        if (this.name() !== el.name) this.fail(`mismatched </${el.name}>`);
        this.skipSpace();
        if (this.s[this.i++] !== '>') this.fail('expected >');
        break;
      }
      if (this.startsWith('<![CDATA[')) text += this.cdata();
      else if (this.s[this.i] === '<') el.children.push(this.element(depth + 1));
      else text += this.chars();
    }
    if (el.children.length && text.trim()) this.fail(`mixed content in <${el.name}>`);
    el.text = el.children.length ? '' : text;
  }

  private cdata(): string {
    const end = this.s.indexOf(']]>', this.i + 9);
    if (end < 0) this.fail('unterminated CDATA');
    const out = this.s.slice(this.i + 9, end);
    this.i = end + 3;
    return out;
  }

  private chars(): string {
    const end = this.s.indexOf('<', this.i);
    const raw = this.s.slice(this.i, end < 0 ? this.s.length : end);
    this.i += raw.length;
    return raw.replace(/&([^;&<]{0,10});?/g, (whole, ref: string) => this.entity(whole, ref));
  }

  private entity(whole: string, ref: string): string {
    if (!whole.endsWith(';')) this.fail('bare &');
    if (ENTITIES[ref] !== undefined) return ENTITIES[ref];
    const code = /^#x[0-9a-f]{1,6}$/i.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d{1,7}$/.test(ref) ? Number(ref.slice(1)) : NaN;
    if (!Number.isInteger(code) || code > 0x10ffff) this.fail(`unknown entity &${ref};`);
    return String.fromCodePoint(code);
  }
}
