// Dialogues of different features live side by side in one chat: none blocks or swallows another.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe("open dialogues", () => {
  it("a lead in the middle of /offboard can still add a client, then carry on", async () => {
    const lead = await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис" });
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.send("/client");
    expect(lead.lastText()).not.toContain("Что-то пошло не так");
    expect(h.errors()).toEqual([]);
    await lead.send("/cancel");
    await lead.tapButton(/По-хорошему/);
    expect(lead.lastText()).toMatch(/последний рабочий день/i);
  });

  it("asking for /client twice keeps one dialogue", async () => {
    const lead = await h.createTeam();
    await lead.send("/client");
    await lead.send("/client");
    await lead.send("Иван Петров");
    expect(h.errors()).toEqual([]);
    expect(lead.messages().filter((m) => m.text === lead.lastText())).toHaveLength(1);
  });
});
