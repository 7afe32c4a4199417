const { parseClientFile } = await import("./src/import/parse-client-file.js");
const { openDatabase } = await import("./src/db/client.js");
const { loadTeamSnapshot, planImport } = await import("./src/domain/client-import.js");
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
const db = openDatabase(":memory:"); const now = new Date();
const { team, member } = createTeam(db, { name: "B", timezone: "Europe/Moscow", founder: { telegramId: 1, name: "A" }, now });
OWNERS.forEach((name, i) => joinTeam(db, { team, role: "manager", person: { telegramId: 1000 + i, name }, now }));
const parsed: any = await parseClientFile(csv, "b.csv", { today: "2026-11-23" });
const rows = JSON.parse(JSON.stringify(parsed.rows));
const snap = loadTeamSnapshot(db, team.id);
for (let k = 0; k < 4; k++) { const c0 = process.cpuUsage(); planImport(snap, { actorMemberId: member.id, rows, presentFields: Object.keys(parsed.columns) }); const c = process.cpuUsage(c0); console.log("plan cpu", Math.round((c.user + c.system) / 1000)); }
const { Session } = await import("node:inspector/promises");
const session = new Session(); session.connect();
await session.post("Profiler.enable"); await session.post("Profiler.setSamplingInterval", { interval: 100 }); await session.post("Profiler.start");
planImport(snap, { actorMemberId: member.id, rows, presentFields: Object.keys(parsed.columns) });
const { profile } = await session.post("Profiler.stop");
const self = new Map<string, number>(); const dt = profile.timeDeltas!; const samples = profile.samples!;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-1)}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + dt[i]! / 1000); }
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${Math.round(v)}ms ${k}`).join("\n"));
// positions
const lines = new Map<string, number>();
for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); if (n.callFrame.functionName === "planImport" && n.positionTicks) {} }
