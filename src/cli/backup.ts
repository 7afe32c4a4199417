// npm run backup -- <file>: a consistent copy of the live database through SQLite's online backup API,
// safe while the bot runs (WAL readers are not blocked, writers are not stopped).
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import dotenv from "dotenv";

dotenv.config({ quiet: true });

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

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  const target = process.argv[2];
  const source = process.env.DATABASE_PATH || "./data/handover.sqlite";
  if (!target) {
    console.error("Usage: npm run backup -- <file>");
    process.exit(1);
  }
  backupDatabase(source, target).then(
    ({ pages }) => console.log(`Backed up ${source} to ${target} (${pages} pages).`),
    (err: Error) => {
      console.error(`Backup failed: ${err.message}`);
      process.exit(1);
    },
  );
}
