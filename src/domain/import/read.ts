// Rows out of a spreadsheet: .xlsx through exceljs' streaming reader (a 100,000-row file never
// sits in memory as a workbook model), .csv in UTF-8 or GBK (what Excel in China saves).
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type Cell = string | number | Date;
export interface Sheet { headers: string[]; rows: Cell[][] }

export async function readSheet(file: string): Promise<Sheet> {
  const ext = path.extname(file).toLowerCase();
  const rows = ext === '.csv' ? await readCsv(file) : await readXlsx(file);
  const [head = [], ...body] = rows;
  return { headers: head.map((c) => text(c)), rows: body.filter((r) => r.some((c) => text(c) !== '')) };
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GBK. */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gbk');
  }
}

async function readCsv(file: string): Promise<Cell[][]> {
  const content = decodeText(await fs.readFile(file));
  return parse(content, { relax_column_count: true, skip_empty_lines: true }) as string[][];
}

async function readXlsx(file: string): Promise<Cell[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit',
  });
  const rows: Cell[][] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cell(values[i]));
      rows[row.number - 1] = cells;
    }
    break; // the first worksheet holds the customers
  }
  return Array.from(rows, (r) => r ?? []);
}

// exceljs cell values: plain, rich text, hyperlink, formula (its cached result) or error.
function cell(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.text !== undefined) return cell(o.text);
  if (o.result !== undefined) return cell(o.result);
  return '';
}

export function text(c: Cell | undefined): string {
  if (c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}
