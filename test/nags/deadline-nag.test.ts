import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitments, members } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedClients, seedCommitment } from "../support/seed.js";
import { outbox, setTeam } from "../jobs/fixtures.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-25T09:00:00+03:00" }); // a Wednesday
});
afterEach(() => h.close());

async function team() {
  const lead = await h.createTeam();
  const boris = await h.join(200, "manager", { first_name: "Борис" });
  const kate = await h.join(201, "manager", { first_name: "Kate", language_code: "en" });
  const b = memberIdOf(h.db, 200);
  const k = memberIdOf(h.db, 201);
  const [c1, c2, c3, c4, c5] = seedClients(h.db, 1, [
    { name: "ООО «Ромашка»", ownerId: b },
    { name: "ИП Петров", ownerId: b },
    { name: "Acme", ownerId: k },
    { name: "Сирота", ownerId: null },
    { name: "Далёкий", ownerId: b },
  ]);
  return { lead, boris, kate, b, k, c1: c1!, c2: c2!, c3: c3!, c4: c4!, c5: c5! };
}

describe("deadlines nag", () => {
  it("gives a co-lead being offboarded his own deadlines only, not the team's", async () => {
    const { lead, b, c1 } = await team();
    const oleg = await h.join(150, "lead", { first_name: "Олег" });
    const [own] = seedClients(h.db, 1, [{ name: "Клиент Олега", ownerId: memberIdOf(h.db, 150) }]);
    seedCommitment(h.db, { teamId: 1, clientId: own!, ownerId: memberIdOf(h.db, 150), text: "Свой счёт", dueOn: "2026-11-24" });
    seedCommitment(h.db, { teamId: 1, clientId: c1, ownerId: b, text: "Секрет Бориса", dueOn: "2026-11-20" });
    await lead.send("/offboard");
    await lead.tapButton("Олег");
    await lead.tapButton("По-хорошему");
    await lead.send("27.11");
    await lead.tapButton("Начать передачу");

    h.runJob("deadline-nag");
    await h.drainOutbox();
    const toOleg = oleg.messages().filter((m) => m.text.includes("Свой счёт"));
    expect(toOleg).toHaveLength(1);
    expect(toOleg[0]!.text).not.toContain("Секрет Бориса");
    expect(toOleg[0]!.text).not.toContain("у команды");
    expect(lead.lastText()).toContain("Секрет Бориса");
  });

  it("tells owners about commitments due soon and overdue, and leads about the overdue ones by owner", async () => {
    const { lead, boris, kate, b, k, c1, c2, c3, c4, c5 } = await team();
    seedCommitment(h.db, { teamId: 1, clientId: c1, ownerId: b, text: "Выслать КП <срочно>", dueOn: "2026-11-20" });
    seedCommitment(h.db, { teamId: 1, clientId: c2, ownerId: b, kind: "document", text: "Акт сверки", dueOn: "2026-11-25" });
    seedCommitment(h.db, { teamId: 1, clientId: c2, ownerId: b, kind: "deadline", text: "Тендер", dueOn: "2026-11-26" });
    seedCommitment(h.db, { teamId: 1, clientId: c5, ownerId: b, text: "Позвонить после отпуска", dueOn: "2026-11-30" });
    seedCommitment(h.db, { teamId: 1, clientId: c3, ownerId: k, text: "Send the contract", dueOn: "2026-11-24" });
    seedCommitment(h.db, { teamId: 1, clientId: c4, ownerId: null, text: "Счёт", dueOn: "2026-11-26" });
    const done = seedCommitment(h.db, { teamId: 1, clientId: c1, ownerId: b, text: "Уже сделано", dueOn: "2026-11-19" });
    h.db.update(commitments).set({ status: "done" }).where(eq(commitments.id, done)).run();

    expect(h.runJob("deadline-nag")).toBe(3);
    await h.drainOutbox();

    const toBoris = boris.lastText();
    expect(toBoris).toContain("Просрочено — 1:");
    expect(toBoris).toContain("• ООО «Ромашка»: Выслать КП &lt;срочно&gt; (обещание) — срок был 20.11");
    expect(toBoris).toContain("Срок подходит — 2:");
    expect(toBoris).toContain("• ИП Петров: Акт сверки (документы) — сегодня");
    expect(toBoris).toContain("• ИП Петров: Тендер (срок клиента) — завтра");
    expect(toBoris).not.toContain("после отпуска"); // beyond the 24-hour window
    expect(toBoris).not.toContain("Уже сделано");
    expect(toBoris).not.toContain("Acme");
    expect(boris.last()?.buttons[0]?.[0]?.data).toBe("today:show");

    expect(kate.lastText()).toContain("Overdue — 1:");
    expect(kate.lastText()).toContain("• Acme: Send the contract (promise) — was due 24 Nov");

    const toLead = lead.lastText();
    expect(toLead).toContain("Просрочено у команды:");
    expect(toLead).toContain("Борис — 1:");
    expect(toLead).toContain("Kate — 1:");
    expect(toLead).toContain("Без ответственного — 1:");
    expect(toLead).toContain("• Сирота: Счёт (обещание) — завтра");
    expect(toLead).not.toContain("Акт сверки"); // not overdue, and Борис has it

    // Second run in the same slot: nothing new.
    expect(h.runJob("deadline-nag")).toBe(0);
    expect(outbox(h.db).filter((n) => n.kind === "nag_deadline")).toHaveLength(3);
  });

  it("follows the team's window setting", async () => {
    const { boris, b, c5 } = await team();
    seedCommitment(h.db, { teamId: 1, clientId: c5, ownerId: b, text: "Позвонить после отпуска", dueOn: "2026-11-30" });
    expect(h.runJob("deadline-nag")).toBe(0);
    setTeam(h.db, { deadlineWindowHours: 6 * 24 });
    h.clock.set("2026-11-25T10:00:00+03:00");
    expect(h.runJob("deadline-nag")).toBe(1);
    await h.drainOutbox();
    expect(boris.lastText()).toContain("Позвонить после отпуска (обещание) — до 30.11");
  });

  it("gives the commitments of someone who left to the leads", async () => {
    const { lead, b, c1 } = await team();
    seedCommitment(h.db, { teamId: 1, clientId: c1, ownerId: b, text: "Договор", dueOn: "2026-11-25" });
    h.db.update(members).set({ status: "left" }).where(eq(members.id, b)).run();
    expect(h.runJob("deadline-nag")).toBe(1);
    await h.drainOutbox();
    expect(lead.lastText()).toContain("Без ответственного — 1:");
    expect(lead.lastText()).toContain("Договор (обещание) — сегодня");
  });

  it("sends one message to a lead who is also an owner, with both parts", async () => {
    const { lead, c1 } = await team();
    const leadId = memberIdOf(h.db, 100);
    seedCommitment(h.db, { teamId: 1, clientId: c1, ownerId: leadId, text: "Свой долг", dueOn: "2026-11-21" });
    seedCommitment(h.db, { teamId: 1, clientId: c1, ownerId: memberIdOf(h.db, 200), text: "Долг Бориса", dueOn: "2026-11-21" });
    expect(h.runJob("deadline-nag")).toBe(2);
    await h.drainOutbox();
    const text = lead.lastText();
    expect(text).toContain("Свой долг");
    expect(text).toContain("Долг Бориса");
    expect(text.match(/Свой долг/g)).toHaveLength(1); // not repeated in the team part
    expect(lead.messages().filter((m) => m.text.includes("Сроки по клиентам"))).toHaveLength(1);
  });

  it("keeps a long team report within one Telegram message, tags intact", async () => {
    const lead = await h.createTeam();
    for (let m = 0; m < 40; m++) {
      await h.join(1000 + m, "manager", { first_name: `Менеджер с очень длинным именем номер ${m}` });
      const owner = memberIdOf(h.db, 1000 + m);
      const ids = seedClients(h.db, 1, Array.from({ length: 4 }, (_, i) => ({ name: `ООО «${"Очень длинное название ".repeat(5)}${m}-${i}»`, ownerId: owner })));
      for (const clientId of ids) seedCommitment(h.db, { teamId: 1, clientId, ownerId: owner, text: "Подготовить и выслать пакет документов <срочно> ".repeat(4), dueOn: "2026-11-20" });
    }
    h.runJob("deadline-nag");
    await h.drainOutbox();
    const text = lead.lastText();
    expect(text).toContain("Просрочено у команды:");
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.endsWith("…")).toBe(true);
    expect((text.match(/<b>/g) ?? []).length).toBe((text.match(/<\/b>/g) ?? []).length);
    expect(h.errors()).toEqual([]);
  });
});
