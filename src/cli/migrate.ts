// npm run db:migrate: applies pending migrations and exits; the bot does the same at start.
import { ConfigError, loadDatabaseConfig, readEnvFile } from "../platform/config.js";
import { closeDatabase, openDatabase } from "../db/client.js";

try {
  readEnvFile();
  const { databasePath } = loadDatabaseConfig(process.env);
  closeDatabase(openDatabase(databasePath));
  console.log(`Database ${databasePath} is up to date.`);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Migration failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
