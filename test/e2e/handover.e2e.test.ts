// A whole handover, as people would live it, against the built bot running as a process with long polling:
// a lead creates a team, managers join, the lead imports a Windows-1251 CRM export, offboards a manager on bad
// terms, distributes, the managers get their daily lists and call every client, nags fire, the checklist
// closes and the report is right.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotApiServer } from "../support/bot-api-server.js";
import { BOT_INFO, TEST_TOKEN } from "../support/harness.js";
import { chatView, runJobProcess, settle, SimUser, startBotProcess, type BotProcess } from "../support/process-bot.js";

const LEAVER_CLIENTS = 12;
const TOTAL_CLIENTS = 300;

let dir: string;
let dbPath: string;
let server: BotApiServer;
let bot: BotProcess;

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const count = (sql: string, ...params: unknown[]) => Object.values(query<Record<string, number>>(sql, ...params)[0]!)[0]!;

/** A CRM export as Russian Excel saves it: Windows-1251, `;`, quoted fields. */
function crmExport(): Buffer {
  const temps = ["горячий", "тёплый", "холодный"];
  const lines = ["ФИО;Мобильный телефон;Компания;Ответственный;Этап;Дата следующего контакта;Обещания"];
  for (let i = 0; i < TOTAL_CLIENTS; i++) {
    const owner = i < LEAVER_CLIENTS ? "Мария Иванова" : i % 2 === 0 ? "Ольга Петрова" : "Пётр Сидоров";
    const promise = i === 0 ? "прислать договор до 30.11.2026" : "";
    lines.push(`"Клиент №${i + 1}";8 916 ${String(1000000 + i).slice(0, 3)}-${String(1000000 + i).slice(3, 5)}-${String(1000000 + i).slice(5)};"ООО ""Ромашка ${i % 40}""";${owner};${temps[i % 3]};;${promise}`);
  }
  return iconv.encode(lines.join("\r\n") + "\r\n", "win1251");
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "handover-e2e-flow-"));
  dbPath = join(dir, "bot.sqlite");
  server = new BotApiServer(TEST_TOKEN, BOT_INFO);
  await server.start();
  bot = startBotProcess(server, dbPath);
});

afterAll(async () => {
  bot?.proc.kill("SIGTERM");
  await bot?.exited;
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("a whole handover, end to end", () => {
  const lead = () => new SimUser(server, 100, { first_name: "Анна", last_name: "Смирнова" });
  let anna: SimUser;
  let olga: SimUser;
  let petr: SimUser;
  let maria: SimUser;

  it("a lead creates a team and three managers join by the invite link", async () => {
    anna = lead();
    await anna.say("/start");
    await anna.tap("Создать команду");
    await anna.say("Продажи Москва");
    const created = await anna.tap("Europe/Moscow");
    const token = /start=([\w-]+)/.exec(created!.text)?.[1];
    expect(token).toBeTruthy();
    maria = new SimUser(server, 200, { first_name: "Мария", last_name: "Иванова" });
    olga = new SimUser(server, 300, { first_name: "Ольга", last_name: "Петрова" });
    petr = new SimUser(server, 400, { first_name: "Пётр", last_name: "Сидоров" });
    for (const m of [maria, olga, petr]) expect((await m.say(`/start ${token}`)).text).toContain("Добро пожаловать");
    expect(count("select count(*) from members where team_id = 1")).toBe(4);
  });

  it("the lead imports a Windows-1251 CRM export of 300 clients after a preview", async () => {
    const preview = await anna.sendFile("Контакты amoCRM.csv", crmExport());
    expect(preview.text).toContain(String(TOTAL_CLIENTS));
    expect(count("select count(*) from clients")).toBe(0);
    await anna.tap("Загрузить");
    await settle(server);
    expect(count("select count(*) from clients where team_id = 1")).toBe(TOTAL_CLIENTS);
    expect(count("select count(*) from clients c join members m on m.id = c.owner_id where m.telegram_id = 200")).toBe(LEAVER_CLIENTS);
    expect(query<{ name: string }>("select name from clients where external_id is null order by id limit 1")[0]!.name).toBe("Клиент №1");
    expect(count("select count(*) from commitments")).toBe(1);
  });

  it("the lead sets a one-day campaign for a team that works every day", async () => {
    await anna.say("/settings");
    await anna.tap("Дней на обзвон");
    await anna.say("1");
    await anna.say("/settings");
    await anna.tap("Рабочие дни");
    for (const day of ["сб", "вс"]) await anna.tap(new RegExp(`▫️ ${day}`));
    // This scenario is the handover alone: the weekly picture and the second-voice touches, which the
    // scheduler's minute ticks would start in the middle of it, are turned off as a lead would.
    await anna.say("/settings");
    await anna.tap("Выключить картинку недели");
    await anna.say("/stars");
    await anna.tap("Пауза");
    const team = query<{ campaign_days: number; working_days: string; weekly_picture: number; stars_paused: number }>(
      "select campaign_days, working_days, weekly_picture, stars_paused from teams where id = 1",
    )[0]!;
    expect(team.campaign_days).toBe(1);
    expect(team.working_days.split(",").map(Number).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect([team.weekly_picture, team.stars_paused]).toEqual([0, 1]);
  });

  it("the lead offboards Мария on bad terms and the checklist is posted", async () => {
    await anna.say("/offboard");
    await anna.tap("Мария");
    await anna.tap("Со скандалом");
    const stake = await anna.tap("Сегодня");
    expect(stake!.text).toContain(String(LEAVER_CLIENTS));
    await anna.tap("Начать передачу");
    expect(count("select count(*) from handovers where status = 'active'")).toBe(1);
    expect(query<{ status: string }>("select status from members where telegram_id = 200")[0]!.status).toBe("departing");
    expect(anna.messages().some((m) => m.text.includes("Мария") && m.buttons.some((b) => b.text.startsWith("1.")))).toBe(true);
  });

  it("distributes the whole base fairly in one tap; the new owners are told", async () => {
    await anna.tap(/^4\./);
    await anna.tap("Распределить");
    await anna.tap("Применить");
    expect(count("select count(*) from clients c join members m on m.id = c.owner_id where m.telegram_id = 200")).toBe(0);
    const perOwner = query<{ telegram_id: number; n: number }>(
      "select m.telegram_id, count(*) n from clients c join members m on m.id = c.owner_id where c.previous_owner_id = (select id from members where telegram_id = 200) group by m.telegram_id order by 1",
    );
    expect(perOwner.map((r) => r.n).reduce((a, b) => a + b, 0)).toBe(LEAVER_CLIENTS);
    expect(Math.abs(perOwner[0]!.n - perOwner[1]!.n)).toBeLessThanOrEqual(1);
    expect(count("select count(*) from calls where kind = 'reactivation'")).toBe(LEAVER_CLIENTS);
    await server.waitFor((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 300 && String(c.payload.text).includes("Мари"));
    await server.waitFor((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 400 && String(c.payload.text).includes("Мари"));
  });

  it("nags fire for the checklist steps that are due", async () => {
    const before = server.calls.length;
    const run = await runJobProcess(server, dbPath, ["checklist-nag", "--team", "1"]);
    expect(run.status, run.stderr).toBe(0);
    const nag = await server.waitForAfter(before, (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 100);
    expect(String(nag.payload.text)).toContain("Шаги передачи дел");
    expect(String(nag.payload.text)).toContain("Мария Иванова");
  });

  it("the managers get their daily lists and call every client, ending each call with a next contact", async () => {
    const run = await runJobProcess(server, dbPath, ["daily-digest", "--team", "1"]);
    expect(run.status, run.stderr).toBe(0);
    for (const manager of [olga, petr]) {
      const digest = await server.waitFor((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === manager.user.id && /звон/i.test(String(c.payload.text)));
      expect(digest).toBeTruthy();
    }
    let lostOne = false;
    for (const manager of [olga, petr]) {
      for (let guard = 0; guard < LEAVER_CLIENTS + 2; guard++) {
        const list = await manager.say("/today");
        const entry = list.buttons.find((b) => /^\d+$/.test(b.text));
        if (!entry) break;
        await manager.tap(new RegExp(`^${entry.text}$`));
        if (manager === petr && !lostOne) {
          await manager.tap("Потерян");
          await manager.tap(/ушёл|ушла|вслед|за/i);
          lostOne = true;
          continue;
        }
        await manager.tap("Дозвонились");
        await manager.tap("+1 месяц");
        await manager.tap("Пропустить");
      }
    }
    expect(count("select count(*) from calls where kind = 'reactivation' and status = 'open'")).toBe(0);
    expect(count("select count(*) from calls where status = 'lost'")).toBe(1);
    expect(count("select count(*) from calls where status = 'reached' and next_contact_on is not null")).toBe(LEAVER_CLIENTS - 1);
  }, 180_000);

  it("the lead confirms the remaining steps and the checklist closes with a summary", async () => {
    for (const step of [/^1\./, /^2\./, /^3\./, /^6\./]) {
      await anna.tap(step);
      await anna.tap("✅ Готово");
    }
    await settle(server);
    expect(query<{ status: string }>("select status from handovers where id = 1")[0]!.status).toBe("closed");
    expect(query<{ status: string }>("select status from members where telegram_id = 200")[0]!.status).toBe("left");
    // The summary reaches the lead through the outbox.
    await server.waitFor((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 100 && /закрыт|заверш/i.test(String(c.payload.text)));
  }, 60_000);

  it("the report shows what happened", async () => {
    const before = server.calls.length;
    const report = await anna.say("/report");
    // The pictures come first (sendPhoto, a PNG), the text report after them.
    await server.waitForAfter(before, (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 100 && String(c.payload.text).includes("Отчёт по передачам"));
    const photos = server.calls.slice(before).filter((c) => c.method === "sendPhoto" && Number(c.payload.chat_id) === 100);
    // grammY uploads the file as a multipart part of its own ("photo": "attach://…").
    const files = photos.map((c) => Object.values(c.payload).find((v) => v?.fileName) as { fileName: string; bytes: Buffer });
    expect(files.map((f) => f.fileName)).toEqual(["progress.png", "timeline.png", "lost-reasons.png"]);
    expect(files.every((f) => f.bytes.subarray(1, 4).toString() === "PNG")).toBe(true);
    const text = chatView(server, 100).slice(-3).map((m) => m.text).join("\n");
    expect(report.text.length).toBeGreaterThan(0);
    expect(text).toContain(String(LEAVER_CLIENTS));
    expect(text).toContain("Ольга");
    expect(text).toContain("Пётр");
  });
});
