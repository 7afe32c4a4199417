// Who may open a call card: the same people who may open the client's card (a lead, the client's owner)
// and the person the call is assigned to (a second voice). Anyone else gets the client card's refusal,
// whatever callback data they forge, and sees nothing of the client.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls } from "../../src/db/schema.js";
import { cb } from "../../src/clients/keyboards.js";
import { createHarness, type Harness } from "../support/harness.js";
import { callOf, handoverScene } from "./calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

const secrets = ["+7 916 123 45 67", "alpha@example.com", "Выслать акт сверки", "Альфа"];

describe("a call card is shown only to those who may see its client", () => {
  it("refuses a colleague's forged open and log-a-call taps with the client card's words, showing and changing nothing", async () => {
    const s = await handoverScene(h);
    const call = callOf(h, s.clients.alpha);
    await s.vera.send("/today");
    const before = s.vera.messages().length;
    await s.vera.tap(cb.card(s.clients.alpha, { page: 0 }));
    const viaClients = s.vera.toasts().at(-1);
    expect(viaClients).toBe("Этот клиент вам недоступен.");

    await s.vera.tap(`call:o:${call.id}`);
    await s.vera.tap(`call:log:${s.clients.alpha}`);
    await s.vera.tap(`call:a:${call.id}:r`);
    await s.vera.tap(`call:a:c${s.clients.alpha}:n`);
    await s.vera.tap(`call:d:${call.id}:t`);
    expect(s.vera.toasts().slice(-5)).toEqual(Array(5).fill(viaClients));
    expect(s.vera.messages()).toHaveLength(before);
    const shown = JSON.stringify(h.calls().filter((c) => c.payload.chat_id === 300 || c.method === "answerCallbackQuery"));
    for (const secret of secrets) expect(shown).not.toContain(secret);
    expect(h.db.select().from(calls).where(eq(calls.clientId, s.clients.alpha)).all()).toEqual([call]);

    await s.vera.send("/language");
    await s.vera.tapButton("English");
    await s.vera.tap(`call:o:${call.id}`);
    expect(s.vera.toasts().at(-1)).toBe("You cannot open this client.");
    expect(h.errors()).toEqual([]);
  });

  it("still shows the card to the lead, the owner and the manager the call is assigned to", async () => {
    const s = await handoverScene(h);
    const call = callOf(h, s.clients.alpha);
    await s.lead.tap(`call:o:${call.id}`);
    expect(s.lead.lastText()).toContain("+7 916 123 45 67");
    await s.lead.tap(`call:log:${s.clients.alpha}`);
    expect(s.lead.lastText()).toContain("alpha@example.com");
    await s.boris.tap(`call:o:${call.id}`);
    expect(s.boris.lastText()).toContain("Выслать акт сверки");
    // A call on Boris's client assigned to Vera (as a second-voice touch is): hers to open and record.
    h.db.update(calls).set({ assigneeId: s.ids.vera }).where(eq(calls.id, call.id)).run();
    await s.vera.tap(`call:o:${call.id}`);
    expect(s.vera.lastText()).toContain("+7 916 123 45 67");
    await s.vera.tap(`call:log:${s.clients.alpha}`);
    expect(s.vera.lastText()).toContain("alpha@example.com");
    expect(s.vera.last()!.buttons.flat().length).toBeGreaterThan(0);
    expect(h.errors()).toEqual([]);
  });
});
