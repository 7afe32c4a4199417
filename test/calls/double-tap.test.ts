// "No answer" counts one attempt per card shown: a double (or triple) tap on the same card is answered as
// a repeat, and the lead is not told of attempts nobody made. The button carries the attempts the card
// was drawn with; an old button without them still records.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clientEvents, notifications } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { seedClients } from "../support/seed.js";
import { callOf, handoverScene } from "./calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

async function openCard(s: Awaited<ReturnType<typeof handoverScene>>) {
  await s.boris.tap(`call:o:${callOf(h, s.clients.alpha).id}`);
  const card = s.boris.last()!;
  const noAnswer = card.buttons.flat().find((b) => b.text.includes("Нет ответа"))!.data!;
  return { card, noAnswer };
}
const attemptEvents = (clientId: number) => h.db.select().from(clientEvents).where(eq(clientEvents.clientId, clientId)).all().filter((e) => e.kind === "call_no_answer");

describe("a repeated tap on «Нет ответа»", () => {
  it("a double tap on the same card counts one attempt and answers the second as a repeat", async () => {
    const s = await handoverScene(h);
    const { card, noAnswer } = await openCard(s);
    expect(noAnswer).toBe(`call:a:${callOf(h, s.clients.alpha).id}:n:0`);
    await s.boris.tap(noAnswer, card);
    await s.boris.tap(noAnswer, card);
    expect(callOf(h, s.clients.alpha).attempts).toBe(1);
    expect(attemptEvents(s.clients.alpha)).toHaveLength(1);
    expect(s.boris.toasts().slice(-2)).toEqual(["Перенесено на 24.11.", "Результат уже записан."]);
    // The card was redrawn with the attempt counted; its button is good for the next attempt.
    const redrawn = h.chat(200).find((m) => m.messageId === card.messageId)!;
    const next = redrawn.buttons.flat().find((b) => b.text.includes("Нет ответа"))!.data!;
    expect(next).toBe(`call:a:${callOf(h, s.clients.alpha).id}:n:1`);
    await s.boris.tap(next, card);
    expect(callOf(h, s.clients.alpha).attempts).toBe(2);

    await s.boris.send("/language");
    await s.boris.tapButton("English");
    await s.boris.tap(next, card);
    expect(s.boris.toasts().at(-1)).toBe("The outcome is already recorded.");
    expect(callOf(h, s.clients.alpha).attempts).toBe(2);
    expect(h.errors()).toEqual([]);
  });

  it("a triple tap does not tell the lead that three attempts failed", async () => {
    const s = await handoverScene(h);
    const { card, noAnswer } = await openCard(s);
    for (let i = 0; i < 3; i++) await s.boris.tap(noAnswer, card);
    expect(callOf(h, s.clients.alpha).attempts).toBe(1);
    expect(h.db.select().from(notifications).where(eq(notifications.kind, "call_attempts")).all()).toHaveLength(0);
  });

  it("a double tap on a client card's call (no call yet) makes one call with one attempt", async () => {
    const s = await handoverScene(h);
    const boris = s.boris;
    const [own] = seedClients(h.db, 1, [{ name: "Свой клиент", ownerId: s.ids.boris, phones: ["+79160000009"] }]);
    await boris.send("/clients");
    await boris.tapButton(/Свой клиент/);
    await boris.tapButton(/Записать звонок/);
    const card = boris.last()!;
    expect(card.text).toContain("Открытого звонка нет");
    const noAnswer = card.buttons.flat().find((b) => b.text.includes("Нет ответа"))!.data!;
    for (let i = 0; i < 3; i++) await boris.tap(noAnswer, card);
    const made = h.db.select().from(calls).where(eq(calls.clientId, own!)).all();
    expect(made.map((c) => [c.kind, c.attempts])).toEqual([["ordinary", 1]]);
    expect(attemptEvents(own!)).toHaveLength(1);
    expect(boris.toasts().slice(-3)).toEqual(["Перенесено на 24.11.", "Результат уже записан.", "Результат уже записан."]);
    expect(h.db.select().from(notifications).where(eq(notifications.kind, "call_attempts")).all()).toHaveLength(0);
    expect(h.errors()).toEqual([]);
  });

  it("a card someone else has acted on since is said to be out of date, redrawn, and the next tap counts", async () => {
    const s = await handoverScene(h);
    const { card, noAnswer } = await openCard(s);
    // The lead records an attempt on Борис's call from her own card.
    await s.lead.tap(`call:o:${callOf(h, s.clients.alpha).id}`);
    await s.lead.tapButton("📵 Нет ответа");
    expect(callOf(h, s.clients.alpha).attempts).toBe(1);

    await s.boris.tap(noAnswer, card);
    expect(s.boris.toasts().at(-1)).toBe("Карточка устарела: звонок по клиенту изменился. Показываю, как сейчас — отметьте ещё раз.");
    expect(callOf(h, s.clients.alpha).attempts).toBe(1);
    const redrawn = h.chat(200).find((m) => m.messageId === card.messageId)!;
    expect(redrawn.text).toContain("попытка 1 из 3");
    await s.boris.tap(redrawn.buttons.flat().find((b) => b.text.includes("Нет ответа"))!.data!, card);
    expect(callOf(h, s.clients.alpha).attempts).toBe(2);
    expect(h.errors()).toEqual([]);
  });

  it("a double tap is a repeat even when a colleague's touch on the same client was recorded in between", async () => {
    const s = await handoverScene(h);
    const { card, noAnswer } = await openCard(s);
    const his = callOf(h, s.clients.alpha);
    const touch = h.db
      .insert(calls)
      .values({ teamId: 1, clientId: s.clients.alpha, assigneeId: s.ids.vera, kind: "second_voice", dueOn: "2026-11-23", createdAt: 0 })
      .returning()
      .get();
    await s.boris.tap(noAnswer, card);
    await s.vera.tap(`call:o:${touch.id}`);
    await s.vera.tapButton("📵 Нет ответа");
    await s.boris.tap(noAnswer, card);
    expect(s.boris.toasts().at(-1)).toBe("Результат уже записан.");
    expect(h.db.select().from(calls).where(eq(calls.id, his.id)).get()!.attempts).toBe(1);
    expect(h.db.select().from(calls).where(eq(calls.id, touch.id)).get()!.attempts).toBe(1);
  });

  it("a client card drawn before a colleague logged the first call is out of date too, in English as well", async () => {
    const s = await handoverScene(h);
    const [own] = seedClients(h.db, 1, [{ name: "Свой клиент", ownerId: s.ids.boris, phones: ["+79160000009"] }]);
    await s.boris.send("/language");
    await s.boris.tapButton("English");
    await s.boris.tap(`call:log:${own}`);
    const card = s.boris.last()!;
    await s.lead.tap(`call:log:${own}`);
    await s.lead.tapButton("📵 Нет ответа");
    await s.boris.tap(card.buttons.flat().find((b) => b.text.includes("No answer"))!.data!, card);
    expect(s.boris.toasts().at(-1)).toBe("This card was out of date: the client's call has changed since. Here it is as it stands now: tap again.");
    expect(h.db.select().from(calls).where(eq(calls.clientId, own!)).all().map((c) => c.attempts)).toEqual([1]);
  });

  it("an old button without the attempts still records an attempt", async () => {
    const s = await handoverScene(h);
    const { card } = await openCard(s);
    await s.boris.tap(`call:a:${callOf(h, s.clients.alpha).id}:n`, card);
    expect(callOf(h, s.clients.alpha).attempts).toBe(1);
    expect(s.boris.toasts().at(-1)).toBe("Перенесено на 24.11.");
  });
});
