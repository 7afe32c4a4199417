// Import of 100,000 generated rows through the bot's own path (parseClientFile -> previewImport ->
// confirmImportBatch, i.e. what a lead's file and tap do), next to a raw better-sqlite3 prepared-insert
// loop of the same parsed rows into the same table, in the same run.
//   import.rows_per_s      rows/s of the confirm step (re-plan + one transaction writing clients,
//                          events, commitments), the step the raw loop is the baseline for
//   import.ratio_vs_raw    import.rows_per_s / raw rows/s (target >= 0.5)
//   import.peak_rss_mb     peak RSS over the whole path, parse included (target < 300)
//   import.end_to_end_rows_per_s  parse + preview + confirm, for the full picture
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase, openDatabase } from "../src/db/client.js";
import { confirmImportBatch, forgetRecentImports, previewImport } from "../src/domain/import-batches.js";
import { createTeam, joinTeam } from "../src/domain/teams.js";
import { parseClientFile } from "../src/import/parse-client-file.js";
import type { ParsedClientRow } from "../src/import/types.js";
import { peakRssMb, round, timeMs, type BenchResult } from "./lib.js";

const ROWS = 100_000;
const OWNERS = ["Борис Семёнов", "Вера Лебедева", "Глеб Орлов", "Дина Щукина", "Евгений Ким"];
const TEMPS = ["горячий", "тёплый", "холодный"];

/**
 * The file a lead would send. Generated in a child process: building 100,000 lines leaves garbage that
 * V8 keeps as RSS for a while, and that would be charged to the import's peak.
 */
function generateCsv(rows: number): Buffer {
  const script = `
    const OWNERS = ${JSON.stringify(OWNERS)}, TEMPS = ${JSON.stringify(TEMPS)};
    const out = ["ID;ФИО;Компания;Телефон;Email;Ответственный;Температура;Дата следующего контакта;Примечание;Обещания"];
    for (let i = 0; i < ${rows}; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      const d = String(1000000 + i).padStart(7, "0");
      out.push([
        "crm-" + i, "Клиент " + i + " Иванов", "ООО «Ромашка " + (i % 5000) + "»",
        "+7 916 " + d.slice(0, 3) + "-" + d.slice(3, 5) + "-" + d.slice(5), "client" + i + "@example.ru",
        OWNERS[i % OWNERS.length], TEMPS[i % 3], day + ".12.2026",
        i % 4 === 0 ? '"Звонить после обеда; просил счёт"' : "", i % 10 === 0 ? "договор до " + day + ".12.2026" : "",
      ].join(";"));
    }
    process.stdout.write(out.join("\\r\\n") + "\\r\\n");
  `;
  return execFileSync(process.execPath, ["-e", script], { maxBuffer: 256 * 1024 * 1024 });
}

/** A team in a database file, as the bot runs (an in-memory database would count its pages as RSS). */
function freshTeam() {
  const dir = mkdtempSync(join(tmpdir(), "import-bench-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  const now = new Date("2026-11-23T06:00:00Z");
  const { team, member } = createTeam(db, { name: "Bench", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "Анна" }, now });
  OWNERS.forEach((name, i) => joinTeam(db, { team, role: "manager", person: { telegramId: 1000 + i, name }, now }));
  const close = () => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  };
  return { db, teamId: team.id, leadId: member.id, now, close };
}

/** The baseline: one prepared INSERT per row, one transaction, nothing else. */
function rawInsert(rows: ParsedClientRow[]): { wallMs: number; cpuMs: number } {
  const { db, teamId, now, close } = freshTeam();
  const insert = db.$client.prepare(
    `INSERT INTO clients (team_id, external_id, name, company, phones, primary_phone, email, owner_id, temperature, status,
       last_contact_on, next_contact_on, notes, unassigned_since, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
  );
  const t = now.getTime();
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  db.$client.transaction(() => {
    for (const r of rows) {
      insert.run(teamId, r.externalId, r.name, r.company, JSON.stringify(r.phones), r.phones[0] ?? null, r.email, 2, r.temperature, r.lastContactOn, r.nextContactOn, r.notes, null, t, t);
    }
  })();
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  close();
  return { wallMs: elapsed, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** What the bot does with a lead's file: parse, preview (stored batch), and nothing kept in memory after. */
async function parseAndPreview(csv: Buffer, team: ReturnType<typeof freshTeam>): Promise<number> {
  const parsed = await parseClientFile(csv, "bench.csv", { today: "2026-11-23" });
  if (!parsed.ok) throw new Error(`bench file refused: ${parsed.error}`);
  if (parsed.rows.length !== ROWS) throw new Error(`parsed ${parsed.rows.length} rows, expected ${ROWS}`);
  const preview = previewImport(team.db, {
    teamId: team.teamId,
    actorMemberId: team.leadId,
    fileName: "bench.csv",
    parsed: { rows: parsed.rows, rejected: parsed.rejected, warnings: parsed.warnings, presentFields: Object.keys(parsed.columns), totalRows: parsed.totalRows },
    now: team.now,
  });
  return preview.batchId;
}

/** One pass of the bot's path on a fresh team: returns the confirm step's and the whole path's times. */
async function botPath(csv: Buffer, restartBeforeTap = false): Promise<{ confirmMs: number; confirmCpuMs: number; totalMs: number }> {
  const team = freshTeam();
  let confirmMs = 0;
  let confirmCpuMs = 0;
  const totalMs = await timeMs(async () => {
    const batchId = await parseAndPreview(csv, team);
    // A restart between preview and tap: the rows must come back from the stored payload.
    if (restartBeforeTap) forgetRecentImports(team.db);
    const cpu0 = process.cpuUsage();
    confirmMs = await timeMs(() => {
      const result = confirmImportBatch(team.db, { batchId, actor: { memberId: team.leadId, teamId: team.teamId, role: "lead" }, mode: "all", now: team.now });
      if (!result.ok || result.summary.created !== ROWS) throw new Error(`import did not create ${ROWS} clients: ${JSON.stringify(result).slice(0, 300)}`);
    });
    const cpu = process.cpuUsage(cpu0);
    confirmCpuMs = (cpu.user + cpu.system) / 1000;
  });
  team.close();
  return { confirmMs, confirmCpuMs, totalMs };
}

export async function run(): Promise<BenchResult[]> {
  const csv = generateCsv(ROWS);
  // Peak memory is the first pass's: nothing but the bot's path has run in this process yet.
  const { result: first, peakMb } = await peakRssMb(() => botPath(csv));
  const parsed = await parseClientFile(csv, "bench.csv", { today: "2026-11-23" });
  if (!parsed.ok) throw new Error("bench file refused");
  // Interleaved, best of two each: the machine's noise hits both sides alike.
  const raw1 = rawInsert(parsed.rows);
  const second = await botPath(csv);
  const raw2 = rawInsert(parsed.rows);
  const restarted = await botPath(csv, true);
  const confirmMs = Math.min(first.confirmMs, second.confirmMs);
  const totalMs = Math.min(first.totalMs, second.totalMs);
  const rawMs = Math.min(raw1.wallMs, raw2.wallMs);
  const rate = ROWS / (confirmMs / 1000);
  const rawRate = ROWS / (rawMs / 1000);
  // CPU time is shown too: on a busy machine wall-clock time mostly measures the neighbours.
  const cpuRatio = Math.min(raw1.cpuMs, raw2.cpuMs) / Math.min(first.confirmCpuMs, second.confirmCpuMs);
  return [
    { name: "import.rows_per_s", value: Math.round(rate), unit: "rows/s", baseline: Math.round(rawRate), ratio: round(rate / rawRate) },
    { name: "import.ratio_vs_raw", value: round(rate / rawRate), unit: "x" },
    { name: "import.peak_rss_mb", value: round(peakMb, 1), unit: "MB" },
    { name: "import.end_to_end_rows_per_s", value: Math.round(ROWS / (totalMs / 1000)), unit: "rows/s" },
    { name: "import.ratio_vs_raw_cpu", value: round(cpuRatio), unit: "x" },
    { name: "import.rows_per_s_after_restart", value: Math.round(ROWS / (restarted.confirmMs / 1000)), unit: "rows/s", baseline: Math.round(rawRate), ratio: round(ROWS / (restarted.confirmMs / 1000) / rawRate) },
  ];
}
