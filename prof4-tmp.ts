import v8 from "node:v8"; import vm from "node:vm"; v8.setFlagsFromString("--expose-gc"); const gc = vm.runInNewContext("gc") as () => void;
const mb = () => `rss=${Math.round(process.memoryUsage.rss()/1e6)} heap=${Math.round(process.memoryUsage().heapUsed/1e6)} ext=${Math.round(process.memoryUsage().external/1e6)}`;
console.log("floor0", mb());
const { parseClientFile } = await import("./src/import/parse-client-file.js");
const { openDatabase } = await import("./src/db/client.js");
const { previewImport, confirmImportBatch } = await import("./src/domain/import-batches.js");
const { createTeam, joinTeam } = await import("./src/domain/teams.js");
const { execFileSync } = await import("node:child_process");
gc(); console.log("floor", mb());
const OWNERS = ["Борис Семёнов", "Вера Лебедева", "Глеб Орлов", "Дина Щукина", "Евгений Ким"];
const script = `
    const OWNERS = ${JSON.stringify(OWNERS)}, TEMPS = ["горячий","тёплый","холодный"];
    const out = ["ID;ФИО;Компания;Телефон;Email;Ответственный;Температура;Дата следующего контакта;Примечание;Обещания"];
    for (let i = 0; i < 100000; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      const d = String(1000000 + i).padStart(7, "0");
      out.push(["crm-" + i, "Клиент " + i + " Иванов", "ООО «Ромашка " + (i % 5000) + "»", "+7 916 " + d.slice(0, 3) + "-" + d.slice(3, 5) + "-" + d.slice(5), "client" + i + "@example.ru", OWNERS[i % OWNERS.length], TEMPS[i % 3], day + ".12.2026", i % 4 === 0 ? '"Звонить после обеда; просил счёт"' : "", i % 10 === 0 ? "договор до " + day + ".12.2026" : ""].join(";"));
    }
    process.stdout.write(out.join("\\r\\n") + "\\r\\n");`;
const csv = execFileSync(process.execPath, ["-e", script], { maxBuffer: 256 * 1024 * 1024 });
console.log("csv", csv.length, JSON.stringify(csv.subarray(0, 300).toString()));
console.log("after gen", mb());
const db = openDatabase("/tmp/prof-bench.sqlite"); const now = new Date();
const { team, member } = createTeam(db, { name: "B", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "A" }, now });
OWNERS.forEach((name, i) => joinTeam(db, { team, role: "manager", person: { telegramId: 1000 + i, name }, now }));
let batchId = 0;
{
  let s = performance.now();
  const parsed: any = await parseClientFile(csv, "b.csv", { today: "2026-11-23" });
  console.log("parsed", mb(), Math.round(performance.now() - s), parsed.rows.length);
  s = performance.now();
  batchId = previewImport(db, { teamId: team.id, actorMemberId: member.id, fileName: "b.csv", parsed: { rows: parsed.rows, rejected: [], warnings: [], presentFields: Object.keys(parsed.columns), totalRows: 1 }, now }).batchId;
  console.log("previewed", mb(), Math.round(performance.now() - s));
}
gc(); console.log("after gc", mb());
const s = performance.now();
const r = confirmImportBatch(db, { batchId, actor: { memberId: member.id, teamId: team.id, role: "lead" }, mode: "all", now });
console.log("confirmed", r.ok, mb(), Math.round(performance.now() - s)); gc(); console.log("after gc", mb());
