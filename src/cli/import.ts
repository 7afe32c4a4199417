// npm run import -- --team <id> [--as <member id>] [--valid-only] [--dry-run] file.csv
// A big file straight into the database, through the same parser and the same import rules as the bot
// (applyImport: one transaction, all or nothing). Prints a summary; personal data stays out of it except
// the row numbers and values the operator needs to fix the file.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { and, asc, eq } from "drizzle-orm";
import { closeDatabase, openDatabase, type Db } from "../db/client.js";
import { members } from "../db/schema.js";
import { localDate } from "../platform/calendar.js";
import { systemClock } from "../platform/clock.js";
import { applyImport } from "../clients/import-apply.js";
import { planImport } from "../clients/import-plan.js";
import { loadTeamSnapshot } from "../clients/import-snapshot.js";
import type { ImportMode, ImportSummary } from "../clients/import-summary.js";
import { distinctRows } from "../clients/import-batches.js";
import { teamLines } from "../team/team-list.js";
import { getTeam } from "../team/teams.js";
import { ConfigError, loadDatabaseConfig, readEnvFile } from "../platform/config.js";
import { parseClientFile } from "../clients/import/parse-client-file.js";
import type { RowProblem } from "../clients/import/types.js";

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
  now: () => Date;
}

const USAGE = "usage: npm run import -- --team <id> [--as <member id>] [--valid-only] [--dry-run] <file.csv|file.xlsx>";
/** The bot cannot download more than Telegram's 20 MB; from the command line bigger files are fine. */
const CLI_MAX_BYTES = 512 * 1024 * 1024;

interface Args {
  team: number | null;
  as: number | null;
  mode: ImportMode;
  dryRun: boolean;
  file: string;
}

function parseArgs(argv: string[]): Args | string {
  let team: number | null = null;
  let as: number | null = null;
  let mode: ImportMode = "all";
  let dryRun = false;
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--team" || a === "--as") {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value <= 0) return `${a} needs a positive number`;
      if (a === "--team") team = value;
      else as = value;
    } else if (a === "--valid-only") mode = "valid_only";
    else if (a === "--dry-run") dryRun = true;
    else if (a.startsWith("--")) return `unknown option ${a}`;
    else if (file === null) file = a;
    else return "only one file at a time";
  }
  if (file === null) return "the file to import is required";
  return { team, as, mode, dryRun, file };
}

/** Returns the exit code: 0 imported (or dry run fine), 1 refused, 2 bad usage. */
export async function runImportCli(argv: string[], io: CliIo, dbOverride?: Db): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`${args}\n${USAGE}`);
    return 2;
  }
  let databasePath: string;
  try {
    databasePath = loadDatabaseConfig(io.env).databasePath;
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  const db = dbOverride ?? openDatabase(databasePath);
  try {
    if (args.team === null) {
      for (const line of teamLines(db)) io.err(line);
      io.err(`Which team? ${USAGE}`);
      return 2;
    }
    const team = getTeam(db, args.team);
    if (!team) {
      io.err(`No team ${args.team} in this database.`);
      return 1;
    }
    const actor = args.as
      ? db.select().from(members).where(and(eq(members.id, args.as), eq(members.teamId, team.id))).get()
      : db.select().from(members).where(and(eq(members.teamId, team.id), eq(members.role, "lead"), eq(members.status, "active"))).orderBy(asc(members.id)).get();
    if (!actor) {
      io.err(args.as ? `Member ${args.as} is not in team ${team.id}.` : `Team ${team.id} has no active lead to import as; pass --as <member id>.`);
      return 1;
    }

    let bytes: Buffer;
    try {
      if ((await stat(args.file)).size > CLI_MAX_BYTES) {
        io.err(`${args.file} is larger than ${CLI_MAX_BYTES / 1024 / 1024} MB; split it.`);
        return 1;
      }
      bytes = await readFile(args.file);
    } catch {
      io.err(`Cannot read ${args.file}.`);
      return 1;
    }
    const now = io.now();
    const parsed = await parseClientFile(bytes, basename(args.file), { today: localDate(now, team.timezone), maxBytes: CLI_MAX_BYTES });
    if (!parsed.ok) {
      io.err(fileError(parsed.error, parsed.headersSeen, parsed.rowNumber));
      return 1;
    }
    const presentFields = Object.keys(parsed.columns);
    const parseRejected = distinctRows(parsed.rejected);
    const plan = planImport(loadTeamSnapshot(db, team.id), { actorMemberId: actor.id, rows: parsed.rows, presentFields, keepNewDrafts: false });
    io.out(`${basename(args.file)}: ${parsed.totalRows} data rows (${parsed.encoding}${parsed.delimiter ? `, "${parsed.delimiter === "\t" ? "\\t" : parsed.delimiter}"` : ""}), importing as member ${actor.id} (${actor.role}).`);
    for (const line of summaryLines(plan.summary, parseRejected, parsed.rejected, parsed.warnings)) io.out(line);
    if (args.dryRun) {
      io.out("Dry run: nothing written.");
      return 0;
    }
    const result = applyImport(db, { teamId: team.id, actorMemberId: actor.id, rows: parsed.rows, mode: args.mode, now, presentFields, parseRejected });
    if (!result.ok) {
      io.err(`${result.rejected} rows have errors, so nothing was written. Fix them, or run again with --valid-only.`);
      return 1;
    }
    io.out(`Imported: ${result.summary.created} new, ${result.summary.updated} updated, ${result.summary.unchanged} unchanged.`);
    if (result.movedTo.size > 0) {
      // Loaded only when someone is to be told: the texts are not part of a plain import's memory.
      const [{ createI18n }, { noticeImportOwners }] = await Promise.all([import("../bot/i18n.js"), import("../clients/notices.js")]);
      const told = noticeImportOwners(db, createI18n(() => "ru"), {
        teamId: team.id, movedTo: result.movedTo, actorMemberId: actor.id, fileName: basename(args.file), batchKey: `cli:${now.getTime()}`, now,
      });
      if (told > 0) io.out(`Clients that were someone else's went to ${told} ${told === 1 ? "member, who hears" : "members, who hear"} it from the bot.`);
    }
    return 0;
  } finally {
    if (!dbOverride) closeDatabase(db);
  }
}

function fileError(error: string, headersSeen?: string[], rowNumber?: number): string {
  switch (error) {
    case "no_name_column":
      return `No client name column. Headers seen: ${(headersSeen ?? []).map((h) => `"${h}"`).join(", ") || "none"}. Needed: a name column such as ФИО, Имя, Контакт, Название or Name.`;
    case "broken_csv":
      return `Broken quotes near row ${rowNumber ?? "?"}: a quoted cell never closes.`;
    case "empty":
      return "The file has no data rows.";
    default:
      return `The file cannot be read (${error}). Send CSV (UTF-8 or Windows-1251) or XLSX.`;
  }
}

function summaryLines(s: ImportSummary, parseRejectedRows: number, rejected: RowProblem[], warnings: RowProblem[]): string[] {
  const lines = [
    `Plan: ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected + parseRejectedRows} rejected rows, ${s.commitments} commitments, ${s.unassigned} without an owner.`,
    `By temperature: hot ${s.perTemperature.hot}, warm ${s.perTemperature.warm}, cold ${s.perTemperature.cold}.`,
  ];
  if (s.perOwner.length) lines.push(`By owner: ${s.perOwner.map((o) => `${o.name}${o.isNew ? " (new, name only)" : ""} ${o.count}`).join(", ")}.`);
  for (const u of s.unknownOwners) lines.push(`Unknown owner "${u.name}" (rows ${u.rows.join(", ")}${u.count > u.rows.length ? ", …" : ""}) will be added as a name-only member.`);
  for (const m of s.nearMisses) lines.push(`Owner "${m.text}" (rows ${m.rows.join(", ")}${m.count > m.rows.length ? ", …" : ""}) looks like a typo of ${m.memberName}: not guessed, those new clients go to the unassigned pool (fix the file, or import in the bot to answer).`);
  if (s.noteFindings.total > 0) lines.push(`Found in the notes: ${s.noteFindings.total} possible commitments; not added from the command line (import in the bot to keep them).`);
  for (const o of s.inactiveOwners) lines.push(`Owner ${o.name} is leaving or gone: ${o.count} rows go to the unassigned pool (existing clients stay).`);
  const problems = [
    ...rejected.map((p) => `row ${p.rowNumber}: ${p.code}${p.value ? ` "${p.value}"` : ""} (rejected)`),
    ...s.problems.map((p) => `row ${p.rowNumber}: ${p.code}${p.value ? ` "${p.value}"` : ""} (rejected)`),
    ...warnings.map((p) => `row ${p.rowNumber}: ${p.code}${p.value ? ` "${p.value}"` : ""}${p.duplicateOf ? ` (merged into row ${p.duplicateOf})` : ""}`),
  ];
  for (const p of problems.slice(0, 50)) lines.push(`  ${p}`);
  if (problems.length > 50) lines.push(`  … and ${problems.length - 50} more`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    readEnvFile();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
  const code = await runImportCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
    now: () => systemClock.now(),
  });
  process.exitCode = code;
}
