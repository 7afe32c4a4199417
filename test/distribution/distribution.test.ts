import { eq, isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clients, commitments, distributionItems, distributions, members, notifications, teams } from "../../src/db/schema.js";
import { applyDistribution } from "../../src/distribution/apply.js";
import { createHarness, type Harness, type Persona } from "../support/harness.js";
import { memberIdOf, seedClients, seedCommitment, seedManyClients, seedNameOnlyMember } from "../support/seed.js";
import { seedCall, seedHandover, stepStatus } from "./distribution-fixtures.js";

let h: Harness;
let lead: Persona;
let boris: Persona;
let vera: Persona;
let galina: Persona;
let ivan: Persona;
let leadId: number;
let leaverId: number;

beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
  boris = await h.join(200, "manager", { first_name: "Борис" });
  vera = await h.join(201, "manager", { first_name: "Вера" });
  galina = await h.join(202, "manager", { first_name: "Галина" });
  ivan = await h.join(203, "manager", { first_name: "Иван" });
  leadId = memberIdOf(h.db, 100);
  leaverId = memberIdOf(h.db, 203);
});
afterEach(() => h.close());

const ownerOf = (clientId: number) => h.db.select().from(clients).where(eq(clients.id, clientId)).get()!;
const allClients = () => h.db.select().from(clients).all();
const distRows = () => h.db.select().from(distributions).all();

function handoverWith(count: number) {
  const ids = seedManyClients(h.db, 1, leaverId, count);
  const handoverId = seedHandover(h.db, { teamId: 1, leaverId, startedById: leadId });
  return { ids, handoverId };
}

/** The checklist's step-4 button, as the offboard feature shows it. */
async function openFromChecklist(handoverId: number, who: Persona = lead) {
  await lead.send("/help"); // some message to tap on, like the checklist
  await who.tap(`dist:h:${handoverId}`, { messageId: lead.last()!.messageId, chatId: lead.id });
}

describe("from a handover", () => {
  it("proposes a fair table, applies it in one tap and tells each new owner", async () => {
    const { ids, handoverId } = handoverWith(60);
    seedCommitment(h.db, { teamId: 1, clientId: ids[5]!, ownerId: leaverId, text: "Выслать <договор> & счёт", dueOn: "2026-11-25" });

    await openFromChecklist(handoverId);
    const table = lead.lastText();
    expect(table).toContain("Распределение клиентов: Иван");
    expect(table).toContain("Всего 60 клиентов");
    expect(table).toContain("<pre>");
    for (const name of ["Борис", "Вера", "Галина"]) expect(table).toMatch(new RegExp(`${name}\\s+\\+7\\s+\\+7\\s+\\+6\\s+20|${name}\\s+\\+7\\s+\\+6\\s+\\+7\\s+20|${name}\\s+\\+6\\s+\\+7\\s+\\+7\\s+20`));
    expect(table).not.toMatch(/Иван\s+\+/); // the leaver gets nothing
    expect(table).not.toMatch(/Анна\s+\+/); // nor the lead
    expect(table).toContain("с открытыми обещаниями и сроками: 1");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["✅ Применить", "✏️ Изменить", "🙋 Возьму себе", "✖️ Отмена"]);
    expect(allClients().every((c) => c.ownerId === leaverId)).toBe(true); // nothing moved yet

    await lead.tapButton("Применить");
    const done = lead.lastText();
    expect(done).toContain("Готово: 60 клиентов (Иван) переданы 3 менеджерам");
    expect(done).toContain("Шаг «Распределить базу» в чек-листе выполнен");
    expect(done).toContain("Запланировано звонков для реактивации: 60.");
    expect(h.db.select().from(calls).all()).toHaveLength(60);
    expect(distRows()[0]!.followedUpAt).not.toBeNull();
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["↩️ Отменить распределение"]);
    expect(lead.toasts()).toContain("Готово!");

    const owners = allClients().map((c) => c.ownerId);
    for (const m of [200, 201, 202]) expect(owners.filter((o) => o === memberIdOf(h.db, m))).toHaveLength(20);
    expect(allClients().every((c) => c.previousOwnerId === leaverId)).toBe(true);
    const movedCommitment = h.db.select().from(commitments).all()[0]!;
    expect(movedCommitment.ownerId).toBe(ownerOf(ids[5]!).ownerId);
    expect(stepStatus(h.db, handoverId, "redistribute")).toBe("done");

    await h.drainOutbox();
    const withCommitment = [boris, vera, galina].find((p) => memberIdOf(h.db, p.id) === ownerOf(ids[5]!).ownerId)!;
    const dm = withCommitment.messages().find((m) => m.text.includes("Вам передано"))!;
    expect(dm.text).toContain("Вам передано 20 клиентов. Прежний менеджер: Иван");
    expect(dm.text).toContain("Сначала — со сроками и обещаниями");
    expect(dm.text).toContain("до 25.11:</b> Выслать &lt;договор&gt; &amp; счёт");
    // The one with a commitment is listed first.
    expect(dm.text.indexOf("Клиент 6")).toBeLessThan(dm.text.indexOf("Остальные"));
    expect(dm.text).toContain("…и ещё 5. Полный список — в файле ниже.");
    const csv = withCommitment.messages().find((m) => m.document)!;
    expect(csv.text).toContain("Полный список ваших новых клиентов: 20");
    const content = csv.document!.bytes.toString("utf8");
    expect(content.startsWith("\uFEFFКлиент;Компания;Телефоны")).toBe(true);
    expect(content.split("\r\n").filter(Boolean)).toHaveLength(21);
    expect(content).toContain("Выслать <договор> & счёт (25.11.2026)");
    expect(ivan.messages().some((m) => m.text.includes("Вам передано"))).toBe(false);
    expect(h.errors()).toEqual([]);
  });

  it("schedules the calls and tells the new owners on the next tick when the bot died right after the apply", async () => {
    const { handoverId } = handoverWith(30);
    await openFromChecklist(handoverId);
    const distributionId = distRows()[0]!.id;
    // The apply transaction alone, as if the process died before its follow-up.
    expect(applyDistribution(h.db, { distributionId, teamId: 1, actorId: leadId, now: h.clock.now() }).kind).toBe("applied");
    expect(h.db.select().from(calls).all()).toHaveLength(0);
    await h.drainOutbox();
    expect(boris.messages().some((m) => m.text.includes("Вам передано"))).toBe(false);

    h.restart();
    h.tick();
    expect(h.db.select().from(calls).all()).toHaveLength(30);
    await h.drainOutbox();
    for (const p of [boris, vera, galina]) expect(p.messages().filter((m) => m.text.includes("Вам передано 10 клиентов"))).toHaveLength(1);
    // The next tick finds nothing owed: no second call, no second message.
    h.tick();
    await h.drainOutbox();
    expect(h.db.select().from(calls).all()).toHaveLength(30);
    for (const p of [boris, vera, galina]) expect(p.messages().filter((m) => m.text.includes("Вам передано"))).toHaveLength(1);
  });

  it("shows the apply done even when the follow-up fails, and the next tick finishes it", async () => {
    const { handoverId } = handoverWith(30);
    await openFromChecklist(handoverId);
    h.db.$client.exec(`CREATE TRIGGER calls_fail BEFORE INSERT ON calls BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    await lead.tapButton("Применить");
    expect(lead.lastText()).toContain("Готово: 30 клиентов (Иван) переданы 3 менеджерам");
    expect(lead.lastText()).not.toContain("Запланировано звонков");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["↩️ Отменить распределение"]);
    expect(h.errors().map((e) => e.msg)).toEqual(["distribution follow-up failed; the scheduler will finish it"]);
    expect(h.db.select().from(calls).all()).toHaveLength(0);

    h.db.$client.exec(`DROP TRIGGER calls_fail`);
    h.tick();
    expect(h.db.select().from(calls).all()).toHaveLength(30);
    await h.drainOutbox();
    expect(boris.messages().filter((m) => m.text.includes("Вам передано 10 клиентов"))).toHaveLength(1);
  });

  it("applies once however often Apply is tapped", async () => {
    const { handoverId } = handoverWith(9);
    await openFromChecklist(handoverId);
    const table = lead.last()!;
    await lead.tapButton("Применить");
    const after = allClients();
    const events = h.db.$client.prepare("SELECT count(*) AS n FROM client_events").get() as { n: number };
    await lead.tap(table.buttons[0]![0]!.data!, { messageId: table.messageId });
    expect(lead.toasts()).toContain("Уже применено.");
    expect(allClients()).toEqual(after);
    expect((h.db.$client.prepare("SELECT count(*) AS n FROM client_events").get() as { n: number }).n).toBe(events.n);
    expect(h.db.select().from(notifications).all()).toHaveLength(3);
  });

  it("undoes in one tap: every client back in the pool, new owners told", async () => {
    const { ids, handoverId } = handoverWith(6);
    await openFromChecklist(handoverId);
    await lead.tapButton("Применить");
    await h.drainOutbox();
    h.clock.advance(60_000);
    await lead.tapButton("Отменить распределение");
    expect(lead.lastText()).toContain("Распределение отменено: 6 клиентов вернулись в общий пул");
    expect(lead.last()!.buttons).toEqual([]);
    for (const id of ids) {
      expect(ownerOf(id)).toMatchObject({ ownerId: null, previousOwnerId: leaverId, unassignedSince: h.clock.now().getTime() });
    }
    expect(stepStatus(h.db, handoverId, "redistribute")).toBe("open");
    await h.drainOutbox();
    for (const p of [boris, vera, galina]) expect(p.lastText()).toContain("Руководитель отменил передачу: 2 клиента (прежний менеджер — Иван)");

    // The same checklist button distributes them again from the pool.
    await openFromChecklist(handoverId);
    expect(lead.lastText()).toContain("Всего 6 клиентов");
    await lead.tapButton("Применить");
    expect(allClients().every((c) => c.ownerId !== null)).toBe(true);
  });

  it("refuses the undo politely once a call has been recorded", async () => {
    const { ids, handoverId } = handoverWith(3);
    await openFromChecklist(handoverId);
    await lead.tapButton("Применить");
    const distributionId = distRows()[0]!.id;
    seedCall(h.db, { teamId: 1, clientId: ids[0]!, assigneeId: ownerOf(ids[0]!).ownerId!, distributionId, handoverId, recorded: true });
    const before = allClients();
    await lead.tapButton("Отменить распределение");
    expect(lead.toasts().at(-1)).toContain("Отменить уже нельзя");
    expect(allClients()).toEqual(before);
    expect(distRows()[0]!.status).toBe("applied");
    expect(lead.last()!.buttons).toEqual([]);
  });

  it("re-plans a stale proposal instead of applying it blindly", async () => {
    const { handoverId } = handoverWith(6);
    await openFromChecklist(handoverId);
    const [late] = seedClients(h.db, 1, [{ name: "Поздний", ownerId: leaverId, temperature: "hot" }]);
    await lead.tapButton("Применить");
    expect(lead.toasts().at(-1)).toContain("Клиенты изменились");
    expect(lead.lastText()).toContain("Пока вы смотрели");
    expect(lead.lastText()).toContain("Всего 7 клиентов");
    expect(ownerOf(late!).ownerId).toBe(leaverId);
    expect(distRows().map((d) => d.status)).toEqual(["cancelled", "proposed"]);
    await lead.tapButton("Применить");
    expect(ownerOf(late!).ownerId).not.toBe(leaverId);
    expect(distRows().map((d) => d.status)).toEqual(["cancelled", "applied"]);
  });

  it("cancels without changing anything", async () => {
    const { handoverId } = handoverWith(4);
    await openFromChecklist(handoverId);
    await lead.tapButton("Отмена");
    expect(lead.lastText()).toContain("ничего не изменилось");
    expect(allClients().every((c) => c.ownerId === leaverId)).toBe(true);
    expect(distRows()[0]!.status).toBe("cancelled");
  });

  it("offers only Take them myself when there is no other active manager", async () => {
    h.db.update(members).set({ status: "left" }).where(eq(members.role, "manager")).run();
    h.db.update(members).set({ status: "active" }).where(eq(members.id, leaverId)).run();
    const { ids, handoverId } = handoverWith(5);
    await openFromChecklist(handoverId);
    expect(lead.lastText()).toContain("нет других активных менеджеров");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["🙋 Возьму себе", "✖️ Отмена"]);
    await lead.tapButton("Возьму себе");
    expect(lead.lastText()).toContain("Готово: 5 клиентов теперь ваши");
    for (const id of ids) expect(ownerOf(id)).toMatchObject({ ownerId: leadId, previousOwnerId: leaverId });
    expect(stepStatus(h.db, handoverId, "redistribute")).toBe("done");
    await h.drainOutbox();
    expect(lead.messages().some((m) => m.text.includes("Вам передано 5 клиентов"))).toBe(true);
  });

  it("tells the lead about new owners the bot cannot reach", async () => {
    h.db.update(members).set({ status: "left" }).where(eq(members.id, memberIdOf(h.db, 202))).run();
    const nameOnly = seedNameOnlyMember(h.db, 1, "Семён <Ночной>");
    await vera.block();
    const { handoverId } = handoverWith(9);
    await openFromChecklist(handoverId);
    await lead.tapButton("Применить");
    expect(lead.lastText()).toContain("Не могу написать: Вера, Семён &lt;Ночной&gt;");
    expect(allClients().filter((c) => c.ownerId === nameOnly)).toHaveLength(3);
    await h.drainOutbox();
    expect(h.db.select().from(notifications).all().map((n) => n.memberId)).toEqual([memberIdOf(h.db, 200)]);
  });

  it("keeps the table of a big team within one message", async () => {
    for (let i = 0; i < 70; i++) seedNameOnlyMember(h.db, 1, `Менеджер с длинным именем ${i}`);
    const { handoverId } = handoverWith(146);
    await openFromChecklist(handoverId);
    const table = lead.lastText();
    expect(table).toContain("…и ещё 13");
    expect(table.length).toBeLessThan(4096);
    await lead.tapButton("Изменить");
    await lead.tapButton("Исключить менеджера");
    expect(lead.last()!.buttons.flat()).toHaveLength(74); // 73 managers and "Back"
  });

  it("warns about a manager over the cap", async () => {
    h.db.update(teams).set({ managerCap: 10 }).run();
    seedManyClients(h.db, 1, memberIdOf(h.db, 200), 9, "Свой");
    const { handoverId } = handoverWith(30);
    await openFromChecklist(handoverId);
    expect(lead.lastText()).toMatch(/⚠️ (Борис|Вера|Галина): будет \d+ клиент\S* — больше лимита 10 на менеджера/);
  });
});

describe("from the real /offboard checklist", () => {
  it("step 4's button opens the table; applying completes the step and refreshes the checklist", async () => {
    const ids = seedManyClients(h.db, 1, leaverId, 9);
    await lead.send("/offboard");
    if (lead.lastText().includes("Передачи дел в работе")) await lead.tapButton("Новая передача");
    await lead.tapButton("Иван");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    await lead.tapButton("Начать передачу");
    const checklist = lead.messages().find((m) => m.buttons.flat().some((b) => b.text === "4. Распределение"))!;
    expect(checklist.text).toContain("у уходящего: 9");
    await lead.tapButton("4. Распределение");
    await lead.tapButton("📦 Распределить");
    expect(lead.lastText()).toContain("Распределение клиентов: Иван");
    await lead.tapButton("Применить");
    expect(ids.every((id) => ownerOf(id).ownerId !== leaverId)).toBe(true);
    const handoverId = distRows()[0]!.handoverId!;
    expect(stepStatus(h.db, handoverId, "redistribute")).toBe("done");
    const refreshed = lead.messages().find((m) => m.messageId === checklist.messageId)!;
    expect(refreshed.text).toMatch(/✅ 4\./);
    expect(h.errors()).toEqual([]);
  });
});

describe("who may tap", () => {
  it("lets only the team's lead act; forged data changes nothing", async () => {
    const { handoverId } = handoverWith(6);
    await openFromChecklist(handoverId);
    const table = lead.last()!;
    const apply = table.buttons[0]![0]!.data!;

    await boris.tap(apply, { messageId: table.messageId, chatId: lead.id });
    expect(boris.toasts()).toContain("Только руководитель может это сделать.");
    const stranger = h.user(900);
    await stranger.send("/start");
    await stranger.tap(apply, { messageId: table.messageId, chatId: lead.id });
    expect(stranger.toasts()).toContain("Вы не в этой команде.");
    await boris.tap(`dist:h:${handoverId}`, { messageId: table.messageId, chatId: lead.id });

    for (const forged of ["dist:a:999", "dist:a:abc", "dist:a:1:2", "dist:zz:1", `dist:h:${handoverId + 5}`, "dist:e:1:999", "dist:u:1"]) {
      await lead.tap(forged, { messageId: table.messageId });
    }
    expect(lead.toasts().filter((t) => t.includes("устарела"))).toHaveLength(6);
    expect(lead.toasts()).toContain("Это предложение уже не действует."); // "undo" on a mere proposal
    expect(allClients().every((c) => c.ownerId === leaverId)).toBe(true);
    expect(distRows().map((d) => d.status)).toEqual(["proposed"]);

    // Another team's lead cannot touch this distribution.
    const otherLead = await h.createTeam(500, "Другая");
    await otherLead.tap(apply, { messageId: table.messageId, chatId: lead.id });
    expect(otherLead.toasts()).toContain("Эта кнопка устарела. Откройте свежее сообщение.");
    expect(distRows()[0]!.status).toBe("proposed");
    expect(h.errors()).toEqual([]);
  });

  it("refuses a closed handover, and a handover with nothing left, politely", async () => {
    const { handoverId } = handoverWith(2);
    h.db.$client.prepare("UPDATE handovers SET status = 'cancelled' WHERE id = ?").run(handoverId);
    await openFromChecklist(handoverId);
    expect(lead.toasts().at(-1)).toBe("Эта передача дел уже закрыта или отменена.");
    h.db.$client.prepare("UPDATE handovers SET status = 'active' WHERE id = ?").run(handoverId);
    h.db.update(clients).set({ ownerId: memberIdOf(h.db, 200) }).run();
    await openFromChecklist(handoverId);
    expect(lead.toasts().at(-1)).toBe("У уходящего не осталось клиентов — распределять нечего.");
    expect(distRows()).toHaveLength(0);
  });

  it("from the team's group goes on in the lead's private chat (the base's composition is not for the group)", async () => {
    const group = h.group();
    await lead.send("/link", group.chat);
    const { handoverId } = handoverWith(6);
    await lead.tap(`dist:h:${handoverId}`, { messageId: group.last()!.messageId, chatId: group.id }, group.chat);
    expect(group.last()!.text).toContain("в личке");
    expect(group.messages().map((m) => m.text).join("\n")).not.toContain("Распределение клиентов");
    expect(distRows()).toHaveLength(0);
    await boris.tap(`dist:h:${handoverId}`, { messageId: group.last()!.messageId, chatId: group.id }, group.chat);
    expect(boris.toasts().at(-1)).toBe("Только руководитель может это сделать.");
    expect(boris.messages()).not.toContainEqual(expect.objectContaining({ text: expect.stringContaining("Продолжим здесь") }));
    expect(distRows()).toHaveLength(0);
    await lead.tapButton("Продолжить");
    expect(lead.lastText()).toContain("Распределение клиентов: Иван");
    await lead.tapButton("Применить");
    expect(distRows()[0]!.status).toBe("applied");
  });
});

describe("the unassigned pool", () => {
  it("/distribute proposes the pool, including re-imports of a leaver, and applies it", async () => {
    await lead.send("/distribute");
    expect(lead.lastText()).toContain("В общем пуле нет клиентов");
    const ids = seedClients(h.db, 1, [
      { name: "Без хозяина 1", ownerId: null, temperature: "hot" },
      { name: "Без хозяина 2", ownerId: null },
      { name: "Повторный импорт", ownerId: null, temperature: "cold" },
      { name: "Чужой", ownerId: memberIdOf(h.db, 200) },
    ]);
    h.db.update(clients).set({ previousOwnerId: leaverId }).where(eq(clients.id, ids[2]!)).run();
    await lead.send("/distribute");
    expect(lead.lastText()).toContain("Распределение общего пула");
    expect(lead.lastText()).toContain("Без ответственного 3 клиента");
    await lead.tapButton("Применить");
    expect(lead.lastText()).toContain("Готово: 3 клиента из общего пула переданы 3 менеджерам");
    expect(h.db.select().from(clients).where(isNull(clients.ownerId)).all()).toHaveLength(0);
    expect(ownerOf(ids[2]!).previousOwnerId).toBe(leaverId);
    expect(ownerOf(ids[3]!).ownerId).toBe(memberIdOf(h.db, 200));
    await h.drainOutbox();
    const firstOwner = [boris, vera, galina, ivan].find((p) => memberIdOf(h.db, p.id) === ownerOf(ids[0]!).ownerId)!;
    expect(firstOwner.lastText()).toContain("Вам передан 1 клиент из общего пула");
  });

  it("answers the nag's button and refuses managers", async () => {
    seedClients(h.db, 1, [{ name: "Ничей", ownerId: null }]);
    await boris.send("/distribute");
    expect(boris.lastText()).toContain("только руководитель");
    await lead.send("/help");
    await lead.tap("dist:start");
    expect(lead.lastText()).toContain("Распределение общего пула");
  });
});

describe("adjusting", () => {
  it("excludes a manager and shows the new table", async () => {
    const { handoverId } = handoverWith(12);
    await openFromChecklist(handoverId);
    await lead.tapButton("Изменить");
    expect(lead.lastText()).toContain("Что поменять?");
    await lead.tapButton("Исключить менеджера");
    expect(lead.lastText()).toContain("Кого не включать");
    await lead.tapButton("Борис");
    expect(lead.toasts()).toContain("Борис не участвует в этом распределении.");
    const table = lead.lastText();
    expect(table).toContain("Не участвуют в этом распределении: Борис");
    expect(table).not.toMatch(/Борис\s+\+/);
    expect(table).toMatch(/Вера\s+\+2\s+\+2\s+\+2\s+6/);
    await lead.tapButton("Применить");
    expect(allClients().filter((c) => c.ownerId === memberIdOf(h.db, 200))).toHaveLength(0);
  });

  it("moves N clients between two managers through a short dialogue", async () => {
    const { handoverId } = handoverWith(12);
    await openFromChecklist(handoverId);
    await lead.tapButton("Изменить");
    await lead.tapButton("Перенести N клиентов");
    expect(lead.lastText()).toContain("У кого забрать клиентов?");
    await lead.tapButton("Борис (+4)");
    expect(lead.lastText()).toContain("Забираем у: Борис");
    await lead.send("/help"); // other commands pass through the open dialogue
    expect(lead.lastText()).toContain("/distribute");
    h.restart(); // and it survives a restart
    await lead.tapButton("Вера");
    expect(lead.lastText()).toContain("Сколько клиентов перенести (Борис → Вера)? Напишите число от 1 до 4");
    await lead.send("пять");
    expect(lead.lastText()).toContain("Нужно число от 1 до 4");
    await lead.send("9");
    expect(lead.lastText()).toContain("Нужно число от 1 до 4");
    await lead.send("3");
    const texts = lead.messages().slice(-1)[0]!.text;
    expect(texts).toContain("Перенёс 3 клиента: Борис → Вера");
    expect(texts).toMatch(/Борис(\s+(\+\d+|0)){3}\s+1\n/);
    expect(texts).toMatch(/Вера(\s+(\+\d+|0)){3}\s+7\n/);
    const items = h.db.select().from(distributionItems).all();
    expect(items.filter((i) => i.toMemberId === memberIdOf(h.db, 201))).toHaveLength(7);
    await lead.tapButton("Применить");
    expect(allClients().filter((c) => c.ownerId === memberIdOf(h.db, 201))).toHaveLength(7);
  });

  it("moves one client found by part of a name or phone", async () => {
    const ids = seedClients(h.db, 1, [
      { name: "Семёнов Пётр", company: "ООО <Ромашка>", ownerId: leaverId, phones: ["+79161234567"] },
      { name: "Иванова Мария", ownerId: leaverId, phones: ["+79160000001"] },
      { name: "Петров Иван", ownerId: leaverId, phones: ["+79160000002"] },
    ]);
    const handoverId = seedHandover(h.db, { teamId: 1, leaverId, startedById: leadId });
    await openFromChecklist(handoverId);
    await lead.tapButton("Изменить");
    await lead.tapButton("Перенести одного клиента");
    expect(lead.lastText()).toContain("часть имени");
    await lead.send("Сидоров");
    expect(lead.lastText()).toContain("никого не нашёл");
    await lead.send("4567");
    expect(lead.lastText()).toContain("Нашёл: 1");
    const current = h.db.select().from(distributionItems).where(eq(distributionItems.clientId, ids[0]!)).get()!.toMemberId;
    await lead.tapButton(/Семёнов Пётр \(ООО <Ромашка>\)/);
    expect(lead.lastText()).toContain("Кому передать клиента «Семёнов Пётр»?");
    const target = [200, 201, 202].map((t) => memberIdOf(h.db, t)).find((m) => m !== current)!;
    const targetName = h.db.select().from(members).where(eq(members.id, target)).get()!.name;
    await lead.tapButton(targetName);
    expect(lead.lastText()).toContain(`Ответственный за «Семёнов Пётр» — ${targetName}`);
    expect(h.db.select().from(distributionItems).where(eq(distributionItems.clientId, ids[0]!)).get()!.toMemberId).toBe(target);
  });

  it("leaves the proposal as it was when the lead changes their mind", async () => {
    const { handoverId } = handoverWith(6);
    await openFromChecklist(handoverId);
    const before = h.db.select().from(distributionItems).all();
    await lead.tapButton("Изменить");
    await lead.tapButton("Перенести N клиентов");
    await lead.tapButton("Не менять");
    expect(lead.messages().at(-2)!.text).toContain("ничего не меняю");
    expect(lead.lastText()).toContain("Распределение клиентов: Иван");
    expect(h.db.select().from(distributionItems).all()).toEqual(before);
  });
});
