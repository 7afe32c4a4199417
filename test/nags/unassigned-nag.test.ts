import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { members } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedClients, seedManyClients } from "../support/seed.js";
import { outbox, seedHandover } from "../jobs/fixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // a Monday
});
afterEach(() => h.close());

describe("unassigned clients nag", () => {
  it("tells each lead, in their language, the count and the oldest ones, with a button to distribute", async () => {
    const lead = await h.createTeam();
    const coLead = await h.join(101, "lead", { first_name: "Kate", language_code: "en" });
    const manager = await h.join(200, "manager", { first_name: "Борис" });
    const day = 24 * 60 * 60 * 1000;
    const now = h.clock.now().getTime();
    seedClients(h.db, 1, [{ name: "Старый <клиент> & Co", ownerId: null }], now - 10 * day);
    seedClients(h.db, 1, [{ name: "Вчерашний", ownerId: null }], now - day);
    seedManyClients(h.db, 1, null, 6, "Новый");
    seedManyClients(h.db, 1, memberIdOf(h.db, 200), 3, "Свой");

    expect(h.runJob("unassigned-nag")).toBe(2);
    await h.drainOutbox();

    const ru = lead.lastText();
    expect(ru).toContain("8 клиентов без менеджера");
    expect(ru).toContain("• Старый &lt;клиент&gt; &amp; Co — 10 дней");
    expect(ru).toContain("• Вчерашний — 1 день");
    expect(ru).toContain("…и ещё 3");
    expect(ru.indexOf("Старый")).toBeLessThan(ru.indexOf("Вчерашний"));
    expect(ru).not.toContain("Свой");
    expect(lead.last()?.buttons).toEqual([[{ text: "Распределить сейчас", data: "dist:start" }]]);

    expect(coLead.lastText()).toContain("8 clients without a manager");
    expect(coLead.lastText()).toContain("Waiting longest:");
    expect(coLead.last()?.buttons[0]?.[0]).toEqual({ text: "Distribute now", data: "dist:start" });

    // Managers are not nagged about the pool; one message per lead, not one per client.
    expect(manager.messages().filter((m) => m.text.includes("без менеджера"))).toEqual([]);
    expect(h.calls("sendMessage").filter((c) => String(c.payload.text).includes("без менеджера") || String(c.payload.text).includes("without a manager"))).toHaveLength(2);
    expect(h.errors()).toEqual([]);
  });

  it("sends nothing when every client has a manager, and nothing twice in one slot", async () => {
    const lead = await h.createTeam();
    await h.join(200);
    seedManyClients(h.db, 1, memberIdOf(h.db, 200), 3);
    expect(h.runJob("unassigned-nag")).toBe(0);

    seedManyClients(h.db, 1, null, 2);
    expect(h.runJob("unassigned-nag")).toBe(1);
    expect(h.runJob("unassigned-nag")).toBe(0); // same hour: same dedupe key
    await h.drainOutbox();
    expect(lead.messages().filter((m) => m.text.includes("без менеджера"))).toHaveLength(1);
    expect(outbox(h.db).filter((n) => n.kind === "nag_unassigned")).toHaveLength(1);
  });

  it("counts clients of people who left and of a leaver past the last day as unassigned", async () => {
    const lead = await h.createTeam();
    await h.join(200, "manager", { first_name: "Ушедший" });
    await h.join(201, "manager", { first_name: "Уходящий" });
    const gone = memberIdOf(h.db, 200);
    const leaving = memberIdOf(h.db, 201);
    h.db.update(members).set({ status: "left" }).where(eq(members.id, gone)).run();
    seedManyClients(h.db, 1, gone, 2, "Брошенный");
    seedManyClients(h.db, 1, leaving, 3, "Уходящего");
    seedHandover(h.db, { leaverId: leaving, startedById: memberIdOf(h.db, 100), lastDay: "2026-11-25" });

    h.runJob("unassigned-nag");
    await h.drainOutbox();
    expect(lead.lastText()).toContain("2 клиента без менеджера");

    // After the leaver's last day their clients are nobody's until distributed.
    h.clock.set("2026-11-26T10:00:00+03:00");
    h.runJob("unassigned-nag");
    await h.drainOutbox();
    expect(lead.lastText()).toContain("5 клиентов без менеджера");
    expect(lead.lastText()).toContain("Идёт передача дел");
  });

  it("nags again in the afternoon only while a handover is in progress", async () => {
    const lead = await h.createTeam();
    await h.join(200);
    seedManyClients(h.db, 1, null, 4);

    h.tick(); // 09:00: the morning slot
    await h.drainOutbox();
    expect(lead.messages().filter((m) => m.text.includes("без менеджера"))).toHaveLength(1);

    h.clock.set("2026-11-23T15:00:00+03:00");
    h.tick(); // no handover: the afternoon slot stays quiet
    await h.drainOutbox();
    expect(lead.messages().filter((m) => m.text.includes("без менеджера"))).toHaveLength(1);

    h.clock.set("2026-11-24T09:30:00+03:00");
    seedHandover(h.db, { leaverId: memberIdOf(h.db, 200), startedById: memberIdOf(h.db, 100), lastDay: "2026-11-27" });
    h.tick();
    h.clock.set("2026-11-24T15:00:00+03:00");
    h.tick();
    h.clock.set("2026-11-24T15:01:00+03:00");
    h.tick();
    await h.drainOutbox();
    const nags = lead.messages().filter((m) => m.text.includes("без менеджера"));
    expect(nags).toHaveLength(3);
    expect(nags[2]!.text).toContain("Идёт передача дел");
  });
});
