import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clients } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";
import { seedCall } from "../jobs/fixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-25T09:00:00+03:00" }); // a Wednesday
});
afterEach(() => h.close());

async function campaign() {
  const lead = await h.createTeam();
  const boris = await h.join(200, "manager", { first_name: "Борис" });
  const vera = await h.join(201, "manager", { first_name: "Вера", language_code: "en" });
  const b = memberIdOf(h.db, 200);
  const v = memberIdOf(h.db, 201);
  const ids = seedClients(h.db, 1, ["Альфа", "Бета", "Гамма", "Дельта", "Эпсилон", "Зета"].map((name) => ({ name, ownerId: null })));
  seedCall(h.db, { clientId: ids[0]!, assigneeId: b, dueOn: "2026-11-20" }); // Fri: 3 working days late
  seedCall(h.db, { clientId: ids[1]!, assigneeId: b, dueOn: "2026-11-23" }); // Mon: 2 working days late
  seedCall(h.db, { clientId: ids[2]!, assigneeId: b, dueOn: "2026-11-24" }); // Tue: 1 working day late
  seedCall(h.db, { clientId: ids[3]!, assigneeId: b, dueOn: "2026-11-19", status: "reached" }); // done
  seedCall(h.db, { clientId: ids[4]!, assigneeId: v, dueOn: "2026-11-24" }); // 1 working day late
  seedCall(h.db, { clientId: ids[5]!, assigneeId: v, dueOn: "2026-11-25" }); // due today: not late
  return { lead, boris, vera };
}

describe("overdue calls nag", () => {
  it("in the morning tells the leads about calls 2+ working days late, per manager", async () => {
    const { lead, boris, vera } = await campaign();
    h.tick();
    await h.drainOutbox();
    const text = lead.lastText();
    expect(text).toContain("Звонки просрочены на 2 рабочих дня и больше — 2");
    expect(text).toContain("• <b>Борис</b> — 2 (самый давний с 20.11): Альфа, Бета");
    expect(text).not.toContain("Гамма");
    expect(text).not.toContain("Вера");
    // The managers see their overdue calls in the morning digest, not in a nag.
    expect(boris.messages().some((m) => m.text.includes("Не сделано"))).toBe(false);
    expect(vera.messages().some((m) => m.text.includes("not made"))).toBe(false);
  });

  it("in the afternoon reminds each manager of their overdue calls, in their language, with the list button", async () => {
    const { lead, boris, vera } = await campaign();
    h.clock.set("2026-11-25T15:00:00+03:00");
    h.tick();
    await h.drainOutbox();
    expect(boris.lastText()).toContain("Не сделано 3 звонка");
    expect(boris.lastText()).toContain("• Альфа — ждёт с 20.11");
    expect(boris.lastText()).toContain("• Гамма — ждёт с 24.11");
    expect(boris.lastText()).not.toContain("Дельта");
    expect(boris.last()?.buttons).toEqual([[{ text: "Открыть мой список на сегодня", data: "today:show" }]]);
    expect(vera.lastText()).toContain("1 call not made");
    expect(vera.lastText()).toContain("Эпсилон");
    expect(vera.lastText()).not.toContain("Зета");
    expect(lead.messages().some((m) => m.text.includes("Звонки просрочены"))).toBe(false);
    // Grouped: one message per manager.
    expect(h.calls("sendMessage").filter((c) => c.payload.chat_id === 200 && String(c.payload.text).includes("Не сделано"))).toHaveLength(1);
  });

  it("leaves out a lost client's open call, as /today does (a touch planned before the loss, say)", async () => {
    const { boris } = await campaign();
    const [omega] = seedClients(h.db, 1, [{ name: "Омега", ownerId: memberIdOf(h.db, 200) }]);
    seedCall(h.db, { clientId: omega!, assigneeId: memberIdOf(h.db, 200), dueOn: "2026-11-20" });
    h.db.update(clients).set({ status: "lost" }).where(eq(clients.id, omega!)).run();
    h.clock.set("2026-11-25T15:00:00+03:00");
    h.tick();
    await h.drainOutbox();
    expect(boris.lastText()).toContain("Не сделано 3 звонка");
    expect(boris.lastText()).not.toContain("Омега");
    await boris.send("/today");
    expect(boris.lastText()).toContain("Альфа");
    expect(boris.lastText()).not.toContain("Омега");
  });

  it("says nothing when no call is late", async () => {
    const lead = await h.createTeam();
    await h.join(200);
    const [c] = seedClients(h.db, 1, [{ name: "Альфа", ownerId: null }]);
    seedCall(h.db, { clientId: c!, assigneeId: memberIdOf(h.db, 200), dueOn: "2026-11-25" });
    expect(h.runJob("overdue-calls-nag")).toBe(0);
    await h.drainOutbox();
    expect(lead.messages().some((m) => m.text.includes("просрочены"))).toBe(false);
  });
});
