// A co-lead being offboarded on bad terms («Со скандалом») tries every lead's button and command of his
// team (with its real ids): each is refused politely and changes nothing (README, "The leaver's rights").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Persona } from "../support/harness.js";
import { buttonKinds, type Ids } from "./buttons.js";
import { createRichWorld, type RichWorld } from "./support.js";
import { sendRefused, tapRefused } from "./taps.js";

const CO_LEAD = 150;
let w: RichWorld;
let oleg: Persona;
beforeAll(async () => {
  w = await createRichWorld();
  oleg = await w.h.join(CO_LEAD, "lead", { first_name: "Олег" });
  await w.lead.send("/offboard");
  await w.lead.tapButton("Новая передача");
  await w.lead.tapButton("Олег");
  await w.lead.tapButton("Со скандалом");
  await w.lead.send("27.11");
  await w.lead.tapButton("Начать передачу");
  await w.h.drainOutbox();
});
afterAll(() => w.h.close());

const OWN: Ids = { handover: "1", step: "1", client: "3", member: "2", member2: "3", call: "1", distribution: "1", batch: "1", templateStep: "7", commitment: "1" };
const refusal = /Пока вы передаёте дела|Доступ к клиентам закрыт|устарела|может только|не найден|недоступ/i;

describe("the lead's buttons tapped by a co-lead who is being offboarded", () => {
  it("the world's ids are the ones tapped", () => expect(w.own).toEqual(OWN));
  it.each(buttonKinds.filter((k) => k.audience === "lead").map((k) => ({ data: k.data(OWN) })))("$data", async ({ data }) => {
    const { toast, texts } = await tapRefused(w.h, oleg, data, { words: [] });
    expect([toast, ...texts].join("\n")).toMatch(refusal);
  });
});

describe("the lead's commands from a co-lead who is being offboarded", () => {
  it.each(["/export", "/offboard", "/offboard template", "/settings", "/script", "/status", "/report", "/distribute", "/invite"])("%s", async (command) => {
    expect(await sendRefused(w.h, oleg, command, { words: [] })).toContain("Пока вы передаёте дела");
  });

  it("/team shows him the members only", async () => {
    const team = w.h.team();
    await oleg.send("/team");
    expect(oleg.lastText()).not.toContain(team.managerInviteToken);
    expect(oleg.last()!.buttons.flat()).toEqual([]);
  });
});
