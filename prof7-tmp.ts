import { openDatabase } from "./src/db/client.js";
import { createTeam } from "./src/domain/teams.js";
import { rmSync } from "node:fs";
for (const cache of [-2000, -16000, -2000, -16000]) {
rmSync("/tmp/p7.sqlite", { force: true }); rmSync("/tmp/p7.sqlite-wal", { force: true });
const db = openDatabase("/tmp/p7.sqlite"); const now = new Date();
const { team } = createTeam(db, { name: "B", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "A" }, now });
const sqlite = db.$client;
sqlite.pragma(`cache_size = ${cache}`);
const rows = Array.from({ length: 100000 }, (_, i) => [team.id, `crm-${i}`, `Клиент ${i} Иванов`, `ООО Ромашка ${i % 5000}`, JSON.stringify([`+7916${1000000 + i}`]), `+7916${1000000 + i}`, `c${i}@example.ru`, 1, "warm", null, "2026-12-01", i % 4 ? null : "Звонить после обеда", null, 1, 1]);
const single = sqlite.prepare(`INSERT INTO clients (team_id, external_id, name, company, phones, primary_phone, email, owner_id, temperature, last_contact_on, next_contact_on, notes, unassigned_since, created_at, updated_at) VALUES (${new Array(15).fill("?").join(",")})`);
const c0 = process.cpuUsage(); const s = performance.now();
sqlite.transaction(() => { for (const r of rows) single.run(r); })();
const cpu = process.cpuUsage(c0);
console.log(cache, "wall", Math.round(performance.now() - s), "cpu", Math.round((cpu.user + cpu.system) / 1000), "rss", Math.round(process.memoryUsage.rss() / 1e6));
db.$client.close();
}
