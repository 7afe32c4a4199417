import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, checklistSteps, clientEvents, handovers, notifications } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { callOf, clientOf, handoverScene } from "./calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // Monday
});
afterEach(() => h.close());

/** Opens the card of the n-th entry of /today. */
async function openEntry(p: { send(t: string): Promise<void>; tapButton(l: RegExp): Promise<unknown> }, n: number) {
  await p.send("/today");
  await p.tapButton(new RegExp(`^${n}$`));
}

describe("call card", () => {
  it("shows the client, phones, email, company, previous owner, commitments and the script with names filled in", async () => {
    const s = await handoverScene(h);
    await openEntry(s.boris, 1);
    const card = s.boris.lastText();
    expect(card).toContain("ООО «Альфа» &lt;VIP&gt; &amp; Co");
    expect(card).toContain("Телефон: +7 916 123 45 67, +7 495 111 22 33");
    expect(card).toContain("alpha@example.com");
    expect(card).toContain("Компания: Альфа");
    expect(card).toContain("Прежний менеджер: Мария");
    expect(card).toContain("Выслать акт сверки");
    expect(card).toContain("до 24.11");
    expect(card).toContain("Звонок после передачи клиента · на 23.11");
    // The script: good terms, names in place, no discounts, ends with fixing the next contact.
    expect(card).toContain("расстались хорошо");
    expect(card).toContain("Мария больше не работает в нашей сфере");
    expect(card).toContain("Меня зовут Борис");
    expect(card).toContain("ООО «Альфа» &lt;VIP&gt; &amp; Co, здравствуйте");
    expect(card).toMatch(/скидок.*не предлагаем/);
    expect(card).toContain("дату следующего контакта");
    expect(card).not.toMatch(/\{(client|leaver|manager)\}/);
    const buttons = s.boris.last()!.buttons.flat().map((b) => b.text);
    expect(buttons).toEqual(["✅ Дозвонились", "📵 Нет ответа", "🕒 Перезвонить…", "✖️ Потерян"]);
    expect(card.length).toBeLessThanOrEqual(4096);
    expect(h.errors()).toEqual([]);
  });

  it("uses the bad-terms script without bad-mouthing when the leaver left badly", async () => {
    const s = await handoverScene(h, { terms: "bad" });
    await openEntry(s.boris, 1);
    const card = s.boris.lastText();
    expect(card).toContain("расстались плохо");
    expect(card).toContain("расстались мы не просто так");
    expect(card).toContain("Мария больше не имеет отношения к нашей компании");
    expect(card).toContain("никого не ругаем");
  });
});

describe("recording outcomes", () => {
  it("Reached → +1 month → optional note: the next contact is set and the card shows the outcome", async () => {
    const s = await handoverScene(h);
    await openEntry(s.boris, 1);
    const card = await s.boris.tapButton("Дозвонились");
    expect(s.boris.toasts().at(-1)).toContain("Когда следующий контакт");
    expect(h.chat(200).find((m) => m.messageId === card.messageId)!.buttons.flat().map((b) => b.text)).toEqual([
      "+1 неделя",
      "+1 месяц",
      "+3 месяца",
      "+6 месяцев",
      "✏️ Своя дата",
      "← Назад",
    ]);
    await s.boris.tapButton("+1 месяц");
    const call = callOf(h, s.clients.alpha);
    expect(call).toMatchObject({ status: "reached", nextContactOn: "2026-12-23", resolvedById: s.ids.boris });
    expect(clientOf(h, s.clients.alpha)).toMatchObject({ nextContactOn: "2026-12-23", lastContactOn: "2026-11-23" });
    const edited = h.chat(200).find((m) => m.messageId === card.messageId)!;
    expect(edited.text).toContain("Дозвонились");
    expect(edited.text).toContain("Следующий контакт: <b>23.12</b>");
    expect(edited.buttons).toEqual([]);
    expect(s.boris.lastText()).toContain("Хотите добавить заметку");
    await s.boris.send("Просит позвонить <после> праздников & прислать прайс");
    expect(s.boris.lastText()).toContain("Заметка сохранена");
    expect(callOf(h, s.clients.alpha).note).toBe("Просит позвонить <после> праздников & прислать прайс");
    const kinds = h.db.select().from(clientEvents).where(eq(clientEvents.clientId, s.clients.alpha)).all().map((e) => e.kind);
    expect(kinds).toEqual(["call_reached", "call_note"]);
    // The next text is not a note any more.
    await s.boris.send("привет");
    expect(callOf(h, s.clients.alpha).note).toBe("Просит позвонить <после> праздников & прислать прайс");
    expect(h.errors()).toEqual([]);
  });

  it("Reached → a typed date, in Russian or English, with polite refusals for nonsense and the past", async () => {
    const s = await handoverScene(h);
    await openEntry(s.boris, 1);
    await s.boris.tapButton("Дозвонились");
    await s.boris.tapButton("Своя дата");
    expect(s.boris.lastText()).toContain("Напишите дату следующего контакта");
    await s.boris.send("когда-нибудь");
    expect(s.boris.lastText()).toContain("Не понял дату «когда-нибудь»");
    await s.boris.send("вчера");
    expect(s.boris.lastText()).toContain("позже сегодняшнего дня");
    expect(callOf(h, s.clients.alpha).status).toBe("open");
    await s.boris.send("15.03");
    expect(callOf(h, s.clients.alpha)).toMatchObject({ status: "reached", nextContactOn: "2027-03-15" });
    expect(s.boris.lastText()).toContain("Хотите добавить заметку");
    await s.boris.tapButton("Пропустить");
    expect(s.boris.lastText()).toContain("без заметки");
    expect(callOf(h, s.clients.alpha).note).toBeNull();

    await s.vera.send("/language");
    await s.vera.tapButton("English");
    await openEntry(s.vera, 1);
    await s.vera.tapButton("Reached");
    await s.vera.tapButton("Other date");
    await s.vera.send("next friday");
    expect(callOf(h, s.clients.delta)).toMatchObject({ status: "reached", nextContactOn: "2026-12-04" });
    expect(s.vera.lastText()).toContain("Anything to note");
  });

  it("No answer moves the call to the next working day; after three attempts the lead is told once", async () => {
    const s = await handoverScene(h);
    await openEntry(s.boris, 1);
    await s.boris.tapButton("Нет ответа");
    expect(s.boris.toasts().at(-1)).toBe("Перенесено на 24.11.");
    expect(callOf(h, s.clients.alpha)).toMatchObject({ status: "open", attempts: 1, dueOn: "2026-11-24" });
    expect(s.boris.lastText()).toContain("📵 Не дозвонились: 1 · дальше попытка 2 из 3 — 24.11");
    expect(s.boris.last()!.buttons.flat()).toHaveLength(4);
    await s.boris.tapButton("Нет ответа");
    await s.boris.tapButton("Нет ответа");
    expect(callOf(h, s.clients.alpha).attempts).toBe(3);
    await h.drainOutbox();
    const alert = s.lead.lastText();
    expect(alert).toContain("Борис не может дозвониться клиенту <b>ООО «Альфа» &lt;VIP&gt; &amp; Co</b>: 3 попытки");
    // The lead can open the card from the alert and record the outcome.
    await s.lead.tapButton("Открыть карточку");
    expect(s.lead.lastText()).toContain("Звонит: Борис");
    await s.boris.tapButton("Нет ответа");
    await h.drainOutbox();
    expect(h.db.select().from(notifications).where(eq(notifications.kind, "call_attempts")).all()).toHaveLength(1);
  });

  it("Call back at… takes a typed date and time and moves the call there", async () => {
    const s = await handoverScene(h);
    await openEntry(s.boris, 1);
    await s.boris.tapButton("Перезвонить");
    expect(s.boris.lastText()).toContain("Когда перезвонить");
    await s.boris.send("сегодня в 8:00");
    expect(s.boris.lastText()).toContain("уже прошло");
    await s.boris.send("завтра в 15:00");
    expect(callOf(h, s.clients.alpha)).toMatchObject({ status: "open", dueOn: "2026-11-24", dueTime: "15:00", attempts: 0 });
    expect(s.boris.lastText()).toContain("Перезвонить вт 24.11 в 15:00");
  });

  it("Lost takes a reason, marks the client lost, and the card shows it without buttons", async () => {
    const s = await handoverScene(h);
    await openEntry(s.boris, 1);
    const card = await s.boris.tapButton("Потерян");
    await s.boris.tapButton("ушёл к конкуренту");
    expect(callOf(h, s.clients.alpha)).toMatchObject({ status: "lost", lostReason: "competitor" });
    expect(clientOf(h, s.clients.alpha).status).toBe("lost");
    const edited = h.chat(200).find((m) => m.messageId === card.messageId)!;
    expect(edited.text).toContain("Клиент потерян");
    expect(edited.text).toContain("ушёл к конкуренту");
    expect(edited.buttons).toEqual([]);
    await s.boris.tapButton("Пропустить");
  });

  it("refuses another manager, ignores stale and forged taps, and changes nothing", async () => {
    const s = await handoverScene(h);
    const call = callOf(h, s.clients.alpha);
    await s.vera.send("/today");
    await s.vera.tap(`call:a:${call.id}:n`);
    expect(s.vera.toasts().at(-1)).toBe("Этот клиент вам недоступен.");
    await s.vera.tap(`call:lr:${call.id}:co`);
    expect(callOf(h, s.clients.alpha)).toMatchObject({ status: "open", attempts: 0 });

    await openEntry(s.boris, 1);
    await s.boris.tapButton("Потерян");
    const card = s.boris.last()!;
    await s.boris.tapButton("мы больше не нужны");
    // The same card tapped again (a double tap, an old copy): a toast, nothing else.
    await s.boris.tap(`call:lr:${call.id}:co`, card);
    await s.boris.tap(`call:a:${call.id}:r`, card);
    expect(s.boris.toasts().slice(-2)).toEqual(["Результат уже записан.", "Результат уже записан."]);
    expect(callOf(h, s.clients.alpha)).toMatchObject({ status: "lost", lostReason: "no_need" });
    await s.boris.tap("call:a:999999:n");
    expect(s.boris.toasts().at(-1)).toBe("Этот звонок больше не найден.");
    await s.boris.tap("call:zz:1");
    expect(s.boris.toasts().at(-1)).toContain("устарела");
    expect(h.errors()).toEqual([]);
  });

  it("keeps other cards' buttons working while waiting for a typed date, and survives a restart", async () => {
    const s = await handoverScene(h, { lastDay: "2026-11-20" });
    h.clock.set("2026-11-25T10:00:00+03:00"); // Wednesday: all three of Boris's calls are due or overdue
    await s.boris.send("/today");
    const list = s.boris.last()!;
    const [first, second] = list.buttons.flat().filter((b) => /^\d+$/.test(b.text));
    await s.boris.tap(first!.data!, list);
    const cardA = s.boris.last()!;
    await s.boris.tap(second!.data!, list);
    const cardB = s.boris.last()!;
    const callA = Number(/call:a:(\d+)/.exec(cardA.buttons[0]![0]!.data!)![1]);
    const callB = Number(/call:a:(\d+)/.exec(cardB.buttons[0]![0]!.data!)![1]);

    await s.boris.tap(`call:a:${callA}:r`, cardA);
    await s.boris.tap(`call:d:${callA}:t`, cardA);
    expect(s.boris.lastText()).toContain("Напишите дату следующего контакта");
    // Meanwhile: No answer on card B, and /today, both answered.
    await s.boris.tap(`call:a:${callB}:n`, cardB);
    expect(h.db.select().from(calls).where(eq(calls.id, callB)).get()!.attempts).toBe(1);
    await s.boris.send("/today");
    expect(s.boris.lastText()).toContain("Ваш список на 25.11");
    h.restart();
    await s.boris.send("через 2 недели");
    expect(h.db.select().from(calls).where(eq(calls.id, callA)).get()).toMatchObject({ status: "reached", nextContactOn: "2026-12-09" });
    expect(h.chat(200).find((m) => m.messageId === cardA.messageId)!.buttons).toEqual([]);
    expect(h.errors()).toEqual([]);
  });

  it("completes the handover's reactivation step when every call is resolved", async () => {
    const s = await handoverScene(h);
    const step = () => h.db.select().from(checklistSteps).where(eq(checklistSteps.handoverId, s.handoverId)).all().find((x) => x.kind === "reactivation")!;
    // The handover's checklist lives in the lead's chat; it is edited when the step completes.
    h.db.update(handovers).set({ checklistChatId: 100, checklistMessageId: 5000 }).where(eq(handovers.id, s.handoverId)).run();
    const checklistEdits = () => h.calls("editMessageText").filter((c) => c.payload.chat_id === 100 && c.payload.message_id === 5000);
    for (const key of ["alpha", "beta", "gamma"] as const) {
      await s.boris.tap(`call:o:${callOf(h, s.clients[key]).id}`);
      await s.boris.tapButton("Дозвонились");
      await s.boris.tapButton("+1 неделя");
      await s.boris.tapButton("Пропустить");
    }
    expect(step().status).toBe("open");
    await s.vera.tap(`call:o:${callOf(h, s.clients.delta).id}`);
    await s.vera.tapButton("Потерян");
    expect(checklistEdits()).toHaveLength(0);
    await s.vera.tapButton("уходит вслед за прежним менеджером");
    expect(step().status).toBe("done");
    expect(checklistEdits()).toHaveLength(1);
    expect(callOf(h, s.clients.beta).nextContactOn).toBe("2026-11-30");
    expect(h.errors()).toEqual([]);
  });
});

describe("logging an ordinary call from the client card", () => {
  it("opens a card for the client and records the call with its next contact", async () => {
    const s = await handoverScene(h);
    // Boris resolves Alpha's reactivation call, then logs a later ordinary call from the client card.
    await s.boris.tap(`call:o:${callOf(h, s.clients.alpha).id}`);
    await s.boris.tapButton("Дозвонились");
    await s.boris.tapButton("+1 неделя");
    await s.boris.tapButton("Пропустить");
    await s.boris.tap(`call:log:${s.clients.alpha}`);
    expect(s.boris.lastText()).toContain("Открытого звонка нет");
    expect(s.boris.lastText()).toContain("дозвонились, следующий контакт 30.11 (Борис)");
    await s.boris.tapButton("Дозвонились");
    await s.boris.tapButton("+3 месяца");
    const rows = h.db.select().from(calls).where(eq(calls.clientId, s.clients.alpha)).all();
    expect(rows.map((r) => [r.kind, r.status, r.nextContactOn])).toEqual([
      ["reactivation", "reached", "2026-11-30"],
      ["ordinary", "reached", "2027-02-23"],
    ]);
    expect(clientOf(h, s.clients.alpha).nextContactOn).toBe("2027-02-23");
  });

  it("refuses another manager's client as its client card does (card-access.test.ts)", async () => {
    const s = await handoverScene(h);
    await s.vera.send("/today");
    const shown = s.vera.messages().length;
    await s.vera.tap(`call:log:${s.clients.alpha}`);
    expect(s.vera.toasts().at(-1)).toBe("Этот клиент вам недоступен.");
    expect(s.vera.messages()).toHaveLength(shown);
    await s.vera.tap(`call:log:424242`);
    expect(s.vera.toasts().at(-1)).toBe("Этот звонок больше не найден.");
  });
});

describe("a card with a lot in it", () => {
  it("stays under Telegram's 4096 characters and keeps the script", async () => {
    const s = await handoverScene(h);
    const { seedCommitment } = await import("../support/seed.js");
    const { saveScript } = await import("../../src/calls/scripts.js");
    for (let i = 0; i < 20; i++) seedCommitment(h.db, { teamId: 1, clientId: s.clients.alpha, ownerId: s.ids.boris, text: `<Обязательство> ${i} `.repeat(20), dueOn: "2026-12-01" });
    saveScript(h.db, { teamId: 1, terms: "good", locale: "ru", text: "Здравствуйте, {client}! <&> ".repeat(90), now: h.clock.now() });
    const call = callOf(h, s.clients.alpha);
    for (let i = 0; i < 6; i++) {
      h.db.insert(clientEvents).values({ teamId: 1, clientId: s.clients.alpha, actorId: s.ids.boris, kind: "call_note", details: { callId: call.id, note: "Очень длинная заметка <b> ".repeat(60) }, at: h.clock.now().getTime() + i }).run();
    }
    await s.boris.tap(`call:o:${call.id}`);
    const card = s.boris.last()!;
    expect(card.text.length).toBeLessThanOrEqual(4096);
    expect(card.text).toContain("Скрипт звонка");
    expect(card.text).toContain("Здравствуйте, ООО «Альфа» &lt;VIP&gt; &amp; Co! &lt;&amp;&gt;");
    expect(card.text).not.toMatch(/&[a-z]*…/); // never an entity cut in half
    expect(card.buttons.flat()).toHaveLength(4);
  });
});
