// Import of 100,000 generated rows through the bot's own path (parseClientFile -> previewImport ->
// confirmImportBatch, i.e. what a lead's file and tap do), next to a raw better-sqlite3 prepared-insert
// loop of the same parsed rows into the same table, in the same run.
//   import.rows_per_s      rows/s of the confirm step (re-plan + one transaction writing clients,
//                          events, commitments), the step the raw loop is the baseline for
//   import.ratio_vs_raw    import.rows_per_s / raw rows/s (target >= 0.5)
//   import.peak_rss_mb     peak RSS over the whole path, parse included (target < 300)
//   import.end_to_end_rows_per_s  parse + preview + confirm, for the full picture
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase, openDatabase } from "../src/db/client.js";
import { confirmImportBatch, previewImport } from "../src/domain/import-batches.js";
import { createTeam, joinTeam } from "../src/domain/teams.js";
import { parseClientFile } from "../src/import/parse-client-file.js";
import type { ParsedClientRow } from "../src/import/types.js";
import { peakRssMb, round, timeMs, type BenchResult } from "./lib.js";

const ROWS = 100_000;
const OWNERS = ["Борис Семёнов", "Вера Лебедева", "Глеб Орлов", "Дина Щукина", "Евгений Ким"];
const TEMPS = ["горячий", "тёплый", "холодный"];

function generateCsv(rows: number): Buffer {
  // Written in chunks, so generating the file leaves little garbage behind before the measurement.
  const chunks: Buffer[] = [Buffer.from("ID;ФИО;Компания;Телефон;Email;Ответственный;Температура;Дата следующего контакта;Примечание;Обещания\r\n")];
  let lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const digits = String(1000000 + i).padStart(7, "0");
    lines.push(
      [
        `crm-${i}`,
        `Клиент ${i} Иванов`,
        `ООО «Ромашка ${i % 5000}»`,
        `+7 916 ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`,
        `client${i}@example.ru`,
        OWNERS[i % OWNERS.length],
        TEMPS[i % 3],
        `${day}.12.2026`,
        i % 4 === 0 ? `"Звонить после обеда; просил счёт"` : "",
        i % 10 === 0 ? `договор до ${day}.12.2026` : "",
      ].join(";"),
    );
    if (lines.length === 1000) {
      chunks.push(Buffer.from(lines.join("\r\n") + "\r\n"));
      lines = [];
    }
  }
  if (lines.length) chunks.push(Buffer.from(lines.join("\r\n") + "\r\n"));
  return Buffer.concat(chunks);
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
function rawInsert(rows: ParsedClientRow[]): number {
  const { db, teamId, now, close } = freshTeam();
  const insert = db.$client.prepare(
    `INSERT INTO clients (team_id, external_id, name, company, phones, primary_phone, email, owner_id, temperature, status,
       last_contact_on, next_contact_on, notes, unassigned_since, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
  );
  const t = now.getTime();
  const start = process.hrtime.bigint();
  db.$client.transaction(() => {
    for (const r of rows) {
      insert.run(teamId, r.externalId, r.name, r.company, JSON.stringify(r.phones), r.phones[0] ?? null, r.email, 2, r.temperature, r.lastContactOn, r.nextContactOn, r.notes, null, t, t);
    }
  })();
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  close();
  return elapsed;
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

export async function run(): Promise<BenchResult[]> {
  let csv: Buffer | null = generateCsv(ROWS);
  const team = freshTeam();
  let confirmMs = 0;
  let totalMs = 0;
  const { peakMb } = await peakRssMb(async () => {
    totalMs = await timeMs(async () => {
      const batchId = await parseAndPreview(csv!, team);
      confirmMs = await timeMs(() => {
        const result = confirmImportBatch(team.db, { batchId, actor: { memberId: team.leadId, teamId: team.teamId, role: "lead" }, mode: "all", now: team.now });
        if (!result.ok || result.summary.created !== ROWS) throw new Error(`import did not create ${ROWS} clients: ${JSON.stringify(result).slice(0, 300)}`);
      });
    });
  });
  team.close();

  // The baseline gets the very rows the parser produced; best of three, as it is short and noise matters.
  const parsed = await parseClientFile(csv, "bench.csv", { today: "2026-11-23" });
  csv = null;
  if (!parsed.ok) throw new Error("bench file refused");
  const rawMs = Math.min(rawInsert(parsed.rows), rawInsert(parsed.rows), rawInsert(parsed.rows));
  const rate = ROWS / (confirmMs / 1000);
  const rawRate = ROWS / (rawMs / 1000);
  return [
    { name: "import.rows_per_s", value: Math.round(rate), unit: "rows/s", baseline: Math.round(rawRate), ratio: round(rate / rawRate) },
    { name: "import.ratio_vs_raw", value: round(rate / rawRate), unit: "x" },
    { name: "import.peak_rss_mb", value: round(peakMb, 1), unit: "MB" },
    { name: "import.end_to_end_rows_per_s", value: Math.round(ROWS / (totalMs / 1000)), unit: "rows/s" },
  ];
}
