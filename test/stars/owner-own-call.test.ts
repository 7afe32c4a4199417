// The owner's own call from the client card, while a colleague's second-voice touch is planned for the
// same client: two different calls. Hers is an ordinary call; his touch stays his, open, and uncounted.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, members } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // Monday
});
afterEach(() => h.close());

async function scene() {
  const lead = await h.createTeam();
  const boris = await h.join(200, "manager", { first_name: "Борис" });
  const vera = await h.join(300, "manager", { first_name: "Вера" });
  const ids = { lead: memberIdOf(h.db, 100), boris: memberIdOf(h.db, 200), vera: memberIdOf(h.db, 300) };
  const [hot] = seedClients(h.db, 1, [
    { name: "Горячий", ownerId: ids.vera, temperature: "hot", phones: ["+79161234567"] },
    { name: "Тёплый", ownerId: ids.vera, temperature: "warm" },
    { name: "Холодный", ownerId: ids.vera, temperature: "cold" },
  ]);
  // Only Boris makes touches this week.
  h.db.update(members).set({ starsCap: 0 }).where(eq(members.id, ids.lead)).run();
  h.runJob("destarring-plan");
  return { lead, boris, vera, ids, hot: hot! };
}

const callsOf = (clientId: number) => h.db.select().from(calls).where(eq(calls.clientId, clientId)).all().sort((a, b) => a.id - b.id);

describe("the owner logging her own call while a colleague's touch is planned", () => {
  it("gets her own call card, and the colleague's touch stays open and uncounted", async () => {
    const s = await scene();
    const [touch] = callsOf(s.hot);
    expect(touch).toMatchObject({ kind: "second_voice", assigneeId: s.ids.boris, status: "open" });

    await s.vera.send("/clients");
    await s.vera.tapButton("Горячий");
    await s.vera.tapButton("Записать звонок");
    const card = s.vera.lastText();
    expect(card).toContain("Открытого звонка нет");
    expect(card).not.toContain("Борис");
    await s.vera.tapButton("Дозвонились");
    await s.vera.tapButton("+1 месяц");
    await s.vera.tapButton("Пропустить");

    expect(callsOf(s.hot).map((c) => [c.kind, c.assigneeId, c.status, c.resolvedById])).toEqual([
      ["second_voice", s.ids.boris, "open", null],
      ["ordinary", s.ids.vera, "reached", s.ids.vera],
    ]);
    await s.lead.send("/stars");
    expect(s.lead.lastText()).toContain("запланировано 3 · сделано 0 · дозвонились 0");

    // Boris's touch is still his to make, with his words on his card.
    await s.boris.tap(`call:o:${touch!.id}`);
    expect(s.boris.last()!.buttons.flat().map((b) => b.text)).toContain("📵 Нет ответа");
    await s.boris.tap(`call:log:${s.hot}`);
    expect(s.boris.last()!.buttons.flat().find((b) => b.text.includes("Нет ответа"))!.data).toBe(`call:a:${touch!.id}:n:0`);
    expect(h.errors()).toEqual([]);
  });

  it("lets her open his touch to read it, but not record on it, whatever button data she forges", async () => {
    const s = await scene();
    const [touch] = callsOf(s.hot);
    await s.vera.tap(`call:o:${touch!.id}`);
    const card = s.vera.last()!;
    expect(card.text).toContain("Горячий");
    expect(card.text).toContain("Отметить результат может Борис или руководитель.");
    expect(card.buttons.flat().map((b) => b.text)).not.toContain("📵 Нет ответа");

    for (const forged of [`call:a:${touch!.id}:n:0`, `call:a:${touch!.id}:r`, `call:a:${touch!.id}:l`, `call:d:${touch!.id}:t`]) {
      await s.vera.tap(forged);
      expect(s.vera.toasts().at(-1)).toBe("Отметить результат может только ответственный менеджер или руководитель.");
    }
    expect(callsOf(s.hot)).toEqual([touch]);

    // The lead may record on anyone's touch (a lead stands in for the team).
    await s.lead.tap(`call:o:${touch!.id}`);
    expect(s.lead.last()!.buttons.flat().map((b) => b.text)).toContain("📵 Нет ответа");
    await s.lead.tapButton("📵 Нет ответа");
    expect(callsOf(s.hot)[0]).toMatchObject({ id: touch!.id, attempts: 1 });
    expect(h.errors()).toEqual([]);
  });
});
