// The checklist message: taps by leads (and by people who may not), typed reasons and dates, history,
// cancelling, closing by itself, and the refresh other features call after their transactions.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refreshChecklistMessage } from "../../src/handover/checklist-message-telegram.js";
import { auditLog, checklistSteps, clients, distributionItems, distributions, handovers, members, notifications } from "../../src/db/schema.js";
import { markStepDoneAutomatically } from "../../src/handover/checklist.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
let borisId: number;
let veraId: number;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  await h.join(300, "manager", { first_name: "Вера" });
  borisId = memberIdOf(h.db, 200);
  veraId = memberIdOf(h.db, 300);
  seedClients(h.db, 1, [
    { name: "Иванов Пётр", ownerId: borisId, temperature: "hot" },
    { name: "Петрова Анна", ownerId: borisId, temperature: "warm" },
  ]);
  await lead.send("/offboard");
  await lead.tapButton("Борис");
  await lead.tapButton("По-хорошему");
  await lead.send("27.11");
  await lead.tapButton("Начать передачу");
});
afterEach(() => h.close());

const handover = () => h.db.select().from(handovers).get()!;
const step = (kind: string) =>
  h.db.select().from(checklistSteps).where(and(eq(checklistSteps.handoverId, handover().id), eq(checklistSteps.kind, kind as never))).get()!;
const checklist = () => lead.messages().find((m) => m.messageId === handover().checklistMessageId)!;
const actions = () => h.db.select().from(auditLog).all().map((a) => a.action);

/** What the distribution feature does inside its apply transaction, then its refresh call. */
async function distributeAllTo(memberId: number) {
  const now = h.clock.now();
  h.db.transaction((tx) => {
    const d = tx.insert(distributions).values({ teamId: 1, handoverId: handover().id, createdById: memberIdOf(h.db, 100), status: "applied", createdAt: now.getTime() }).returning().get();
    for (const c of tx.select().from(clients).where(eq(clients.ownerId, borisId)).all()) {
      tx.insert(distributionItems).values({ distributionId: d.id, clientId: c.id, fromMemberId: borisId, toMemberId: memberId }).run();
      tx.update(clients).set({ ownerId: memberId, previousOwnerId: borisId }).where(eq(clients.id, c.id)).run();
    }
    markStepDoneAutomatically(tx, { handoverId: handover().id, kind: "redistribute", now });
  });
  await refreshChecklistMessage(h.bot.api, h.db, handover().id, { now });
}

describe("confirming steps", () => {
  it("marks a step done in place: the same message, a longer progress bar, an audit entry", async () => {
    const id = checklist().messageId;
    await lead.tapButton("1. Заявки и звонки");
    expect(checklist().text).toContain("👉 <b>Шаг 1</b>");
    expect(checklist().buttons.flat().map((b) => b.text)).toEqual(["✅ Готово", "⏭ Пропустить", "👤 Ответственный", "📅 Срок", "« Назад"]);
    await lead.tapButton("✅ Готово");
    expect(lead.toasts().at(-1)).toBe("Шаг отмечен выполненным.");
    expect(checklist().messageId).toBe(id);
    expect(checklist().text).toContain("Прогресс: ▓░░░░░░ 1/7");
    expect(checklist().text).toContain("✅ 1. Остановить новые заявки");
    expect(step("stop_routing")).toMatchObject({ status: "done", completedById: memberIdOf(h.db, 100) });
    expect(actions()).toEqual(["handover_started", "step_done"]);
    // A double tap on the same Done is harmless.
    await lead.tap(`chk:d:${handover().id}:${step("stop_routing").id}`, { messageId: id });
    expect(lead.toasts().at(-1)).toBe("Этот шаг уже закрыт.");
    expect(actions()).toEqual(["handover_started", "step_done"]);
    expect(h.errors()).toEqual([]);
  });

  it("has no Done button on the steps the bot verifies, and refuses a forged one", async () => {
    await lead.tapButton("4. Распределение");
    const labels = checklist().buttons.flat().map((b) => b.text);
    expect(labels).toContain("📦 Распределить");
    expect(labels).not.toContain("✅ Готово");
    expect(labels).not.toContain("⏭ Пропустить"); // clients are still with the leaver
    await lead.tap(`chk:d:${handover().id}:${step("redistribute").id}`);
    expect(lead.toasts().at(-1)).toBe("Этот шаг отметится сам, когда бот увидит результат.");
    await lead.tap(`chk:in:k:${handover().id}:${step("redistribute").id}`);
    expect(lead.toasts().at(-1)).toContain("Пропустить нельзя");
    expect(step("redistribute").status).toBe("open");
  });

  it("skips a step with a typed reason, and explains a reason that is too short", async () => {
    await lead.tapButton("2. Доступы и пароли");
    await lead.tapButton("⏭ Пропустить");
    expect(lead.lastText()).toContain("Почему пропускаем шаг 2");
    await lead.send("x");
    expect(lead.lastText()).toContain("от 2 до 500 символов");
    await lead.send("Доступов к <CRM> не было");
    expect(lead.lastText()).toBe("Шаг 2 пропущен, причина записана.");
    expect(step("revoke_access")).toMatchObject({ status: "skipped", skipReason: "Доступов к <CRM> не было" });
    expect(checklist().text).toContain("⏭ 2. Сменить пароли");
    expect(checklist().text).toContain("пропущено: Доступов к &lt;CRM&gt; не было");
  });

  it("skips with a ready reason", async () => {
    await lead.tapButton("6. Ответственные в CRM");
    await lead.tapButton("⏭ Пропустить");
    await lead.tapButton("Сделано вне бота");
    expect(step("crm_update")).toMatchObject({ status: "skipped", skipReason: "Сделано вне бота" });
  });

  it("changes the due date by a typed date and refuses a past one", async () => {
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📅 Срок");
    expect(lead.lastText()).toContain("Новый срок для шага 3");
    await lead.send("послезавтра как-нибудь");
    expect(lead.lastText()).toContain("Не понял дату");
    await lead.send("20.11.2026");
    expect(lead.lastText()).toContain("уже прошло");
    await lead.send("25.11");
    expect(lead.lastText()).toBe("Срок шага 3 — ср 25.11.");
    expect(step("interview").dueOn).toBe("2026-11-25");
    expect(checklist().text).toContain("👤 Анна · 📅 ср 25.11");
  });

  it("marks overdue steps", async () => {
    h.clock.set("2026-11-24T10:00:00+03:00");
    await lead.tapButton("🔄 Обновить");
    expect(checklist().text).toContain("📅 пн 23.11 · ⚠️ просрочено");
  });

  it("changes the responsible person, never to the leaver", async () => {
    await lead.tapButton("2. Доступы и пароли");
    await lead.tapButton("👤 Ответственный");
    const names = checklist().buttons.flat().map((b) => b.text);
    expect(names).toEqual(["Анна", "Вера", "« Назад"]);
    await lead.tapButton("Вера");
    expect(lead.toasts().at(-1)).toBe("Ответственный назначен.");
    expect(step("revoke_access").responsibleId).toBe(veraId);
    expect(checklist().text).toContain("👤 Вера · 📅 пт 27.11");
    await lead.tap(`chk:rm:${handover().id}:${step("revoke_access").id}:${borisId}`);
    expect(lead.toasts().at(-1)).toBe("Этого человека нельзя назначить ответственным.");
    expect(step("revoke_access").responsibleId).toBe(veraId);
  });

  it("lets the skip dialogue be left, survive a restart and let /help through", async () => {
    await lead.tapButton("2. Доступы и пароли");
    await lead.tapButton("⏭ Пропустить");
    await lead.send("/help");
    expect(lead.lastText()).toContain("/offboard — передать дела");
    h.restart();
    await lead.send("Не было доступов");
    expect(step("revoke_access").status).toBe("skipped");
    await lead.tapButton("3. Интервью");
    await lead.tapButton("⏭ Пропустить");
    await lead.tapButton("Отмена");
    expect(lead.lastText()).toBe("Хорошо, ничего не меняю.");
    await lead.send("Ещё одна причина");
    expect(step("interview").status).toBe("open");
  });

  it("switches the typed-input dialogue when another input button is tapped", async () => {
    await lead.tapButton("2. Доступы и пароли");
    await lead.tapButton("⏭ Пропустить");
    await lead.tapButton("« Назад");
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📅 Срок");
    await lead.send("25.11");
    expect(step("interview").dueOn).toBe("2026-11-25");
    expect(step("revoke_access").status).toBe("open"); // the date did not become a skip reason
  });
});

describe("who may tap", () => {
  it("gives a manager a toast and changes nothing", async () => {
    const s = step("stop_routing");
    await boris.tap(`chk:d:${handover().id}:${s.id}`, { messageId: checklist().messageId, chatId: 100 });
    await boris.tap(`chk:xy:${handover().id}`);
    await boris.tap(`chk:in:k:${handover().id}:${s.id}`);
    expect(boris.toasts()).toEqual(["Только руководитель может это сделать.", "Только руководитель может это сделать.", "Только руководитель может это сделать."]);
    expect(step("stop_routing").status).toBe("open");
    expect(handover().status).toBe("active");
  });

  it("refuses a lead of another team with forged data", async () => {
    const other = await h.createTeam(500, "Другая", { first_name: "Олег" });
    await other.tap(`chk:d:${handover().id}:${step("stop_routing").id}`);
    await other.tap(`chk:open:${handover().id}`);
    expect(other.toasts()).toEqual(["Эта кнопка устарела. Откройте свежее сообщение.", "Эта кнопка устарела. Откройте свежее сообщение."]);
    expect(step("stop_routing").status).toBe("open");
  });
});

describe("history and cancelling", () => {
  it("shows who did what and when, in the team's time zone", async () => {
    h.clock.set("2026-11-23T14:05:00+03:00");
    await lead.tapButton("1. Заявки и звонки");
    await lead.tapButton("✅ Готово");
    await lead.tapButton("📜 История");
    const text = lead.lastText();
    expect(text).toContain("История передачи дел: Борис");
    expect(text).toContain("23.11 09:00 — Анна начал(а) передачу (по-хорошему, последний день пт 27.11)");
    expect(text).toContain("23.11 14:05 — Анна: выполнен шаг 1. Остановить новые заявки");
  });

  it("tells a distribution and its undo in words, in either language", async () => {
    await lead.tapButton("4. Распределение");
    await lead.tapButton("📦 Распределить");
    await lead.tapButton("Применить");
    await h.drainOutbox();
    h.clock.advance(60_000);
    await lead.tapButton("Отменить распределение");
    await lead.tapButton("📜 История");
    const text = lead.lastText();
    expect(text).toContain("09:00 — Анна: база распределена, передано клиентов: 2");
    expect(text).toContain("09:01 — Анна: распределение отменено, клиентов возвращено: 2");
    expect(text).not.toContain("checklist-audit");

    await lead.send("/language");
    await lead.tapButton("English");
    await lead.tapButton("📜 История");
    expect(lead.lastText()).toContain("09:00 — Анна distributed the clients: 2 moved");
    expect(lead.lastText()).toContain("09:01 — Анна undid the distribution: 2 clients returned");
  });

  it("pages a long history", async () => {
    const now = h.clock.now().getTime();
    for (let i = 0; i < 60; i++) h.db.insert(auditLog).values({ teamId: 1, handoverId: handover().id, actorId: null, action: "step_auto_done", details: { kind: "redistribute" }, at: now + i }).run();
    await lead.tapButton("📜 История");
    const first = lead.last()!;
    expect(first.text).toContain("записей: 61");
    expect(first.text.length).toBeLessThan(4096);
    await lead.tapButton("« Раньше");
    expect(lead.last()!.messageId).toBe(first.messageId); // turned in place
    await lead.tapButton("« Раньше");
    expect(lead.last()!.text).toContain("Анна начал(а) передачу");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["Позже »"]);
  });

  it("cancels after a confirmation: the leaver is active again, nothing else is lost", async () => {
    await lead.tapButton("1. Заявки и звонки");
    await lead.tapButton("✅ Готово");
    await lead.tapButton("✖️ Отменить передачу");
    expect(checklist().text).toContain("Отменить передачу дел? Борис снова станет активным");
    await lead.tapButton("« Нет");
    expect(handover().status).toBe("active");
    await lead.tapButton("✖️ Отменить передачу");
    await lead.tapButton("Да, отменить");
    expect(lead.toasts().at(-1)).toBe("Передача отменена, сотрудник снова активен.");
    expect(handover().status).toBe("cancelled");
    expect(h.db.select().from(members).where(eq(members.id, borisId)).get()!.status).toBe("active");
    expect(step("stop_routing").status).toBe("done");
    expect(checklist().text).toContain("✖️ <b>Передача отменена</b>");
    expect(checklist().buttons.flat().map((b) => b.text)).toEqual(["📜 История"]);
    expect(actions()).toEqual(["handover_started", "step_done", "handover_cancelled"]);
    await lead.tap(`chk:xy:${handover().id}`);
    expect(lead.toasts().at(-1)).toBe("Эта передача уже закрыта или отменена.");
  });
});

describe("closing by itself", () => {
  it("completes when the clients are distributed, the calls done and every step closed; the lead gets a summary", async () => {
    await distributeAllTo(veraId);
    expect(checklist().text).toContain("✅ 4. Распределить всю базу клиентов");
    expect(checklist().text).toContain("Прогресс: ▓░░░░░░ 1/7");
    h.db.transaction((tx) => markStepDoneAutomatically(tx, { handoverId: handover().id, kind: "reactivation", now: h.clock.now() }));
    await refreshChecklistMessage(h.bot.api, h.db, handover().id, { now: h.clock.now() });
    for (const label of ["1. Заявки и звонки", "2. Доступы и пароли", "3. Интервью"]) {
      await lead.tapButton(label);
      await lead.tapButton("✅ Готово");
    }
    await lead.tapButton("6. Ответственные в CRM");
    await lead.tapButton("⏭ Пропустить");
    await lead.send("Нет CRM");
    expect(handover().status).toBe("closed");
    expect(step("final_check").status).toBe("done");
    expect(h.db.select().from(members).where(eq(members.id, borisId)).get()!.status).toBe("left");
    expect(checklist().text).toContain("✅ <b>Передача завершена</b>");
    expect(checklist().text).toContain("Прогресс: ▓▓▓▓▓▓▓ 7/7");
    expect(lead.lastText()).toContain("передача дел завершена");
    await h.drainOutbox();
    const summary = lead.last()!.text;
    expect(summary).toContain("Передача дел завершена: Борис");
    expect(summary).toContain("Клиентов передано: <b>2</b>");
    expect(summary).toContain("• Вера — 2");
    expect(summary).toContain("• Внести новых ответственных в CRM (файл /export) — «Нет CRM»");
    // The leaver is no longer a member; the summary's button re-opens the final checklist.
    await boris.send("/team");
    expect(boris.lastText()).toContain("Вы пока не в команде");
    await lead.tapButton("Чек-лист и история");
    expect(lead.lastText()).toContain("Передача завершена");
    expect(h.db.select().from(notifications).all().map((n) => n.status)).toEqual(["sent"]);
    expect(h.errors()).toEqual([]);
  });

  it("edits the message in place even when nothing is left to change, and re-posts it when it is gone", async () => {
    const before = checklist().messageId;
    expect(await refreshChecklistMessage(h.bot.api, h.db, handover().id, { now: h.clock.now() })).toBe(true);
    h.telegram.failNext("editMessageText", { error_code: 400, description: "Bad Request: message to edit not found" });
    await distributeAllTo(veraId);
    expect(handover().checklistMessageId).not.toBe(before);
    expect(lead.lastText()).toContain("✅ 4. Распределить всю базу клиентов");
  });

  it("never throws at the caller when Telegram refuses the edit (the data is already saved)", async () => {
    h.telegram.failNext("editMessageText", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    const warnings: unknown[] = [];
    const shown = await refreshChecklistMessage(h.bot.api, h.db, handover().id, { now: h.clock.now(), log: { warn: (obj: unknown) => warnings.push(obj) } as never });
    expect(shown).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it("completes the redistribution step through the distribution's own flow", async () => {
    await lead.tapButton("4. Распределение");
    await lead.tapButton("📦 Распределить");
    await lead.tapButton("Применить");
    expect(step("redistribute").status).toBe("done");
    expect(h.db.select().from(clients).where(eq(clients.ownerId, borisId)).all()).toEqual([]);
    expect(checklist().text).toContain("✅ 4. Распределить всю базу клиентов");
    expect(h.errors()).toEqual([]);
  });
});
