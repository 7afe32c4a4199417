// Updates Telegram sends again after a stop, and updates a crash left half-handled: each answered once, none lost.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handleUnfinishedUpdates } from "../../src/bot/serve/unfinished-updates.js";
import { receiveUpdate } from "../../src/db/received-updates.js";
import { receivedUpdates } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { callbackUpdate } from "../support/updates.js";

let h: Harness;
let lead: Persona;

beforeEach(async () => {
  h = await createHarness();
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  await h.join(200, "manager", { first_name: "Борис" });
});
afterEach(() => h.close());

/** The tap on the newest button labelled `label` in the lead's chat, as Telegram would deliver it. */
function tapOn(label: string) {
  const msg = [...lead.messages()].reverse().find((m) => m.buttons.flat().some((b) => b.text.includes(label)))!;
  const button = msg.buttons.flat().find((b) => b.text.includes(label))!;
  return callbackUpdate(lead.user, button.data!, { message_id: msg.messageId, chat: lead.chat }, h.clock.now());
}

describe("updates delivered again", () => {
  it("an answer Telegram sends again after a restart is not taken twice: the dialogue goes on", async () => {
    await lead.send("/offboard");
    const who = tapOn("Борис");
    await h.handle(who);
    expect(lead.lastText()).toBe("Как уходит Борис?");
    const shown = lead.messages().length;

    h.restart();
    await h.handle(who); // long polling had not confirmed it
    expect(lead.messages()).toHaveLength(shown);
    expect(h.calls("answerCallbackQuery").filter((c) => c.payload.callback_query_id === who.callback_query!.id)).toHaveLength(1);

    await h.handle(tapOn("Со скандалом"));
    expect(lead.lastText()).toContain("какой последний рабочий день?");
    expect(lead.messages().some((m) => m.text.includes("выберите вариант кнопкой"))).toBe(false);
  });

  it("an answer received but not finished before a crash is handled at the next start, once", async () => {
    await lead.send("/offboard");
    await h.handle(tapOn("Борис"));
    const terms = tapOn("Со скандалом");
    receiveUpdate(h.db, terms, h.clock.now().getTime()); // written down, then the process died

    h.restart();
    expect(await handleUnfinishedUpdates(h.bot, h.deps)).toBe(1);
    expect(lead.lastText()).toContain("какой последний рабочий день?");
    expect(h.db.select().from(receivedUpdates).all().every((u) => u.handledAt !== null)).toBe(true);

    h.restart();
    expect(await handleUnfinishedUpdates(h.bot, h.deps)).toBe(0);
    await h.handle(terms); // and Telegram's redelivery of it is not taken again
    await lead.send("в пятницу");
    expect(lead.lastText()).toContain("Что на кону: Борис");
    expect(h.errors()).toEqual([]);
  });
});
