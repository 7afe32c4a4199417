// npm run backup -- <file>: a consistent copy of the live database, safe while the bot runs.
import { backupDatabase } from "../db/backup.js";
import { ConfigError, loadDatabaseConfig, readEnvFile } from "../platform/config.js";

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  const target = process.argv[2];
  if (!target) {
    console.error("Usage: npm run backup -- <file>");
    process.exit(1);
  }
  let source: string;
  try {
    readEnvFile();
    source = loadDatabaseConfig(process.env).databasePath;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
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

export { backupDatabase };
