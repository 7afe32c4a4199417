import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clients } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { seedCommitment } from "../support/seed.js";
import { callOf, handoverScene } from "./calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // Monday
});
afterEach(() => h.close());

describe("/today", () => {
  it("lists overdue calls, today's calls, next contacts and deadlines with counts on top", async () => {
    const s = await handoverScene(h, { lastDay: "2026-11-20" });
    // Wednesday: Monday's and Tuesday's calls are overdue, Wednesday's is due.
    h.clock.set("2026-11-25T09:30:00+03:00");
    // Delta is Boris's now with a next contact today, but Vera's open call on it keeps it out of his contacts.
    h.db.update(clients).set({ ownerId: s.ids.boris, nextContactOn: "2026-11-25" }).where(eq(clients.id, s.clients.delta)).run();
    seedCommitment(h.db, { teamId: 1, clientId: s.clients.beta, ownerId: s.ids.boris, kind: "deadline", text: "Продление договора", dueOn: "2026-11-25" });
    await s.boris.send("/today");
    const text = s.boris.lastText();
    expect(text).toContain("Ваш список на 25.11");
    expect(text).toContain("Всего: <b>5</b> · просрочено: 2 · звонки: 1 · контакты: 0 · сроки: 2");
    const order = ["Просроченные звонки", "Звонки на сегодня", "Сроки по обязательствам"].map((x) => text.indexOf(x));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(text).toContain("1. <b>ООО «Альфа» &lt;VIP&gt; &amp; Co</b> — после передачи, был на 23.11");
    expect(text).toContain("Продление договора — сегодня");
    expect(text).toContain("Выслать акт сверки — ⚠️ просрочено, было до 24.11");
    const numbers = s.boris.last()!.buttons.flat().map((b) => b.text);
    expect(numbers).toEqual(["1", "2", "3", "4", "5"]);
    // A deadline entry opens the client's card.
    await s.boris.tapButton(/^5$/);
    expect(s.boris.lastText()).toContain("Продление договора");
  });

  it("shows next contacts due without an open call, and an empty day politely", async () => {
    const s = await handoverScene(h);
    await s.lead.send("/today");
    expect(s.lead.lastText()).toContain("На сегодня звонков, контактов и сроков нет");
    expect(s.lead.last()!.buttons).toEqual([]);
    await s.boris.tap(`call:o:${callOf(h, s.clients.alpha).id}`);
    await s.boris.tapButton("Дозвонились");
    await s.boris.tapButton("+1 неделя");
    h.clock.set("2026-11-30T09:00:00+03:00");
    await s.boris.send("/today");
    expect(s.boris.lastText()).toContain("Следующий контакт сегодня");
    expect(s.boris.lastText()).toMatch(/\d\. <b>ООО «Альфа» &lt;VIP&gt; &amp; Co<\/b>\n|\d\. <b>ООО «Альфа» &lt;VIP&gt; &amp; Co<\/b>$/m);
  });

  it("pages a long list, every page under Telegram's limit", async () => {
    const s = await handoverScene(h, { lastDay: "2026-11-20", extraClients: 57 });
    h.clock.set("2026-12-10T09:00:00+03:00"); // everything is overdue now
    await s.boris.send("/today");
    const first = s.boris.last()!;
    expect(first.text).toContain("Страница 1 из 7");
    expect(first.text).toContain("Всего: <b>61</b>");
    expect(first.text.length).toBeLessThanOrEqual(4096);
    await s.boris.tapButton("Дальше →");
    const second = s.boris.last()!;
    expect(second.messageId).toBe(first.messageId); // edited in place
    expect(second.text).toContain("Страница 2 из 7");
    expect(second.buttons.flat().map((b) => b.text).slice(0, 10)).toEqual(["11", "12", "13", "14", "15", "16", "17", "18", "19", "20"]);
    await s.boris.tap("today:p:99", second);
    expect(s.boris.last()!.text).toContain("Страница 7 из 7");
    expect(s.boris.last()!.buttons.flat().map((b) => b.text)).toContain("← Назад");
  });

  it("speaks English, answers a stranger politely and keeps cards out of groups", async () => {
    const s = await handoverScene(h);
    await s.boris.send("/language");
    await s.boris.tapButton("English");
    await s.boris.send("/today");
    expect(s.boris.lastText()).toContain("Your list for 23 Nov");
    expect(s.boris.lastText()).toContain("Calls for today");
    const stranger = h.user(999);
    await stranger.send("/today");
    expect(stranger.lastText()).toContain("Вы пока не в команде");
    const group = h.group();
    await s.boris.send("/today", group.chat);
    expect(group.last()!.text).toContain("works in a private chat only");
  });

  it("opens the list from a nag's or digest's button as a fresh message", async () => {
    const s = await handoverScene(h);
    await s.boris.send("/help");
    await s.boris.tap("today:show");
    expect(s.boris.lastText()).toContain("Ваш список на 23.11");
  });
});
