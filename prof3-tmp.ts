import { openDatabase } from "./src/db/client.js";
import v8 from "node:v8"; import vm from "node:vm"; v8.setFlagsFromString("--expose-gc"); const gc = vm.runInNewContext("gc") as () => void;
import { parseClientFile } from "./src/import/parse-client-file.js";
import { previewImport, confirmImportBatch } from "./src/domain/import-batches.js";
import { createTeam, joinTeam } from "./src/domain/teams.js";
console.log("floor", Math.round(process.memoryUsage.rss()/1e6));
const OWNERS = ["Борис Семёнов", "Вера Лебедева", "Глеб Орлов", "Дина Щукина", "Евгений Ким"];
const TEMPS = ["горячий", "тёплый", "холодный"];
const lines = ["ID;ФИО;Компания;Телефон;Email;Ответственный;Температура;Дата следующего контакта;Примечание;Обещания"];
for (let i = 0; i < 100000; i++) { const day = String((i % 28) + 1).padStart(2, "0"); lines.push([`crm-${i}`, `Клиент ${i} Иванов`, `ООО «Ромашка ${i % 5000}»`, `+7 916 ${String(1000000 + i)}`, `client${i}@example.ru`, OWNERS[i % 5], TEMPS[i % 3], `${day}.12.2026`, i % 4 === 0 ? `"Звонить после обеда; просил счёт"` : "", i % 10 === 0 ? `договор до ${day}.12.2026` : ""].join(";")); }
const csv = Buffer.from(lines.join("\r\n")); lines.length = 0;
let peak = 0; const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 5);
const mb = () => `rss=${Math.round(process.memoryUsage.rss()/1e6)} heap=${Math.round(process.memoryUsage().heapUsed/1e6)} peak=${Math.round(peak/1e6)}`;
gc(); console.log("start", mb(), "csv", csv.length);
const db = openDatabase("/tmp/prof-bench.sqlite"); const now = new Date();
const { team, member } = createTeam(db, { name: "B", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "A" }, now });
OWNERS.forEach((name, i) => joinTeam(db, { team, role: "manager", person: { telegramId: 1000 + i, name }, now }));
let batchId = 0;
{
  const parsed: any = await parseClientFile(csv, "b.csv", { today: "2026-11-23" });
  console.log("parsed", mb()); gc(); console.log("parsed after gc", mb());
  batchId = previewImport(db, { teamId: team.id, actorMemberId: member.id, fileName: "b.csv", parsed: { rows: parsed.rows, rejected: [], warnings: [], presentFields: Object.keys(parsed.columns), totalRows: 1 }, now }).batchId;
  console.log("previewed", mb());
}
gc(); console.log("after gc", mb());
const r = confirmImportBatch(db, { batchId, actor: { memberId: member.id, teamId: team.id, role: "lead" }, mode: "all", now });
console.log("confirmed", r.ok, mb()); gc(); console.log("after gc", mb());
clearInterval(timer);
