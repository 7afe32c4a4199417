// Who may join and stay: invite links only in private chats, co-leads only by a lead's "Accept", removal from /team.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { joinRequests, members } from "../../src/db/schema.js";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedManyClients } from "../support/seed.js";
import { botAddedToGroupUpdate } from "../support/updates.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00Z" });
});
afterEach(() => h.close());

const memberRow = (telegramId: number) => h.db.select().from(members).where(eq(members.telegramId, telegramId)).get();

describe("invite links", () => {
  it("never posts links in a group: they go to the lead's private chat", async () => {
    const lead = await h.createTeam();
    const group = h.group();
    await lead.send("/link", group.chat);
    await lead.send("/team", group.chat);
    const shown = group.messages().map((m) => m.text + JSON.stringify(m.buttons)).join("\n");
    expect(shown).not.toContain("?start=");
    expect(group.last()!.text).toContain("отправил вам в личку");
    expect(group.last()!.text).toContain("Анна");
    expect(lead.lastText()).toContain(`start=${h.team().leadInviteToken}`);
    expect(lead.lastText()).toContain(`start=${h.team().managerInviteToken}`);
    // The team's id, for the command-line tools, to the lead in private only.
    expect(shown).not.toContain("--team");
    await lead.send("/team");
    expect(lead.lastText()).toContain(`--team ${h.team().id} `);
  });

  it("tells a lead who never opened the bot privately how to get the links", async () => {
    const lead = await h.createTeam();
    const group = h.group();
    await lead.send("/link", group.chat);
    h.telegram.blockedChats.add(lead.id);
    await lead.send("/team", group.chat);
    expect(group.last()!.text).toContain("написать вам туда не могу");
    expect(group.last()!.text).not.toContain("?start=");
  });
});

describe("co-lead requests", () => {
  it("an outsider with the co-lead link is not a lead until a lead accepts", async () => {
    const lead = await h.createTeam();
    seedManyClients(h.db, 1, memberIdOf(h.db, 100), 3, "Секретный");
    const outsider = h.user(666, { first_name: "Чужой" });
    await outsider.send(`/start ${h.team().leadInviteToken}`);
    expect(outsider.lastText()).toContain("Запрос отправлен");
    expect(outsider.lastText()).not.toContain("руководитель команды «Отдел продаж». Ваша роль");
    expect(memberRow(666)).toBeUndefined();
    await h.drainOutbox();
    await outsider.send("/clients");
    expect(outsider.lastText()).not.toContain("Секретный");
    await outsider.send("/export");
    expect(h.chat(666).some((m) => m.document)).toBe(false);
    // Opening it again does not spam the leads.
    const before = lead.messages().length;
    await outsider.send(`/start ${h.team().leadInviteToken}`);
    expect(outsider.lastText()).toContain("уже ждёт решения");
    expect(lead.messages().length).toBe(before);

    expect(lead.lastText()).toContain("Чужой хочет стать руководителем");
    const notice = lead.last()!;
    const declineData = notice.buttons.flat().find((b) => b.text.includes("Отклонить"))!.data!;
    await lead.tapButton("Отклонить");
    expect(lead.lastText()).toContain("отклонён");
    await h.drainOutbox();
    expect(outsider.lastText()).toContain("отклонили");
    expect(memberRow(666)).toBeUndefined();
    await lead.tap(declineData.replace(":no:", ":ok:"), notice); // a stale copy's "Accept"
    expect(lead.toasts()).toContain("По этому запросу уже решили.");
    expect(memberRow(666)).toBeUndefined();
  });

  it("every lead is asked; one acceptance makes a lead and the others' buttons know it", async () => {
    const lead = await h.createTeam();
    const vera = await h.join(300, "lead", { first_name: "Вера" });
    expect(memberRow(300)?.role).toBe("lead");
    const gleb = h.user(400, { first_name: "Глеб" });
    await gleb.send(`/start ${h.team().leadInviteToken}`);
    await h.drainOutbox();
    expect(lead.lastText()).toContain("Глеб хочет стать руководителем");
    expect(vera.lastText()).toContain("Глеб хочет стать руководителем");
    await vera.tapButton("Принять");
    expect(memberRow(400)?.role).toBe("lead");
    await h.drainOutbox();
    expect(gleb.lastText()).toContain("теперь вы руководитель");
    await lead.tapButton("Принять");
    expect(lead.toasts()).toContain("По этому запросу уже решили.");
    const request = h.db.select().from(joinRequests).where(and(eq(joinRequests.telegramId, 400))).get();
    expect(request).toMatchObject({ status: "accepted", decidedById: memberIdOf(h.db, 300) });
  });

  it("a manager opening the co-lead link is not promoted by it; managers' links keep working at once", async () => {
    const lead = await h.createTeam();
    const boris = await h.join(200, "manager", { first_name: "Борис" });
    expect(boris.lastText()).toContain("Добро пожаловать");
    expect(memberRow(200)?.role).toBe("manager");
    await boris.send(`/start ${h.team().leadInviteToken}`);
    expect(memberRow(200)?.role).toBe("manager");
    expect(boris.lastText()).toContain("Запрос отправлен");
    await lead.send("/team");
    expect(lead.lastText()).toContain("Ждут решения");
    await lead.tapButton("Принять Борис");
    expect(memberRow(200)?.role).toBe("lead");
    expect(lead.lastText()).toContain("Борис теперь руководитель");
    expect(lead.lastText()).not.toContain("Ждут решения");
  });

});

describe("a member joins", () => {
  it("the lead is told who joined in words that fit a man and a woman alike", async () => {
    const lead = await h.createTeam();
    await h.join(300, "manager", { first_name: "Вера" });
    await h.join(301, "manager", { first_name: "Борис" });
    await h.drainOutbox();
    const notices = lead.messages().map((m) => m.text).filter((t) => t.startsWith("Новый участник команды"));
    expect(notices).toEqual(["Новый участник команды: Вера (менеджер).", "Новый участник команды: Борис (менеджер)."]);
  });

  it("in English for a lead who speaks it", async () => {
    const lead = await h.createTeam(100, "Sales", { first_name: "Kate", language_code: "en" });
    await h.join(300, "manager", { first_name: "Vera", language_code: "en" });
    await h.drainOutbox();
    expect(lead.messages().map((m) => m.text)).toContain("Vera joined the team (manager).");
  });
});

describe("removing a member", () => {
  it("marks the week's new members for the lead", async () => {
    const lead = await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис" });
    h.clock.advanceDays(8);
    await h.join(201, "manager", { first_name: "Дина" });
    await lead.send("/team");
    expect(lead.lastText()).toContain("Дина — менеджер 🆕");
    expect(lead.lastText()).not.toContain("Борис — менеджер 🆕");
    expect(lead.lastText()).toContain("присоединились за последнюю неделю");
    expect(lead.last()!.buttons.flat().map((b) => b.text)).toContain("🆕 Дина");
  });

  it("revokes rights at once; only a lead, only in a private chat", async () => {
    const lead = await h.createTeam();
    const intruder = await h.join(300, "lead", { first_name: "Вера" });
    const boris = await h.join(200, "manager", { first_name: "Борис" });
    await boris.send("/team");
    expect(boris.last()!.buttons).toEqual([]);
    await boris.tap(`tm:rm:${memberIdOf(h.db, 300)}`);
    const group = h.group();
    await lead.tap(`tm:rm:${memberIdOf(h.db, 300)}`, { messageId: 1, chatId: group.id }, group.chat);
    expect(memberRow(300)?.status).toBe("active");
    await lead.send("/team");
    await lead.tapButton("Вера");
    expect(lead.lastText()).toContain("Вера — руководитель");
    await lead.tapButton("Удалить");
    expect(lead.lastText()).toContain("Вера удалён(а) из команды");
    expect(memberRow(300)?.status).toBe("left");
    await h.drainOutbox();
    expect(intruder.lastText()).toContain("удалил вас из команды");
    await intruder.send("/clients");
    expect(intruder.lastText()).toContain("Вы пока не в команде");
    await intruder.send("/team");
    expect(intruder.lastText()).toContain("Вы пока не в команде");
  });

  it("asks to hand over a member's clients first", async () => {
    const lead = await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис" });
    seedManyClients(h.db, 1, memberIdOf(h.db, 200), 4);
    await lead.send("/team");
    await lead.tapButton("Борис");
    await lead.tapButton("Удалить");
    expect(lead.toasts().at(-1)).toContain("4 клиент");
    expect(memberRow(200)?.status).toBe("active");
  });

});

describe("a stranger in the team's linked group", () => {
  it("is told they are not in that team, not that the group is unlinked; a member's /start names the team", async () => {
    const lead = await h.createTeam(100, "Продажи");
    const group = h.group();
    await lead.send("/link", group.chat);
    const stranger = h.user(999, { first_name: "Чужой" });
    for (const command of ["/today", "/frobnicate", `/start ${h.team().managerInviteToken}`]) {
      await stranger.send(command, group.chat);
      expect(group.last()!.text).toBe(
        "Вы не в команде, к которой привязана эта группа. Чтобы присоединиться, попросите руководителя прислать вам ссылку-приглашение и откройте её в личном чате со мной.",
      );
    }
    expect(memberRow(999)).toBeUndefined();
    await lead.send("/start", group.chat);
    expect(group.last()!.text).toBe("Эта группа привязана к команде «Продажи». Что я умею — /help.");
    // A group nobody linked keeps its invitation to link it.
    const other = h.group(-1009876543210, "Другая");
    await stranger.send("/today", other.chat);
    expect(other.last()!.text).toContain("не привязана к вашей команде");
    await stranger.send("/start", other.chat);
    expect(other.last()!.text).toContain("может привязать эту группу командой /link");
  });
});

describe("joining a group", () => {
  it("says in two lines what it does there and that a lead sends /link", async () => {
    const lead = await h.createTeam();
    const group = h.group();
    await h.handle(botAddedToGroupUpdate(lead.user, group.chat, h.clock.now()));
    const hello = group.last()!.text;
    expect(hello.split("\n")).toHaveLength(2);
    expect(hello).toContain("/link");
    expect(hello).toContain("только в личке");
  });
});
