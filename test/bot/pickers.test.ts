// Client pickers people can tell apart: two buttons never read the same.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { distinctLabels } from "../../src/bot/picker-labels.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let borisId: number;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  await h.join(200, "manager", { first_name: "Борис" });
  await h.join(300, "manager", { first_name: "Вера" });
  borisId = memberIdOf(h.db, 200);
});
afterEach(() => h.close());

const company = "ООО «Альфа; Бета»";

describe("the interview's “which client” picker", () => {
  it("adds the phone's last digits, then the temperature, then a number to namesakes", async () => {
    seedClients(h.db, 1, [
      { name: "Ёлкин Гульнара", company, ownerId: borisId, phones: ["+79161110001"], temperature: "hot" },
      { name: "Ёлкин Гульнара", company, ownerId: borisId, phones: ["+79162220002"], temperature: "hot" },
      { name: "Ёлкин Гульнара", company, ownerId: borisId, temperature: "warm" },
      { name: "Ёлкина Ольга", ownerId: borisId },
    ]);
    await lead.send("/offboard");
    await lead.tapButton("Борис");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    await lead.tapButton("Начать передачу");
    await lead.tapButton("3. Интервью");
    await lead.tapButton("📝 Записать договорённости");
    await lead.send("Ёлкин — обещали скидку 5%");
    const labels = lead.last()!.buttons.flat().map((b) => b.text).slice(0, -1);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain("Ёлкина Ольга");
    expect(labels.filter((l) => l.startsWith(`Ёлкин Гульнара (${company}) · …0001`))).toHaveLength(1);
    expect(labels.filter((l) => l.startsWith(`Ёлкин Гульнара (${company}) · …0002`))).toHaveLength(1);
  });
});

describe("/clients", () => {
  it("tells namesakes apart in the list", async () => {
    seedClients(h.db, 1, [
      { name: "Ёлкин Гульнара", company, ownerId: borisId, phones: ["+79161110001"] },
      { name: "Ёлкин Гульнара", company, ownerId: borisId, phones: ["+79162220002"] },
    ]);
    await lead.send("/clients");
    const labels = lead.last()!.buttons.flat().map((b) => b.text).filter((l) => l.includes("Ёлкин"));
    expect(labels).toHaveLength(2);
    expect(labels[0]).not.toBe(labels[1]);
    expect(labels.join(" ")).toMatch(/…0001[\s\S]*…0002/);
  });
});

describe("distinctLabels", () => {
  it("keeps different labels as they are and numbers what nothing tells apart", () => {
    expect(distinctLabels(["A", "B"], () => ["x"])).toEqual(["A", "B"]);
    expect(distinctLabels(["A", "A", "A"], (i) => [["…1", "…1", "…2"][i], ["hot", "cold", "hot"][i]])).toEqual(["A · …1 · hot", "A · …1 · cold", "A · …2"]);
    expect(distinctLabels(["A", "A"], () => [null, "same"])).toEqual(["A #1", "A #2"]);
  });
});

describe("the “who is leaving” picker", () => {
  it("tells namesakes apart by their Telegram username", async () => {
    await h.join(400, "manager", { first_name: "Вера", username: "vera_sales" });
    await h.join(500, "manager", { first_name: "Вера", username: "vera_b2b" });
    await lead.send("/offboard");
    const labels = lead.last()!.buttons.flat().map((b) => b.text);
    expect(labels.filter((l) => l.startsWith("Вера"))).toEqual(["Вера", "Вера · @vera_sales", "Вера · @vera_b2b"].sort((a, b) => labels.indexOf(a) - labels.indexOf(b)));
    expect(new Set(labels).size).toBe(labels.length);
  });
});
