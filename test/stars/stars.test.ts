// De-starring through the real bot: the lead sees the star index, the weekly job plans second-voice
// touches, a colleague gets one in the digest and /today, opens its card with its own script, records
// the outcome with the usual buttons, and the owner's star index falls.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { calls, clients, members } from "../../src/db/schema.js";
import { renderTable } from "../../src/distribution/views.js";
import { proposeForPool } from "../../src/distribution/propose.js";
import { recordTouch } from "../../src/stars/voices.js";
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
  const [hot, warm, cold] = seedClients(h.db, 1, [
    { name: "ООО «Горячий» <VIP> & Co", ownerId: ids.vera, temperature: "hot", phones: ["+79161234567"] },
    { name: "Тёплый", ownerId: ids.vera, temperature: "warm" },
    { name: "Холодный", ownerId: ids.vera, temperature: "cold" },
  ]);
  return { lead, boris, vera, ids, clients: { hot: hot!, warm: warm!, cold: cold! } };
}

const touchesOf = (memberId: number) => h.db.select().from(calls).where(eq(calls.assigneeId, memberId)).all().filter((c) => c.kind === "second_voice").sort((a, b) => a.id - b.id);

describe("/stars", () => {
  it("shows the lead every manager's star index and the team's total; a tap lists single-voice clients, hot first; a manager sees their own line", async () => {
    const s = await scene();
    await s.lead.send("/stars");
    const text = s.lead.lastText();
    expect(text).toContain("Индекс звёздности");
    expect(text).toContain("<b>Вера</b>: клиентов 3 · знают только его/её: 3 (100%) · горячих из них: 1");
    expect(text).toContain("<b>Команда</b>: клиентов 3 · с одним голосом: 3 (100%) · горячих: 1");
    expect(text).toContain("Программа работает");
    await s.lead.tapButton("Вера · 100%");
    const detail = s.lead.lastText();
    expect(detail.indexOf("ООО «Горячий» &lt;VIP&gt; &amp; Co")).toBeLessThan(detail.indexOf("Тёплый"));
    expect(detail.indexOf("Тёплый")).toBeLessThan(detail.indexOf("Холодный"));
    await s.vera.send("/stars");
    expect(s.vera.lastText()).toContain("Ваш индекс звёздности");
    expect(s.vera.lastText()).toContain("знают только его/её: 3 (100%)");
    expect(s.vera.lastText()).not.toContain("Борис");
    // A manager cannot use the lead's buttons.
    await s.boris.tap("star:p:1");
    expect(s.boris.toasts().at(-1)).toMatch(/руководител/);
    // In the group: "continue in private", no client names.
    const group = h.group();
    await s.lead.send("/link", group.chat);
    await s.lead.send("/stars", group.chat);
    expect(group.last()!.text).not.toContain("Горячий");
    expect(h.errors()).toEqual([]);
  });
});

describe("second-voice touches", () => {
  it("are planned by the weekly job, shown in the digest and /today, made with the usual buttons, and the star index falls", async () => {
    const s = await scene();
    // The lead opts out of touches with the buttons: cap 5 → 0.
    await s.lead.send("/stars");
    await s.lead.tapButton("Анна · 0%");
    for (let i = 0; i < 5; i++) await s.lead.tapButton("− лимит");
    expect(s.lead.lastText()).toContain("Касаний в неделю: 0 (не участвует)");

    h.runJob("destarring-plan");
    await h.drainOutbox();
    expect(s.lead.lastText()).toContain("Касания «второго голоса» на неделю 23.11</b>: 3");
    // Vera owns all three: Boris gets them, hot first; never Vera, never the lead (opted out).
    expect(touchesOf(s.ids.vera)).toEqual([]);
    expect(touchesOf(s.ids.lead)).toEqual([]);
    expect(touchesOf(s.ids.boris).map((c) => c.clientId)).toEqual([s.clients.hot, s.clients.warm, s.clients.cold]);
    // A second run the same week plans nothing more.
    h.runJob("destarring-plan");
    expect(h.db.select().from(calls).all()).toHaveLength(3);

    h.runJob("daily-digest");
    await h.drainOutbox();
    const digest = s.boris.lastText();
    expect(digest).toContain("ООО «Горячий» &lt;VIP&gt; &amp; Co</b> — 🗣 второй голос");

    await s.boris.send("/today");
    expect(s.boris.lastText()).toContain("— 🗣 второй голос");
    await s.boris.tapButton(/^1$/);
    const card = s.boris.lastText();
    expect(card).toContain("Касание «второго голоса»");
    expect(card).toContain("владелец клиента: Вера");
    expect(card).toContain("Меня зовут Борис, я коллега Вера");
    expect(card).toMatch(/Скидок не предлагаем/);
    expect(s.boris.last()!.buttons.flat().map((b) => b.text)).toEqual(["✅ Дозвонились", "📵 Нет ответа", "🕒 Перезвонить…", "✖️ Потерян"]);
    const cardMessage = s.boris.last()!;

    await s.boris.tapButton("Дозвонились");
    await s.boris.tapButton("+1 месяц");
    const hotRow = h.db.select().from(clients).where(eq(clients.id, s.clients.hot)).get()!;
    expect(hotRow).toMatchObject({ ownerId: s.ids.vera, nextContactOn: "2026-12-23" }); // the owner's next contact
    // A stale button on the same card: the outcome is not recorded twice.
    await s.boris.tap(cardMessage.buttons[0]![1]!.data!, cardMessage);
    expect(s.boris.toasts().at(-1)).toBe("Результат уже записан.");

    // The star index falls: Vera's hot client knows Boris now; the week's figures are there too.
    await s.lead.send("/stars");
    expect(s.lead.lastText()).toContain("<b>Вера</b>: клиентов 3 · знают только его/её: 2 (67%) · горячих из них: 0");
    expect(s.lead.lastText()).toContain("23.11: запланировано 3 · сделано 1 · дозвонились 1");

    // Next morning Vera hears who spoke with her clients.
    h.clock.set("2026-11-24T09:00:00+03:00");
    h.runJob("destarring-plan");
    await h.drainOutbox();
    expect(s.vera.lastText()).toContain("Борис поговорил(а) с вашими клиентами: 1 — дозвонились: 1");
    expect(h.errors()).toEqual([]);
  });

  it("the lead's touch may be a personal message: its card says so and one tap records it", async () => {
    const s = await scene();
    h.db.update(members).set({ starsCap: 0 }).where(eq(members.id, s.ids.lead)).run();
    h.runJob("destarring-plan");
    const [touch] = touchesOf(s.ids.boris);
    h.db.update(calls).set({ assigneeId: s.ids.lead, touchKind: "lead" }).where(eq(calls.id, touch!.id)).run();
    await s.lead.tap(`call:o:${touch!.id}`);
    expect(s.lead.last()!.buttons.flat().map((b) => b.text)).toEqual(["✅ Поговорил(а) или написал(а)", "📵 Нет ответа", "🕒 Перезвонить…", "✖️ Потерян"]);
    await s.lead.tapButton("написал");
    await s.lead.tapButton("+1 месяц");
    expect(h.db.select().from(calls).where(eq(calls.id, touch!.id)).get()).toMatchObject({ status: "reached" });
    await s.lead.send("/stars");
    expect(s.lead.lastText()).toContain("<b>Вера</b>: клиентов 3 · знают только его/её: 2 (67%)");
  });

  it("tells the owner at once when a touch loses the client, and voids a touch whose client moved to the caller", async () => {
    const s = await scene();
    h.db.update(members).set({ starsCap: 0 }).where(eq(members.id, s.ids.lead)).run();
    h.runJob("destarring-plan");
    const [hotTouch, warmTouch] = touchesOf(s.ids.boris);
    await s.boris.tap(`call:o:${hotTouch!.id}`);
    await s.boris.tapButton("Потерян");
    await s.boris.tapButton(/конкурент/);
    await h.drainOutbox();
    expect(s.vera.lastText()).toContain("Борис звонил(а) вашему клиенту <b>ООО «Горячий» &lt;VIP&gt; &amp; Co</b>");
    expect(s.vera.lastText()).toContain("ушёл к конкуренту");
    expect(s.vera.last()!.buttons.flat().map((b) => b.text)).toEqual(["Открыть карточку"]);

    // The warm client is given to Boris (the lead reassigns it) before he calls: the touch is void.
    await s.boris.tap(`call:o:${warmTouch!.id}`);
    const card = s.boris.last()!;
    h.db.update(clients).set({ ownerId: s.ids.boris }).where(eq(clients.id, s.clients.warm)).run();
    await s.boris.tapButton("Нет ответа");
    expect(s.boris.toasts().at(-1)).toBe("Результат уже записан.");
    expect(h.chat(200).find((m) => m.messageId === card.messageId)!.text).toContain("касание «второго голоса» отменено");
    expect(h.db.select().from(calls).where(eq(calls.id, warmTouch!.id)).get()).toMatchObject({ status: "cancelled", attempts: 0 });
  });

  it("moves a leaver's planned touches to someone with room, or drops them, and tells the lead; a paused team plans nothing", async () => {
    const s = await scene();
    await s.lead.send("/stars");
    await s.lead.tapButton("Пауза");
    expect(s.lead.toasts().at(-1)).toBe("Программа на паузе.");
    h.runJob("destarring-plan");
    expect(h.db.select().from(calls).all()).toEqual([]);
    await s.lead.tapButton("Возобновить");
    h.runJob("destarring-plan");
    expect(touchesOf(s.ids.boris).length + touchesOf(s.ids.lead).length).toBe(3);
    // Boris is leaving mid-week: his touches go to the lead (room left), never to Vera (the owner).
    h.db.update(members).set({ status: "departing" }).where(eq(members.id, s.ids.boris)).run();
    h.clock.set("2026-11-24T09:00:00+03:00");
    h.runJob("destarring-plan");
    await h.drainOutbox();
    expect(touchesOf(s.ids.boris).filter((c) => c.status === "open")).toEqual([]);
    expect(touchesOf(s.ids.lead).filter((c) => c.status === "open")).toHaveLength(3);
    expect(s.lead.messages().map((m) => m.text).join("\n")).toMatch(/Борис больше не в команде: касания перешли к другим — \d, отменены \(не у кого места\) — 0/);
  });

  it("explains why nothing is planned when everyone opted out", async () => {
    const s = await scene();
    h.db.update(members).set({ starsCap: 0 }).run();
    h.runJob("destarring-plan");
    await h.drainOutbox();
    expect(s.lead.lastText()).toContain("у всех лимит касаний 0");
    expect(h.db.select().from(calls).all()).toEqual([]);
  });
});

describe("the handover preview", () => {
  it("shows how many of the leaver's clients know only them", async () => {
    const s = await scene();
    await s.lead.send("/offboard");
    await s.lead.tapButton("Вера");
    await s.lead.tapButton("По-хорошему");
    await s.lead.send("27.11.2026");
    expect(s.lead.lastText()).toContain("Что на кону: Вера");
    expect(s.lead.lastText()).toContain("⭐ 3 из 3 клиентов знают из команды только одного человека — Вера (100%).");
  });

  it("counts a colleague's recorded call as a second voice", async () => {
    const s = await scene();
    // The lead calls Vera's warm client from its card and reaches them.
    await s.lead.tap(`call:log:${s.clients.warm}`);
    await s.lead.tapButton("Дозвонились");
    await s.lead.tapButton("+1 неделя");
    await s.lead.send("/cancel");
    await s.lead.send("/offboard");
    await s.lead.tapButton("Вера");
    await s.lead.tapButton("По-хорошему");
    await s.lead.send("27.11.2026");
    expect(s.lead.lastText()).toContain("⭐ 2 из 3 клиентов знают из команды только одного человека — Вера (67%).");
  });
});

describe("continuity in a handover", () => {
  it("the distribution preview says how many clients go to someone who knows them, loads as fair as before", async () => {
    const s = await scene();
    await h.join(400, "manager", { first_name: "Глеб" });
    const gleb = memberIdOf(h.db, 400);
    // Vera has two hot clients; Gleb spoke with the second one before (a recorded touch). Her base goes to the pool.
    const [hot2] = seedClients(h.db, 1, [{ name: "Второй горячий", ownerId: s.ids.vera, temperature: "hot" }]);
    recordTouch(h.db, { teamId: 1, clientId: hot2!, memberId: gleb, at: h.clock.now().getTime(), source: "call" });
    h.db.update(clients).set({ ownerId: null }).run();
    const proposed = proposeForPool(h.db, { teamId: 1, actorId: s.ids.lead, now: h.clock.now(), excludeMemberIds: [s.ids.vera] });
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    expect(proposed.view.known).toBe(1);
    // Still fair: one hot client each.
    expect(proposed.view.rows.map((r) => [r.name, r.added.hot, r.addedTotal])).toEqual([
      ["Борис", 1, 2],
      ["Глеб", 1, 2],
    ]);
    expect(renderTable((k, v) => h.bot.i18n.t("ru", k, v), proposed.view)).toContain("Знакомы с новым менеджером: 1 из 4.");
  });
});

describe("second-voice scripts in /script", () => {
  it("a lead edits the introduction script with {owner}; the caller's card shows it filled in, and the lead can reset it", async () => {
    const s = await scene();
    await s.lead.send("/script");
    expect(s.lead.lastText()).toContain("Второй голос: знакомство (коллега, стажёр)</b> — стандартный текст");
    expect(s.lead.lastText()).toContain("я коллега {owner}");
    await s.lead.tapButton("Изменить «знакомство»");
    expect(s.lead.lastText()).toContain("для касания «знакомство»");
    await s.lead.send("Добрый день, {client}! Я {manager}, работаю вместе с {owner}. Без скидок, просто знакомимся.");
    expect(s.lead.lastText()).toContain("Сохранено");
    expect(s.lead.lastText()).toContain("работаю вместе с Мария");
    h.db.update(members).set({ starsCap: 0 }).where(eq(members.id, s.ids.lead)).run();
    h.runJob("destarring-plan");
    await s.boris.tap(`call:o:${touchesOf(s.ids.boris)[0]!.id}`);
    expect(s.boris.lastText()).toContain("Я Борис, работаю вместе с Вера");
    await s.lead.send("/script");
    await s.lead.tapButton("Вернуть стандартное «знакомство»");
    expect(s.lead.toasts().at(-1)).toBe("Стандартный текст восстановлен.");
  });
});

describe("touches not made", () => {
  it("are nagged to the caller and escalated to the lead like calls", async () => {
    const s = await scene();
    h.db.update(members).set({ starsCap: 0 }).where(eq(members.id, s.ids.lead)).run();
    h.runJob("destarring-plan");
    // Thursday afternoon: Monday's and Tuesday's touches are not made.
    h.clock.set("2026-11-26T15:00:00+03:00");
    h.runJob("overdue-calls-nag");
    await h.drainOutbox();
    expect(s.boris.messages().map((m) => m.text).join("\n")).toContain("ООО «Горячий» &lt;VIP&gt; &amp; Co");
    expect(s.lead.messages().map((m) => m.text).join("\n")).toContain("Борис");
  });
});

describe("the programme's schedule", () => {
  it("a lead moves the plan day and window with buttons; the scheduler plans on that day at that hour, once", async () => {
    const s = await scene();
    await s.lead.send("/stars");
    expect(s.lead.lastText()).toContain("по понедельникам в 09:00, до 5 в неделю на человека");
    await s.lead.tapButton("Пн ▸");
    expect(s.lead.lastText()).toContain("по вторникам в 09:00");
    await s.lead.tapButton("окно 12 мес ▸");
    expect(s.lead.lastText()).toContain("за последние 18 мес.");
    h.db.update(members).set({ starsCap: 0 }).where(eq(members.id, s.ids.lead)).run();
    // Monday 09:00: the tick runs the job, but the plan day is Tuesday.
    h.tick();
    expect(touchesOf(s.ids.boris)).toEqual([]);
    h.clock.set("2026-11-24T09:05:00+03:00");
    h.tick();
    expect(touchesOf(s.ids.boris)).toHaveLength(3);
    h.clock.set("2026-11-25T09:05:00+03:00");
    h.tick();
    expect(touchesOf(s.ids.boris)).toHaveLength(3);
  });
});

describe("a handover reaches a client with a planned touch", () => {
  it("the touch gives way to the reactivation call as the distribution is applied", async () => {
    const s = await scene();
    h.db.update(members).set({ starsCap: 0 }).where(eq(members.id, s.ids.lead)).run();
    h.runJob("destarring-plan");
    expect(touchesOf(s.ids.boris).filter((c) => c.status === "open")).toHaveLength(3);
    // Vera's clients go to Boris and the lead through a handover (seeded as its apply leaves it).
    const { seedAppliedHandover } = await import("../calls/calls.fixtures.js");
    seedAppliedHandover(h.db, {
      teamId: 1,
      leaverId: s.ids.vera,
      leadId: s.ids.lead,
      lastDay: "2026-11-23",
      moves: [
        { clientId: s.clients.hot, to: s.ids.lead },
        { clientId: s.clients.warm, to: s.ids.lead },
        { clientId: s.clients.cold, to: s.ids.boris },
      ],
      now: h.clock.now(),
    });
    h.runJob("destarring-plan");
    expect(touchesOf(s.ids.boris).filter((c) => c.status === "open")).toEqual([]);
    await s.boris.send("/today");
    expect(s.boris.lastText()).not.toContain("второй голос");
  });
});

describe("/stars in English", () => {
  it("speaks the reader's language", async () => {
    const s = await scene();
    await s.lead.send("/language");
    await s.lead.tapButton("English");
    await s.lead.send("/stars");
    expect(s.lead.lastText()).toContain("Star index");
    expect(s.lead.lastText()).toContain("<b>Вера</b>: clients 3 · know only them: 3 (100%) · hot among them: 1");
    expect(s.lead.lastText()).toContain("touches are planned on Mondays at 09:00, up to 5 a week per person");
  });
});

describe("the owner's own list", () => {
  it("keeps the owner's next contact when a colleague has a touch planned with the client", async () => {
    const s = await scene();
    h.db.update(members).set({ starsCap: 0 }).where(eq(members.id, s.ids.lead)).run();
    h.db.update(clients).set({ nextContactOn: "2026-11-23" }).where(eq(clients.id, s.clients.warm)).run();
    h.runJob("destarring-plan");
    expect(touchesOf(s.ids.boris).map((c) => c.clientId)).toContain(s.clients.warm);
    await s.vera.send("/today");
    expect(s.vera.lastText()).toContain("Следующий контакт сегодня");
    expect(s.vera.lastText()).toContain("Тёплый");
  });
});
