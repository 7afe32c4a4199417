const { parseClientFile } = await import("./src/import/parse-client-file.js");
const { openDatabase } = await import("./src/db/client.js");
const { previewImport, confirmImportBatch } = await import("./src/domain/import-batches.js");
const { createTeam, joinTeam } = await import("./src/domain/teams.js");
const { execFileSync } = await import("node:child_process");
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
const db = openDatabase("/tmp/prof-bench.sqlite"); const now = new Date();
const { team, member } = createTeam(db, { name: "B", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "A" }, now });
OWNERS.forEach((name, i) => joinTeam(db, { team, role: "manager", person: { telegramId: 1000 + i, name }, now }));
const parsed: any = await parseClientFile(csv, "b.csv", { today: "2026-11-23" });
const batchId = previewImport(db, { teamId: team.id, actorMemberId: member.id, fileName: "b.csv", parsed: { rows: parsed.rows, rejected: [], warnings: [], presentFields: Object.keys(parsed.columns), totalRows: 1 }, now }).batchId;
const { Session } = await import("node:inspector/promises");
const session = new Session(); session.connect();
await session.post("Profiler.enable"); await session.post("Profiler.start");
const s = performance.now();
confirmImportBatch(db, { batchId, actor: { memberId: member.id, teamId: team.id, role: "lead" }, mode: "all", now });
console.log("confirm ms", Math.round(performance.now() - s));
const { profile } = await session.post("Profiler.stop");
// self time per function
const self = new Map<string, number>();
const dt = profile.timeDeltas!; const samples = profile.samples!;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + dt[i]! / 1000); }
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${Math.round(v)}ms ${k}`).join("\n"));
