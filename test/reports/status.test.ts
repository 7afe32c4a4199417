import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema.js";
import { enqueue } from "../../src/outbox/outbox.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedManyClients } from "../support/seed.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T10:00:00+03:00" });
});
afterEach(() => h.close());

describe("/status", () => {
  it("is for leads only", async () => {
    await h.createTeam();
    const manager = await h.join(200);
    await manager.send("/status");
    expect(manager.lastText()).toContain("только руководитель");
    const stranger = h.user(999);
    await stranger.send("/status");
    expect(stranger.lastText()).toContain("не в команде");
  });

  it("says all is well when nothing waits and nothing failed", async () => {
    const lead = await h.createTeam();
    await lead.send("/status");
    expect(lead.lastText()).toContain("Всё доставлено");
  });

  it("shows the team's waiting and failed deliveries per kind, with reasons", async () => {
    const lead = await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис" });
    await h.join(201, "manager", { first_name: "Вера" });
    seedManyClients(h.db, 1, null, 3);
    h.telegram.blockedChats.add(200);
    const now = h.clock.now();
    enqueue(h.db, { chatId: 200, teamId: 1, memberId: memberIdOf(h.db, 200), kind: "digest", dedupeKey: "d1", text: "список" }, now);
    enqueue(h.db, { chatId: 201, teamId: 1, memberId: memberIdOf(h.db, 201), kind: "nag_deadline", dedupeKey: "n1", text: "<b>сломано" }, now);
    const undo = h.telegram.respond((call) =>
      call.method === "sendMessage" && call.payload.chat_id === 201 ? { error_code: 400, description: "Bad Request: can't parse entities" } : undefined,
    );
    await h.drainOutbox(); // d1 → 403, n1 → 400; the report about Борис to the lead goes out
    undo();
    // Still waiting: one being retried after a network error, one for later.
    enqueue(h.db, { chatId: 201, teamId: 1, memberId: memberIdOf(h.db, 201), kind: "nag_calls", dedupeKey: "n2", text: "позже", notBefore: now.getTime() + 3_600_000 }, now);
    enqueue(h.db, { chatId: 201, teamId: 1, memberId: memberIdOf(h.db, 201), kind: "nag_calls", dedupeKey: "n3", text: "сеть" }, now);
    h.telegram.failNext("sendMessage", "network");
    await h.drainOutbox();
    // Another team's troubles are not shown.
    await h.createTeam(300, "Чужая");
    enqueue(h.db, { chatId: 300, teamId: 2, kind: "digest", dedupeKey: "other", text: "чужое" }, now);
    h.db.update(notifications).set({ status: "failed", lastError: "400 Bad Request: other team" }).where(eq(notifications.dedupeKey, "other")).run();

    await lead.send("/status");
    const text = lead.lastText();
    expect(text).toContain("Ждут отправки — 2:");
    expect(text).toContain("• несделанные звонки: 2, из них после ошибки ждут повтора — 1");
    expect(text).toContain("Не доставлено за 7 дней — 2:");
    expect(text).toContain("• список дел на день: 1");
    expect(text).toContain("• сроки по клиентам: 1");
    expect(text).toContain("Борис, список дел на день: заблокировал(а) бота");
    expect(text).toContain("Вера, сроки по клиентам: Telegram отклонил сообщение (Bad Request: can't parse entities)");
    expect(text).toContain("Не получают сообщения: Борис");
    expect(text).not.toContain("other team");
    expect(text).not.toContain("чужое");

    // The refresh button shows the news.
    await h.drainOutbox();
    h.clock.advance(3_600_000);
    await h.drainOutbox();
    await lead.tapButton("Обновить");
    expect(lead.toasts()).toContain("Обновлено");
    expect(lead.lastText()).not.toContain("Ждут отправки");
    expect(h.errors()).toEqual([]);
  });

  it("refuses a refresh tap from a manager", async () => {
    const lead = await h.createTeam();
    const manager = await h.join(200);
    await lead.send("/status");
    await manager.tap("st:refresh", { messageId: lead.last()!.messageId, chatId: 100 });
    expect(manager.toasts()).toEqual(["Только руководитель может это сделать."]);
  });

  it("speaks English to an English-speaking lead", async () => {
    const lead = await h.createTeam(100, "Sales", { first_name: "Ann", language_code: "en" });
    await lead.send("/status");
    expect(lead.lastText()).toContain("Everything was delivered");
  });
});
