// The chart's font: Noto Sans S Chinese (Source Han Sans SC, from @embedpdf/fonts-sc), cut
// down for each chart to exactly the characters its SVG contains, then handed to resvg.
// Why cut it: given the whole 8.4 MB font, resvg spends ~6 ms of CPU on every text element (a
// chart has ~60); given a ~19 KB subset it spends less than with DejaVu Sans. The subsetter is
// HarfBuzz's hb-subset (harfbuzzjs, WebAssembly); the faces are read into it once per process.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/** The family name inside the font's name table (what the SVG's font-family must say). */
export const CHART_FONT_FAMILY = 'Noto Sans S Chinese';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const WEIGHTS = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;
type Weight = keyof typeof WEIGHTS;
// For characters the CJK font lacks (Thai, Arabic, …): DejaVu Sans where Debian puts it.
const FALLBACK = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'].filter((f) => existsSync(f));

// hb-subset's C API (harfbuzz/src/hb-subset.h): memory mode, flags, the name-id set.
const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_SETS_NAME_ID = 4;
// Name ids 0–6 are kept by default; 16/17 (typographic family/style) make Regular and Bold one
// family, so the SVG's bold titles find the bold face.
const NAME_IDS = [16, 17];

// The project's tsconfig has no DOM lib, where the WebAssembly types live: the little used here.
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: Wasm };

interface HbSubset {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

let loaded: { hb: HbSubset; faces: Record<Weight, number> } | undefined;
// The subsetter holds ~60 MB (both faces in WebAssembly memory): digests come once a day, so it
// is let go after a minute unused and loaded again (~50 ms) for the next chart.
const IDLE_MS = 60_000;
let idle: NodeJS.Timeout | undefined;

/** The WebAssembly subsetter and both faces, loaded on first use. */
function subsetter() {
  clearTimeout(idle);
  idle = setTimeout(() => { loaded = undefined; }, IDLE_MS).unref();
  if (loaded) return loaded;
  const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const { exports } = new wasmApi.Instance(new wasmApi.Module(wasm), {});
  (exports._initialize as () => void)();
  const hb = exports as unknown as HbSubset;
  const face = (file: string) => {
    const data = readFileSync(path.join(FONT_DIR, file));
    const ptr = hb.malloc(data.length);
    new Uint8Array(hb.memory.buffer).set(data, ptr);
    const blob = hb.hb_blob_create(ptr, data.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
    const f = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);
    return f;
  };
  loaded = { hb, faces: { regular: face(WEIGHTS.regular), bold: face(WEIGHTS.bold) } };
  return loaded;
}

/** An OTF of one weight holding the glyphs for `codePoints` (and nothing else). */
export function subsetFont(weight: Weight, codePoints: Iterable<number>): Buffer {
  const { hb, faces } = subsetter();
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  try {
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
    const names = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
    for (const id of NAME_IDS) hb.hb_set_add(names, id);
    hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    const out = hb.hb_subset_or_fail(faces[weight], input);
    if (!out) throw new Error(`subsetting ${WEIGHTS[weight]} failed`);
    const blob = hb.hb_face_reference_blob(out);
    const ptr = hb.hb_blob_get_data(blob, 0);
    const bytes = Buffer.from(new Uint8Array(hb.memory.buffer, ptr, hb.hb_blob_get_length(blob)));
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(out);
    return bytes;
  } finally {
    hb.hb_subset_input_destroy(input);
  }
}

/** Every character the SVG can draw: its text and markup as written, plus numeric entities. */
function codePoints(svg: string): Set<number> {
  const set = new Set<number>();
  for (const ch of svg) set.add(ch.codePointAt(0)!);
  for (const [, hex, dec] of svg.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi)) set.add(hex ? parseInt(hex, 16) : Number(dec));
  return set;
}

let seq = 0;

/** The SVG as a PNG, drawn with the chart font cut down to the SVG's characters. resvg loads
 * fonts only from files (resvg-js 2.6), so the two subsets live in temporary files meanwhile. */
export function renderSvgPng(svg: string): Buffer {
  const chars = codePoints(svg);
  const base = path.join(os.tmpdir(), `salesbot-chart-font-${process.pid}-${++seq}`);
  const files = (Object.keys(WEIGHTS) as Weight[]).map((w) => {
    const file = `${base}-${w}.otf`;
    writeFileSync(file, subsetFont(w, chars));
    return file;
  });
  try {
    const font = { loadSystemFonts: false, fontFiles: [...files, ...FALLBACK], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY };
    return new Resvg(svg, { font, fitTo: { mode: 'original' } }).render().asPng();
  } finally {
    for (const f of files) rmSync(f, { force: true });
  }
}
