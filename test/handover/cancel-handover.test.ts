// The lead cancels a handover whose distribution was applied: the leaver stays, so nobody calls his former
// clients to say he left, he is told, and /report counts no work for it. The clients stay with their new
// owners (the confirmation says so), and an undo after the cancel is refused; those an undo put in the pool
// before the cancel are his again.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clients, distributions, handovers, members, notifications } from "../../src/db/schema.js";
import { followUpDistribution, pendingFollowUps } from "../../src/distribution/followup.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients } from "../support/seed.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
let vera: Persona;
let clientIds: number[];
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  vera = await h.join(300, "manager", { first_name: "Вера" });
  clientIds = seedClients(h.db, 1, [
    { name: "Клиент 1", ownerId: memberIdOf(h.db, 200), phones: ["+79160000001"] },
    { name: "Клиент 2", ownerId: memberIdOf(h.db, 200), phones: ["+79160000002"] },
  ]);
});
afterEach(() => h.close());

async function startAndDistribute(terms: "По-хорошему" | "Со скандалом") {
  await lead.send("/offboard");
  await lead.tapButton("Борис");
  await lead.tapButton(terms);
  await lead.send("27.11");
  await lead.tapButton("Начать передачу");
  await lead.tapButton(/^4\. /);
  await lead.tapButton("📦 Распределить");
  await lead.tapButton("Применить");
  await h.drainOutbox();
}

async function cancel() {
  await lead.tapButton("✖️ Отменить передачу");
  const confirm = await lead.tapButton("Да");
  expect(confirm.text).toContain("останутся у новых менеджеров");
  await h.drainOutbox();
}

/** Борис promised Клиент 1 a call back on 03.12 at 15:00, before he was offboarded. */
const promiseCallBack = () =>
  h.db
    .insert(calls)
    .values({ teamId: 1, clientId: clientIds[0]!, assigneeId: memberIdOf(h.db, 200), kind: "ordinary", dueOn: "2026-12-03", dueTime: "15:00", createdAt: 0 })
    .returning()
    .get();

const openReactivation = () => h.db.select().from(calls).all().filter((c) => c.kind === "reactivation" && c.status === "open");

describe("cancelling a handover after its distribution", () => {
  it("nobody calls Борис's former clients to say he left on bad terms", async () => {
    await startAndDistribute("Со скандалом");
    expect(openReactivation()).toHaveLength(2);
    await cancel();
    expect(h.db.select().from(members).where(eq(members.telegramId, 200)).get()!.status).toBe("active");
    expect(openReactivation()).toEqual([]);

    h.clock.set("2026-11-27T10:00:00+03:00");
    await vera.send("/today");
    expect(vera.lastText()).not.toContain("после передачи");
    expect(vera.lastText()).not.toContain("Борис больше не имеет отношения");
  });

  it("the clients stay with their new owner, and Борис is told his handover was cancelled", async () => {
    await startAndDistribute("Со скандалом");
    const veraBefore = vera.messages().length;
    await cancel();
    // Вера hears why the calls left her list, once, and that the clients stay hers.
    const toVera = vera.messages().slice(veraBefore).map((m) => m.text);
    expect(toVera).toEqual([
      "Борис остаётся в команде: передача дел отменена. Звонки «после передачи» 2 клиентам сняты с вашего списка — клиенты остаются у вас, звоните им как обычно, без слов об уходе.",
    ]);
    expect(lead.messages().some((m) => m.text.includes("сняты с вашего списка"))).toBe(false);
    const owners = h.db.select({ owner: clients.ownerId }).from(clients).all().map((c) => c.owner);
    expect(owners).toEqual([memberIdOf(h.db, 300), memberIdOf(h.db, 300)]);
    expect(boris.lastText()).toContain("Передача ваших дел в команде «Отдел продаж» отменена");
    expect(boris.lastText()).toContain("уже передали коллегам (2)");
  });

  it("a client the lead put back in the pool goes to Борис with the cancel, and Вера is not told it stays hers", async () => {
    await startAndDistribute("Со скандалом");
    await lead.tap(`cl:s:${clientIds[0]}:u`);
    await cancel();
    const owners = h.db.select({ owner: clients.ownerId }).from(clients).all().map((c) => c.owner);
    expect(owners).toEqual([memberIdOf(h.db, 200), memberIdOf(h.db, 300)]);
    expect(vera.lastText()).toContain("Звонки «после передачи» 1 клиенту сняты с вашего списка");
  });

  it("Борис and Вера are told in English too", async () => {
    await boris.send("/language");
    await boris.tapButton("English");
    await vera.send("/language");
    await vera.tapButton("English");
    await startAndDistribute("По-хорошему");
    await cancel();
    expect(boris.lastText()).toContain("The handover of your work in «Отдел продаж» was cancelled");
    expect(vera.lastText()).toBe(
      "The handover of Борис's work was cancelled: Борис stays in the team. The reactivation calls to 2 clients are off your list: the clients stay yours, call them as usual, with no word of anyone leaving.",
    );
  });

  it("/report no longer counts the cancelled handover's calls as work due", async () => {
    await startAndDistribute("Со скандалом");
    await lead.send("/report");
    expect(lead.lastText()).toContain("Борис");
    await cancel();
    await lead.send("/report");
    expect(lead.lastText()).not.toContain("Борис");
    expect(lead.lastText()).not.toMatch(/0 из 2/);
  });

  it("a follow-up that had not run yet writes no calls for the cancelled handover", async () => {
    await startAndDistribute("Со скандалом");
    // As after a crash between the apply and its follow-up: no calls written yet.
    h.db.delete(calls).run();
    h.db.update(distributions).set({ followedUpAt: null }).run();
    await cancel();
    for (const id of pendingFollowUps(h.db)) followUpDistribution(h.db, { distributionId: id, now: h.clock.now() });
    expect(h.db.select().from(calls).all()).toEqual([]);
    expect(h.db.select().from(handovers).get()!.status).toBe("cancelled");
  });

  it("a promised call merged into the reactivation call is given back as it was", async () => {
    const promised = promiseCallBack();
    await startAndDistribute("Со скандалом");
    expect(h.db.select().from(calls).where(eq(calls.id, promised.id)).get()!.kind).toBe("reactivation");
    await cancel();
    const back = h.db.select().from(calls).where(eq(calls.id, promised.id)).get()!;
    expect(back).toMatchObject({ kind: "ordinary", status: "open", dueOn: "2026-12-03", dueTime: "15:00", handoverId: null, promisedOn: null });
    // It stays on Вера's list: she is told of the one call taken off it, not two.
    expect(vera.lastText()).toContain("Звонки «после передачи» 1 клиенту сняты с вашего списка");
    expect(h.db.select().from(notifications).all().filter((n) => n.kind === "handover_cancelled")).toHaveLength(1);
  });

  it("undo, then cancel (as the confirmation advises): the clients are Борис's again, with their calls, and he is told so", async () => {
    const promised = promiseCallBack();
    await startAndDistribute("По-хорошему");
    await lead.tapButton("↩️ Отменить распределение");
    expect(h.db.select({ owner: clients.ownerId }).from(clients).all().map((c) => c.owner)).toEqual([null, null]);
    await cancel();
    const borisId = memberIdOf(h.db, 200);
    expect(h.db.select({ owner: clients.ownerId, since: clients.unassignedSince }).from(clients).all()).toEqual([
      { owner: borisId, since: null },
      { owner: borisId, since: null },
    ]);
    expect(boris.lastText()).toContain("Клиенты из общего пула (2) снова ваши.");
    // His promised call is his again, on his list, and no longer on the colleague's.
    expect(h.db.select().from(calls).where(eq(calls.id, promised.id)).get()).toMatchObject({ status: "open", assigneeId: borisId, kind: "ordinary", dueOn: "2026-12-03" });
    h.clock.set("2026-12-03T10:00:00+03:00");
    await boris.send("/today");
    expect(boris.lastText()).toContain("Клиент 1");
    for (const other of [vera, lead]) {
      await other.send("/today");
      expect(other.lastText()).not.toContain("Клиент 1");
    }
    expect(boris.lastText()).not.toContain("передали коллегам");
    await boris.send("/clients");
    expect(boris.last()!.buttons.flat().map((b) => b.text).join("\n")).toContain("Клиент 1");
    expect(openReactivation()).toEqual([]);
    expect(h.errors()).toEqual([]);
  });

  it("cancel, then undo: the undo is refused for the reason it is, and the clients stay with their new owner", async () => {
    await startAndDistribute("Со скандалом");
    await cancel();
    const owners = () => h.db.select({ owner: clients.ownerId }).from(clients).all().map((c) => c.owner);
    const before = owners();
    await lead.tapButton("↩️ Отменить распределение");
    expect(lead.toasts().at(-1)).toBe(
      "Передача дел отменена, поэтому распределение уже не отменить: клиенты остаются у новых менеджеров. Вернуть клиента можно в его карточке («Сменить ответственного»).",
    );
    expect(owners()).toEqual(before);
    expect(h.db.select().from(distributions).get()!.status).toBe("applied");
    expect(h.errors()).toEqual([]);
  });
});
