// Files a lead would send: CSV in the encodings Russian offices produce, and XLSX, built in code.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { count, eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { clientEvents, clients, commitments, importBatches, members } from "../../src/db/schema.js";

export function csv(lines: string[], options: { encoding?: "utf8" | "utf8-bom" | "cp1251"; delimiter?: string } = {}): Buffer {
  const text = lines.map((l) => (options.delimiter ? l.replaceAll(";", options.delimiter) : l)).join("\r\n") + "\r\n";
  if (options.encoding === "cp1251") return iconv.encode(text, "win1251");
  if (options.encoding === "utf8-bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  return Buffer.from(text);
}

export async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Клиенты");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Everything an import may write, to prove that a refused or cancelled one wrote nothing. */
export function dbCounts(db: Db) {
  const n = (table: typeof clients | typeof commitments | typeof clientEvents | typeof members) => db.select({ n: count() }).from(table).get()!.n;
  return { clients: n(clients), commitments: n(commitments), events: n(clientEvents), members: n(members) };
}

export function batchStatuses(db: Db): string[] {
  return db.select({ status: importBatches.status }).from(importBatches).all().map((b) => b.status);
}

export function clientNamed(db: Db, name: string) {
  const c = db.select().from(clients).where(eq(clients.name, name)).get();
  if (!c) throw new Error(`no client ${name}`);
  return c;
}
