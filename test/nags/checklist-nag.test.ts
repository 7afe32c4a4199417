import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { members } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf } from "../support/seed.js";
import { seedHandover, seedStep } from "../jobs/fixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-25T09:00:00+03:00" });
});
afterEach(() => h.close());

describe("checklist nag", () => {
  it("sends the steps of a handover a co-lead ran to the lead who runs the team once he is being offboarded", async () => {
    const lead = await h.createTeam();
    const oleg = await h.join(150, "lead", { first_name: "Олег" });
    await h.join(202, "manager", { first_name: "Иван" });
    const olegId = memberIdOf(h.db, 150);
    const ivans = seedHandover(h.db, { leaverId: memberIdOf(h.db, 202), startedById: olegId, lastDay: "2026-11-27" });
    seedStep(h.db, { handoverId: ivans, kind: "stop_routing", dueOn: "2026-11-25", position: 1 });
    seedStep(h.db, { handoverId: ivans, kind: "custom", title: "Забрать ноутбук", dueOn: "2026-11-24", responsibleId: olegId, position: 2 });
    seedHandover(h.db, { leaverId: olegId, startedById: memberIdOf(h.db, 100), lastDay: "2026-11-30" });
    h.db.update(members).set({ status: "departing" }).where(eq(members.id, olegId)).run();

    h.runJob("checklist-nag");
    await h.drainOutbox();
    expect(oleg.messages().filter((m) => m.text.includes("ноутбук") || m.text.includes("Остановить"))).toEqual([]);
    const toLead = lead.lastText();
    expect(toLead).toContain("• Остановить новые заявки и звонки на уходящего — срок сегодня");
    expect(toLead).toContain("• Забрать ноутбук — просрочен с вт 24.11");
  });

  it("tells the responsible person about due steps and the leads about overdue ones, with the checklist button", async () => {
    const lead = await h.createTeam();
    const boris = await h.join(200, "manager", { first_name: "Борис" });
    await h.join(202, "manager", { first_name: "Уходящий <Иван>" });
    const leadId = memberIdOf(h.db, 100);
    const b = memberIdOf(h.db, 200);
    const handover = seedHandover(h.db, { leaverId: memberIdOf(h.db, 202), startedById: leadId, lastDay: "2026-11-27" });
    seedStep(h.db, { handoverId: handover, kind: "stop_routing", dueOn: "2026-11-25", position: 1 });
    seedStep(h.db, { handoverId: handover, kind: "interview", dueOn: "2026-11-24", responsibleId: b, position: 2 });
    seedStep(h.db, { handoverId: handover, kind: "custom", title: "Забрать ноутбук & пропуск", dueOn: "2026-11-23", responsibleId: b, position: 3 });
    seedStep(h.db, { handoverId: handover, kind: "revoke_access", dueOn: "2026-11-27", position: 4 }); // not due yet
    seedStep(h.db, { handoverId: handover, kind: "crm_update", dueOn: "2026-11-20", status: "done", position: 5 });
    const closed = seedHandover(h.db, { leaverId: b, startedById: leadId, lastDay: "2026-11-01", status: "closed" });
    seedStep(h.db, { handoverId: closed, kind: "interview", dueOn: "2026-10-30" });

    expect(h.runJob("checklist-nag")).toBe(2);
    await h.drainOutbox();

    const toLead = lead.lastText();
    expect(toLead).toContain("<b>Уходящий &lt;Иван&gt;</b>, последний день пт 27.11:");
    expect(toLead).toContain("• Остановить новые заявки и звонки на уходящего — срок сегодня");
    expect(toLead).toContain("• Интервью о передаче дел — просрочен с вт 24.11 (отвечает Борис)");
    expect(toLead).toContain("• Забрать ноутбук &amp; пропуск — просрочен с пн 23.11 (отвечает Борис)");
    expect(toLead).not.toContain("Сменить пароли");
    expect(toLead).not.toContain("CRM");
    expect(lead.last()?.buttons).toEqual([[{ text: "Чек-лист: Уходящий <Иван>", data: `chk:open:${handover}` }]]);

    const toBoris = boris.lastText();
    expect(toBoris).toContain("• Интервью о передаче дел — просрочен с вт 24.11");
    expect(toBoris).not.toContain("отвечает");
    expect(toBoris).not.toContain("Остановить");
    expect(boris.last()?.buttons[0]?.[0]?.data).toBe(`chk:open:${handover}`);
  });

  it("groups two handovers into one message with a button for each", async () => {
    const lead = await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис" });
    await h.join(201, "manager", { first_name: "Вера" });
    const leadId = memberIdOf(h.db, 100);
    const first = seedHandover(h.db, { leaverId: memberIdOf(h.db, 200), startedById: leadId, lastDay: "2026-11-26" });
    const second = seedHandover(h.db, { leaverId: memberIdOf(h.db, 201), startedById: leadId, lastDay: "2026-11-30" });
    seedStep(h.db, { handoverId: first, kind: "interview", dueOn: "2026-11-25" });
    seedStep(h.db, { handoverId: first, kind: "revoke_access", dueOn: "2026-11-24", position: 2 });
    seedStep(h.db, { handoverId: second, kind: "stop_routing", dueOn: "2026-11-25" });
    expect(h.runJob("checklist-nag")).toBe(1);
    await h.drainOutbox();
    const text = lead.lastText();
    expect(text).toContain("<b>Борис</b>, последний день чт 26.11:");
    expect(text).toContain("<b>Вера</b>, последний день пн 30.11:");
    expect(text.match(/Интервью|Сменить пароли|Остановить/g)).toHaveLength(3);
    expect(lead.last()?.buttons.map((row) => row[0]?.data)).toEqual([`chk:open:${first}`, `chk:open:${second}`]);
  });

  it("is quiet without handovers in progress", async () => {
    await h.createTeam();
    expect(h.runJob("checklist-nag")).toBe(0);
  });
});
