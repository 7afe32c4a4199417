import { defineConfig } from "drizzle-kit";
import { loadDatabaseConfig } from "./src/platform/config.js";

export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
  // The same validated setting and default as the bot and the command-line tools.
  dbCredentials: { url: loadDatabaseConfig(process.env).databasePath },
});
