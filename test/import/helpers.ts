// Fixture builders for the import tests: every file is generated in code.
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { expect } from "vitest";
import { parseClientFile } from "../../src/import/parse-client-file.js";
import type { ParseOptions, ParseResult } from "../../src/import/types.js";

export const TODAY = "2026-06-15";

export type Ok = Extract<ParseResult, { ok: true }>;
export type Failed = Extract<ParseResult, { ok: false }>;

export async function parse(bytes: Uint8Array | string, fileName = "clients.csv", options: ParseOptions = {}): Promise<ParseResult> {
  const data = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  return parseClientFile(data, fileName, { today: TODAY, ...options });
}

export async function parseOk(bytes: Uint8Array | string, fileName = "clients.csv", options: ParseOptions = {}): Promise<Ok> {
  const result = await parse(bytes, fileName, options);
  if (!result.ok) expect.fail(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

export async function parseFail(bytes: Uint8Array | string, fileName = "clients.csv", options: ParseOptions = {}): Promise<Failed> {
  const result = await parse(bytes, fileName, options);
  if (result.ok) expect.fail(`expected a file error, got ok with ${result.rows.length} rows`);
  return result;
}

/** Lines joined with CRLF, as Excel writes them. */
export function csv(...lines: string[]): string {
  return `${lines.join("\r\n")}\r\n`;
}

export function cp1251(text: string): Buffer {
  return iconv.encode(text, "win1251");
}

export function utf8Bom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

export function utf16leBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

export function utf16beBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf16-be")]);
}

export type CellInput = ExcelJS.CellValue;

/** An .xlsx whose first visible sheet holds `rows` from A1 (before: hidden sheets in front). */
export async function xlsx(rows: CellInput[][], setup?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Клиенты");
  for (const r of rows) ws.addRow(r);
  setup?.(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Override the uncompressed size written in the headers (to lie about it). */
  declaredSize?: number;
  store?: boolean;
}

/** A minimal zip writer, so tests can craft archives that lie about their sizes. */
export function zip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = e.store ? e.data : deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Rewrites the declared uncompressed size of `entryName` in the central directory of a real zip. */
export function patchDeclaredSize(file: Buffer, entryName: string, size: number): Buffer {
  const out = Buffer.from(file);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = out.readUInt32LE(eocd + 16);
  const count = out.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const nameLen = out.readUInt16LE(p + 28);
    const name = out.toString("utf8", p + 46, p + 46 + nameLen);
    if (name === entryName) {
      out.writeUInt32LE(size, p + 24);
      return out;
    }
    p += 46 + nameLen + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  throw new Error(`no entry ${entryName}`);
}

export function rowByName(result: Ok, name: string): Ok["rows"][number] {
  const row = result.rows.find((r) => r.name === name);
  if (!row) expect.fail(`no row named ${name}; have ${result.rows.map((r) => r.name).join(", ")}`);
  return row;
}
