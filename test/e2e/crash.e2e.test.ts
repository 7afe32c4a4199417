// Crash safety: the built bot is killed with SIGKILL at awkward moments and started again on the same
// database. Nothing may be lost or half-written, a dialogue resumes where it was, nothing is assigned twice,
// and a Bot API that answers 429s, 5xx and dropped connections for a while loses no message.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/client.js";
import { teams } from "../../src/db/schema.js";
import { createTeam, joinTeam } from "../../src/team/teams.js";
import { BotApiServer } from "../support/bot-api-server.js";
import { BOT_INFO, TEST_TOKEN } from "../support/harness.js";
import { callbackUpdate } from "../support/updates.js";
import { processClock, runJobProcess, settle, SimUser, startBotProcess, startJobProcess, type BotProcess } from "../support/process-bot.js";
import { seedClients, seedManyClients } from "../support/seed.js";

let dir: string;
let dbPath: string;
let server: BotApiServer;
let bot: BotProcess | undefined;

afterEach(async () => {
  bot?.proc.kill("SIGKILL");
  await bot?.exited;
  bot = undefined;
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function setup(seed: (db: ReturnType<typeof openDatabase>, teamId: number, managerIds: number[]) => void, managers = 2) {
  dir = mkdtempSync(join(tmpdir(), "handover-crash-"));
  dbPath = join(dir, "bot.sqlite");
  const db = openDatabase(dbPath);
  const now = processClock.now();
  const { team } = createTeam(db, { name: "Команда", timezone: "Europe/Moscow", founder: { telegramId: 100, name: "Анна" }, now });
  // A team that works every day with one-day campaigns, so the test does not depend on the weekday; its
  // de-starring programme is paused and the weekly picture off, so only the handover's calls and messages are in play.
  db.update(teams).set({ workingDays: "1,2,3,4,5,6,7", campaignDays: 1, maxCallsPerDay: 1000, starsPaused: true, weeklyPicture: false }).where(eq(teams.id, team.id)).run();
  const ids: number[] = [];
  for (let i = 0; i < managers; i++) {
    const joined = joinTeam(db, { team, role: "manager", person: { telegramId: 201 + i, name: `Менеджер ${i + 1}` }, now });
    if (joined.ok) ids.push(joined.member.id);
  }
  seed(db, team.id, ids);
  closeDatabase(db);
  server = new BotApiServer(TEST_TOKEN, BOT_INFO);
  await server.start();
  bot = startBotProcess(server, dbPath);
}

async function crashAndRestart() {
  bot!.proc.kill("SIGKILL");
  await bot!.exited;
  bot = startBotProcess(server, dbPath);
}

/**
 * The newest message with a button matching `label`, waited for: starting a handover of hundreds of clients,
 * or planning their table, can take longer than a tap's quiet period on a busy machine.
 */
async function shown(user: SimUser, label: RegExp) {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const msg = [...user.messages()].reverse().find((m) => m.buttons.some((b) => label.test(b.text)));
    if (msg) return msg;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${String(label)} button`);
}

function count(sql: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return Object.values(db.prepare(sql).get() as Record<string, number>)[0]!;
  } finally {
    db.close();
  }
}

describe("crash safety", () => {
  it("resumes an /offboard dialogue killed in the middle", async () => {
    await setup((db, teamId, [leaver]) => seedManyClients(db, teamId, leaver!, 5));
    const lead = new SimUser(server, 100, { first_name: "Анна" });
    await lead.say("/offboard");
    await lead.tap("Менеджер 1");
    await crashAndRestart();
    const asked = await lead.tap("Со скандалом");
    expect(asked!.text).toMatch(/последний рабочий день/i);
    await lead.tap("Сегодня");
    await lead.tap("Начать передачу");
    expect(count("select count(*) from handovers where status = 'active' and terms = 'bad'")).toBe(1);
  });

  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    it(`an /offboard dialogue stopped (${signal}) right after each question goes on from that question`, async () => {
      await setup((db, teamId, [leaver]) => seedManyClients(db, teamId, leaver!, 5));
      const lead = new SimUser(server, 100, { first_name: "Анна" });
      /** Taps `label`, stops the bot the moment its next question reaches the chat, starts it again. */
      const answerThenStop = async (label: string | RegExp, question: RegExp) => {
        const msg = [...lead.messages()].reverse().find((m) => m.buttons.some((b) => (typeof label === "string" ? b.text.includes(label) : label.test(b.text))))!;
        const button = msg.buttons.find((b) => (typeof label === "string" ? b.text.includes(label) : label.test(b.text)))!;
        const before = server.calls.length;
        server.push(callbackUpdate(lead.user, button.data!, { message_id: msg.messageId, chat: lead.dm }, processClock.now()));
        const asked = await server.waitForAfter(before, (c) => Number(c.payload.chat_id) === 100 && question.test(String(c.payload.text ?? "")));
        bot!.proc.kill(signal);
        await bot!.exited;
        bot = startBotProcess(server, dbPath);
        return asked;
      };
      const first = await lead.say("/offboard");
      expect(first.text).toMatch(/кто уходит/i);
      await answerThenStop("Менеджер 1", /как уходит/i);
      await answerThenStop("Со скандалом", /последний рабочий день/i);
      await answerThenStop("Сегодня", /что на кону/i);
      const started = await lead.tap("Начать передачу");
      expect(started!.text).not.toMatch(/кнопкой под сообщением/i);
      expect(lead.messages().some((m) => /кнопкой под сообщением|устарела/i.test(m.text))).toBe(false);
      expect(count("select count(*) from handovers where status = 'active' and terms = 'bad'")).toBe(1);
    }, 90_000);
  }

  it("an import killed while it is written is all or nothing, and can be confirmed again without duplicates", async () => {
    await setup(() => undefined);
    const lead = new SimUser(server, 100, { first_name: "Анна" });
    const rows = ["ФИО;Телефон;Ответственный", ...Array.from({ length: 3000 }, (_, i) => `Клиент ${i};+7916${String(2000000 + i)};Менеджер 1`)];
    const preview = await lead.sendFile("base.csv", Buffer.from(rows.join("\n"), "utf8"));
    expect(preview.text).toContain("3");
    const confirm = preview.buttons.find((b) => b.text.includes("Загрузить"))!;
    const tap = callbackUpdate(lead.user, confirm.data!, { message_id: preview.messageId, chat: lead.dm }, processClock.now());
    server.push(tap);
    await server.whenDelivered(tap.update_id); // killed with the confirmation in the bot's hands
    await crashAndRestart();
    expect([0, 3000]).toContain(count("select count(*) from clients"));
    await lead.tap("Загрузить").catch(() => undefined);
    await settle(server);
    expect(count("select count(*) from clients")).toBe(3000);
    await lead.tap("Загрузить").catch(() => undefined);
    await settle(server);
    expect(count("select count(*) from clients")).toBe(3000);
  });

  /** The lead offboards Менеджер 1 on good terms and opens the distribution table from the checklist's step 4. */
  async function distributionTableOfManager1() {
    const lead = new SimUser(server, 100, { first_name: "Анна" });
    await lead.say("/offboard");
    await lead.tap("Менеджер 1");
    await lead.tap("По-хорошему");
    await lead.tap("Сегодня");
    await lead.tap("Начать передачу");
    await shown(lead, /^4\./);
    await lead.tap(/^4\./);
    await lead.tap("Распределить");
    const table = await shown(lead, /Применить/);
    return { lead, table };
  }

  it("a distribution killed while it is applied moves every client once or not at all", async () => {
    await setup((db, teamId, [leaver]) => seedManyClients(db, teamId, leaver!, 400), 3);
    const { lead, table } = await distributionTableOfManager1();
    const apply = table.buttons.find((b) => b.text.includes("Применить"))!;
    const tap = callbackUpdate(lead.user, apply.data!, { message_id: table.messageId, chat: lead.dm }, processClock.now());
    const before = server.calls.length;
    server.push(tap);
    // The toast comes right after the apply, before its follow-up: killed between the two.
    await server.waitForAfter(before, (c) => c.method === "answerCallbackQuery");
    await crashAndRestart();
    const moved = count("select count(*) from clients where previous_owner_id = (select id from members where telegram_id = 201) and owner_id <> (select id from members where telegram_id = 201)");
    expect([0, 400]).toContain(moved);
    // The restarted bot's first tick schedules the calls, and the new owners hear of their clients.
    await server.waitForAfter(before, (c) => c.method === "sendMessage" && [202, 203].includes(Number(c.payload.chat_id)), 30_000);
    expect(count("select count(*) from calls")).toBe(moved);
    await lead.tap("Применить").catch(() => undefined);
    await settle(server);
    expect(count("select count(*) from clients where owner_id = (select id from members where telegram_id = 201)")).toBe(0);
    expect(count("select count(*) from calls")).toBe(400);
    expect(count("select count(*) from (select client_id from calls group by client_id having count(*) > 1)")).toBe(0);
    expect(count("select count(*) from distributions where status = 'applied'")).toBe(1);
  });

  it("a distribution killed half-way through its steps is finished at the next start: every client moved once", async () => {
    const clients = 5000; // several steps of the apply
    await setup((db, teamId, [leaver]) => seedManyClients(db, teamId, leaver!, clients), 3);
    const { lead, table } = await distributionTableOfManager1();
    const apply = table.buttons.find((b) => b.text.includes("Применить"))!;
    const leaverOwns = "select count(*) from clients where owner_id = (select id from members where telegram_id = 201)";
    server.push(callbackUpdate(lead.user, apply.data!, { message_id: table.messageId, chat: lead.dm }, processClock.now()));
    // Killed the moment some clients have moved and others not (or, on a fast machine, whenever it is seen).
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      const left = count(leaverOwns);
      if (left < clients) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const leftAtKill = count(leaverOwns);
    await crashAndRestart();
    // The restarted bot's make-up tick finishes the apply and its follow-up.
    const deadline = Date.now() + 60_000;
    while (count("select count(*) from distributions where status = 'applied' and followed_up_at is not null") === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(leftAtKill).toBeLessThan(clients);
    expect(count(leaverOwns)).toBe(0);
    expect(count("select count(*) from distributions where status = 'applying'")).toBe(0);
    expect(count("select count(*) from client_events where kind = 'assigned'")).toBe(clients);
    expect(count("select count(*) from (select client_id from client_events where kind = 'assigned' group by client_id having count(*) > 1)")).toBe(0);
    expect(count("select count(*) from calls")).toBe(clients);
    expect(count("select count(*) from (select client_id from calls group by client_id having count(*) > 1)")).toBe(0);
  }, 120_000);

  it("every manager gets the digest when sending was killed half-way (at most one duplicate)", async () => {
    const managers = 30;
    const today = processClock.now().toLocaleDateString("sv-SE", { timeZone: "Europe/Moscow" });
    await setup((db, teamId, ids) => {
      seedClients(db, teamId, ids.map((id, i) => ({ name: `Клиент ${i}`, ownerId: id, nextContactOn: today })));
    }, managers);
    bot!.proc.kill("SIGKILL"); // only the job and, later, a fresh bot send here
    await bot!.exited;
    server.responseDelayMs = 1000;
    const job = startJobProcess(server, dbPath, ["daily-digest", "--team", "1"]);
    await server.waitFor((c) => c.method === "sendMessage");
    job.proc.kill("SIGKILL"); // half-way: one message delivered, the others in flight or waiting
    await job.done;
    server.responseDelayMs = 0;
    const sentBefore = new Set(server.calls.filter((c) => c.method === "sendMessage").map((c) => Number(c.payload.chat_id)));
    expect(sentBefore.size).toBeLessThan(managers);
    // The bot's own sender takes over what the killed run left (after the killed run's short claims expire).
    bot = startBotProcess(server, dbPath);
    for (let i = 0; i < managers; i++) {
      await server.waitFor((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 201 + i, 90_000);
    }
    for (let i = 0; i < managers; i++) {
      const got = server.calls.filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 201 + i).length;
      expect(got).toBeGreaterThanOrEqual(1);
      expect(got).toBeLessThanOrEqual(2);
    }
  }, 120_000);

  it("loses nothing while the Bot API answers 429 bursts, 5xx and dropped connections", async () => {
    const managers = 6;
    const today = processClock.now().toLocaleDateString("sv-SE", { timeZone: "Europe/Moscow" });
    await setup((db, teamId, ids) => {
      seedClients(db, teamId, ids.map((id, i) => ({ name: `Клиент ${i}`, ownerId: id, nextContactOn: today })));
    }, managers);
    server.failures.push(
      { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
      { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
      { error_code: 502, description: "Bad Gateway" },
      "drop",
      { error_code: 500, description: "Internal Server Error" },
      "drop",
    );
    const run = await runJobProcess(server, dbPath, ["daily-digest", "--team", "1"]);
    expect(run.status, run.stderr).toBe(0);
    for (let i = 0; i < managers; i++) {
      await server.waitFor((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === 201 + i, 60_000);
    }
    expect(count("select count(*) from notifications where status = 'failed'")).toBe(0);
  }, 90_000);
});
