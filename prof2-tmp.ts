import { openDatabase } from "./src/db/client.js";
import { loadTeamSnapshot, planImport } from "./src/domain/client-import.js";
import { createTeam, joinTeam } from "./src/domain/teams.js";
import { parseClientFile } from "./src/import/parse-client-file.js";
const OWNERS = ["Борис Семёнов", "Вера Лебедева", "Глеб Орлов", "Дина Щукина", "Евгений Ким"];
const lines = ["ID;ФИО;Компания;Телефон;Email;Ответственный;Температура;Дата следующего контакта;Примечание;Обещания"];
for (let i = 0; i < 100000; i++) lines.push([`crm-${i}`, `Клиент ${i}`, `ООО ${i%5000}`, `+7916${String(1000000+i)}`, `c${i}@ex.ru`, OWNERS[i%5], "тёплый", "01.12.2026", i%4===0?"note":"", i%10===0?"договор до 05.12.2026":""].join(";"));
const csv = Buffer.from(lines.join("\n"));
const db = openDatabase(":memory:");
const now = new Date();
const { team, member } = createTeam(db, { name: "B", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "A" }, now });
OWNERS.forEach((name, i) => joinTeam(db, { team, role: "manager", person: { telegramId: 1000 + i, name }, now }));
const parsed: any = await parseClientFile(csv, "b.csv", { today: "2026-11-23" });
const snap = loadTeamSnapshot(db, team.id);
for (let k = 0; k < 5; k++) {
  const s = performance.now();
  planImport(snap, { actorMemberId: member.id, rows: parsed.rows, presentFields: Object.keys(parsed.columns) });
  console.log("plan", Math.round(performance.now() - s));
}
const m = new Map<string, number>(); let s = performance.now();
for (const r of parsed.rows) { m.set(r.externalId, 1); } console.log("map ext", Math.round(performance.now() - s));
const m2 = new Map<string, number>(); s = performance.now();
for (const r of parsed.rows) { m2.set(r.phones[0], 1); } console.log("map phone", Math.round(performance.now() - s));
s = performance.now(); JSON.stringify(parsed.rows); console.log("stringify", Math.round(performance.now() - s));
const objJson = JSON.stringify(parsed.rows);
const tup = parsed.rows.map((r: any) => [r.rowNumber, r.name, r.company, r.phones, r.email, r.externalId, r.owner, r.temperature, r.lastContactOn, r.nextContactOn, r.notes, r.commitments.length ? r.commitments.map((c: any) => [c.kind, c.text, c.dueOn]) : 0]);
const tupJson = JSON.stringify(tup);
console.log("sizes", objJson.length, tupJson.length);
for (let k = 0; k < 3; k++) {
  s = performance.now(); JSON.parse(objJson); console.log("parse obj", Math.round(performance.now() - s));
  s = performance.now(); const t = JSON.parse(tupJson); const back = t.map((a: any) => ({ rowNumber: a[0], name: a[1], company: a[2], phones: a[3], email: a[4], externalId: a[5], owner: a[6], temperature: a[7], lastContactOn: a[8], nextContactOn: a[9], notes: a[10], commitments: a[11] ? a[11].map((c: any) => ({ kind: c[0], text: c[1], dueOn: c[2] })) : [] })); console.log("parse tup+objects", Math.round(performance.now() - s));
}
