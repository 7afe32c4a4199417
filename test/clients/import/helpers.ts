// Fixture builders for the import tests: every file is generated in code.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { expect } from "vitest";
import { parseClientFile } from "../../../src/clients/import/parse-client-file.js";
import type { ParseOptions, ParseResult } from "../../../src/clients/import/types.js";
import { zip as writeZip } from "../../hostile/corpus/zip.js";

export const TODAY = "2026-06-15";

export type Ok = Extract<ParseResult, { ok: true }>;
export type Failed = Extract<ParseResult, { ok: false }>;

export async function parse(bytes: Uint8Array | string, fileName = "clients.csv", options: Partial<ParseOptions> = {}): Promise<ParseResult> {
  const data = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  return parseClientFile(data, fileName, { today: TODAY, ...options });
}

export async function parseOk(bytes: Uint8Array | string, fileName = "clients.csv", options: Partial<ParseOptions> = {}): Promise<Ok> {
  const result = await parse(bytes, fileName, options);
  if (!result.ok) expect.fail(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

export async function parseFail(bytes: Uint8Array | string, fileName = "clients.csv", options: Partial<ParseOptions> = {}): Promise<Failed> {
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

/** A minimal zip writer, so tests can craft archives that lie about their sizes (the hostile corpus's). */
export function zip(entries: ZipEntrySpec[]): Buffer {
  return writeZip(entries.map((e) => ({ name: e.name, data: e.data, declaredSize: e.declaredSize, method: e.store ? 0 : 8 })));
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
