// @ts-check
// One import in a fresh process, as `npm run import` runs it: plain node on the built program (dist/), no
// TypeScript loader in the process (tsx alone adds ~38 MB to an empty process's RSS, which is not the
// product's). `whole` takes the file's bytes through parse -> preview -> confirm -> committed; `raw` parses
// untimed, then times a prepared INSERT per row in one transaction (the floor). Prints {ms, rows,
// peakRssMb} as JSON. Run by import.bench.ts: `node bench/import-path.mjs whole|raw <file> <owners as JSON>`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { confirmImportBatch, previewImport } from "../dist/clients/import-batches.js";
import { parseClientFile } from "../dist/clients/import/parse-client-file.js";
import { closeDatabase, openDatabase } from "../dist/db/client.js";
import { createTeam, joinTeam } from "../dist/team/teams.js";

const [mode, file, ownersJson] = process.argv.slice(2);
if ((mode !== "whole" && mode !== "raw") || !file || !ownersJson) throw new Error("usage: import-path.mjs whole|raw <file> <owners as JSON>");
/** @type {string[]} */
const owners = JSON.parse(ownersJson);
const dir = mkdtempSync(join(tmpdir(), "import-path-"));
const db = openDatabase(join(dir, "bench.sqlite"));
const now = new Date("2026-11-23T06:00:00Z");
const { team, member } = createTeam(db, { name: "Bench", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "Анна" }, now });
owners.forEach((name, i) => joinTeam(db, { team, role: "manager", person: { telegramId: 1000 + i, name }, now }));
const fileName = file.endsWith(".xlsx") ? "clients.xlsx" : "clients.csv";
const parseOptions = { today: "2026-11-23", maxBytes: 200 * 1024 * 1024 };

let ms = 0;
let rows = 0;
if (mode === "whole") {
  const start = process.hrtime.bigint();
  const parsed = await parseClientFile(readFileSync(file), fileName, parseOptions);
  if (!parsed.ok) throw new Error(`refused: ${parsed.error}`);
  const preview = previewImport(db, {
    teamId: team.id,
    actorMemberId: member.id,
    fileName,
    parsed: { rows: parsed.rows, rejected: parsed.rejected, warnings: parsed.warnings, presentFields: Object.keys(parsed.columns), totalRows: parsed.totalRows },
    now,
  });
  const result = confirmImportBatch(db, { batchId: preview.batchId, actor: { memberId: member.id, teamId: team.id, role: "lead" }, mode: "all", now });
  if (!result.ok) throw new Error(`confirm: ${JSON.stringify(result).slice(0, 300)}`);
  rows = result.summary.created;
  ms = Number(process.hrtime.bigint() - start) / 1e6;
} else {
  const parsed = await parseClientFile(readFileSync(file), fileName, parseOptions);
  if (!parsed.ok) throw new Error(`refused: ${parsed.error}`);
  const insert = db.$client.prepare(
    `INSERT INTO clients (team_id, external_id, name, company, phones, primary_phone, email, owner_id, temperature, status,
       last_contact_on, next_contact_on, notes, unassigned_since, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
  );
  const t = now.getTime();
  const start = process.hrtime.bigint();
  db.$client.transaction(() => {
    for (const r of parsed.rows) {
      insert.run(team.id, r.externalId, r.name, r.company, JSON.stringify(r.phones), r.phones[0] ?? null, r.email, 2, r.temperature, r.lastContactOn, r.nextContactOn, r.notes, null, t, t);
    }
  })();
  ms = Number(process.hrtime.bigint() - start) / 1e6;
  rows = parsed.rows.length;
}
closeDatabase(db);
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ ms, rows, peakRssMb: peakRssMb() }) + "\n");

/**
 * This process's own peak RSS in MB: VmHWM, the high-water mark of the memory exec gave it. Not
 * resourceUsage().maxRSS: Linux carries a forked parent's size over exec, so every import run from a
 * bench process that had grown to 232 MB reported at least 232 MB (whole, raw and XLSX alike).
 */
function peakRssMb() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: maxRSS is the best there is
  }
  return process.resourceUsage().maxRSS / 1024; // kilobytes
}
