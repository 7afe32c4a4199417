// Copies of the live database through SQLite's online backup API: safe while the bot runs (WAL readers are
// not blocked, writers are not stopped). Used by `npm run backup` and by the daily backup.
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";

export async function backupDatabase(sourcePath: string, targetPath: string): Promise<{ pages: number }> {
  if (!existsSync(sourcePath)) throw new Error(`No database at ${sourcePath}`);
  if (existsSync(targetPath)) throw new Error(`${targetPath} already exists; choose a new file name`);
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    const result = await source.backup(targetPath);
    const copy = new Database(targetPath, { readonly: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`The copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}


const DAILY = /^handover-(\d{4}-\d{2}-\d{2})\.sqlite$/;

/** Where the daily copies go: a `backups` folder next to the database. */
export function backupFolder(databasePath: string): string {
  return join(dirname(databasePath), "backups");
}

/** The daily copy for `day` (YYYY-MM-DD), unless it exists; then only the newest `keep` copies stay. */
export async function dailyBackup(databasePath: string, day: string, keep: number): Promise<{ made: boolean; removed: string[] }> {
  const folder = backupFolder(databasePath);
  mkdirSync(folder, { recursive: true });
  const target = join(folder, `handover-${day}.sqlite`);
  const made = !existsSync(target);
  if (made) await backupDatabase(databasePath, target);
  const copies = readdirSync(folder).filter((f) => DAILY.test(f)).sort();
  const removed = copies.slice(0, Math.max(0, copies.length - keep));
  for (const f of removed) for (const suffix of ["", "-wal", "-shm"]) rmSync(join(folder, f + suffix), { force: true });
  return { made, removed };
}
