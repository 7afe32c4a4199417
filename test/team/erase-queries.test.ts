// Personal data can be erased: a lead deletes one client from its card, or the whole team by typing its
// name. Nothing is erased by a wrong name, a manager, or a forged button.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, calls, clientEvents, clients, commitments, members, notifications, teams } from "../../src/db/schema.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients, seedCommitment } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
beforeEach(async () => {
  h = await createHarness();
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
});
afterEach(() => h.close());

function seedClientWithHistory(teamId: number, ownerId: number, name: string): number {
  const [id] = seedClients(h.db, teamId, [{ name, ownerId, phones: ["+79161234567"], notes: "любит звонки утром" }]);
  seedCommitment(h.db, { teamId, clientId: id!, ownerId, text: "прислать КП", dueOn: "2026-11-30" });
  h.db.insert(calls).values({ teamId, clientId: id!, assigneeId: ownerId, kind: "ordinary", dueOn: "2026-11-24", createdAt: 0 }).run();
  h.db.insert(clientEvents).values({ teamId, clientId: id!, actorId: ownerId, kind: "imported", at: 0 }).run();
  return id!;
}

describe("deleting a client", () => {
  it("a lead deletes it from the card with everything about it; the history keeps 'deleted client #id'", async () => {
    const id = seedClientWithHistory(1, memberIdOf(h.db, 200), "Иванов Пётр");
    const keep = seedClientWithHistory(1, memberIdOf(h.db, 200), "Сидорова Анна");
    await lead.tap(`cl:c:${id}:::0`, { messageId: (await openClients(lead)).messageId });
    await lead.tapButton("Удалить");
    expect(lead.lastText()).toContain("Удалить клиента «Иванов Пётр»");
    await lead.tapButton("Да, удалить навсегда");
    expect(lead.lastText()).toContain(`удалённый клиент #${id}`);

    expect(h.db.select().from(clients).all().map((c) => c.id)).toEqual([keep]);
    for (const table of [commitments, calls, clientEvents]) {
      expect(h.db.select().from(table).where(eq(table.clientId, id)).all()).toEqual([]);
      expect(h.db.select().from(table).where(eq(table.clientId, keep)).all()).toHaveLength(1);
    }
    expect(h.db.select().from(auditLog).where(eq(auditLog.action, "client_deleted")).all()).toMatchObject([{ details: { clientId: id } }]);
  });

  it("a manager has no Delete button, and a forged one deletes nothing", async () => {
    const id = seedClientWithHistory(1, memberIdOf(h.db, 200), "Иванов Пётр");
    await boris.tap(`cl:c:${id}:::0`, { messageId: (await openClients(boris)).messageId });
    expect(boris.last()!.buttons.flat().map((b) => b.text).join(" ")).not.toContain("Удалить");
    await boris.tap(`cl:dd:${id}`);
    expect(boris.toasts().at(-1)).toBeTruthy();
    expect(h.db.select().from(clients).all()).toHaveLength(1);
  });
});

describe("deleting the team", () => {
  it("needs the team's name typed back; then the team and all it holds are gone, other teams untouched", async () => {
    seedClientWithHistory(1, memberIdOf(h.db, 200), "Иванов Пётр");
    const other = await h.createTeam(500, "Чужая команда", { first_name: "Олег" });
    seedClientWithHistory(2, memberIdOf(h.db, 500), "Клиент чужой");

    await lead.send("/team");
    await lead.tapButton("Удалить команду");
    expect(lead.lastText()).toContain("напишите название команды");
    await lead.send("Отдел");
    expect(lead.lastText()).toContain("не удалена");
    expect(h.db.select().from(clients).where(eq(clients.teamId, 1)).all()).toHaveLength(1);

    await boris.send("/client"); // a dialogue left waiting: its focus is kept per person
    expect(h.db.$client.prepare("SELECT count(*) FROM dialogue_focus WHERE user_id = 200").pluck().get()).toBe(1);
    await lead.send("/team");
    await lead.tapButton("Удалить команду");
    await lead.send("отдел продаж");
    expect(h.db.$client.prepare("SELECT count(*) FROM dialogue_focus WHERE user_id IN (100, 200)").pluck().get()).toBe(0);
    expect(lead.lastText()).toContain("удалена со всеми данными");
    expect(h.db.select().from(teams).all().map((t) => t.name)).toEqual(["Чужая команда"]);
    for (const table of [clients, commitments, calls, clientEvents, members, notifications]) {
      expect(h.db.select().from(table).all().every((r) => r.teamId === 2), "only the other team's rows stay").toBe(true);
    }
    expect(h.db.select().from(clients).all()).toHaveLength(1);

    await boris.send("/clients"); // Борис is no longer in any team
    expect(JSON.stringify(boris.last())).not.toContain("Иванов");
    await other.send("/clients");
    expect(other.last()!.buttons.flat().map((b) => b.text).join(" ")).toContain("Клиент чужой");
  });
});

async function openClients(p: Persona) {
  await p.send("/clients");
  return p.last()!;
}
