import "dotenv/config";
import { closeDatabase, openDatabase } from "../db/client.js";

// Applies pending migrations and exits; the bot does the same at start.
const path = process.env.DATABASE_PATH || "./data/handover.sqlite";
const db = openDatabase(path);
closeDatabase(db);
console.log(`Database ${path} is up to date.`);
