import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe("creating a team", () => {
  it("walks a stranger through name and time zone and makes them the lead", async () => {
    const lead = h.user(100, { first_name: "Анна" });
    await lead.send("/start");
    expect(lead.lastText()).toContain("handover-bot");
    await lead.tapButton("Создать команду");
    expect(lead.lastText()).toContain("Как назовём команду");
    await lead.send("x"); // too short
    expect(lead.lastText()).toContain("от 2 до 64");
    await lead.send("Отдел <продаж> & Co");
    expect(lead.lastText()).toContain("часовой пояс");
    await lead.send("Mars/Olympus");
    expect(lead.lastText()).toContain("Mars/Olympus");
    await lead.send("Asia/Yekaterinburg");
    const created = lead.lastText();
    expect(created).toContain("Отдел &lt;продаж&gt; &amp; Co");
    expect(created).toContain("Asia/Yekaterinburg");
    expect(created).toContain(`https://t.me/handover_test_bot?start=${h.team().managerInviteToken}`);
    expect(h.team().timezone).toBe("Asia/Yekaterinburg");
    expect(h.errors()).toEqual([]);
  });

  it("leaves no team behind when the dialogue is cancelled", async () => {
    const lead = h.user(100);
    await lead.send("/start");
    await lead.tapButton("Создать команду");
    await lead.send("Команда");
    await lead.send("/cancel");
    expect(lead.lastText()).toContain("Ничего не сохранено");
    expect(() => h.team()).toThrow();
    await lead.send("Europe/Moscow");
    expect(lead.lastText()).not.toContain("создана");
    await lead.send("/cancel");
    expect(lead.lastText()).toContain("нечего отменять");
  });

  it("resumes the dialogue after a restart of the bot", async () => {
    const lead = h.user(100);
    await lead.send("/start");
    await lead.tapButton("Создать команду");
    await lead.send("Команда");
    h.restart();
    await lead.tapButton("Europe/Moscow");
    expect(lead.lastText()).toContain("Команда «<b>Команда</b>» создана");
  });

  it("lets other commands through while the dialogue waits", async () => {
    const lead = h.user(100);
    await lead.send("/start");
    await lead.tapButton("Создать команду");
    await lead.send("/help");
    expect(lead.lastText()).toContain("/start — создать команду");
    await lead.send("Команда");
    await lead.tapButton("Europe/Moscow");
    expect(lead.lastText()).toContain("создана");
  });

  it("speaks English to English speakers", async () => {
    const lead = h.user(100, { language_code: "en" });
    await lead.send("/start");
    expect(lead.lastText()).toContain("I make sure no client is lost");
    const uk = h.user(101, { language_code: "uk" });
    await uk.send("/start");
    expect(uk.lastText()).toContain("Здравствуйте");
  });
});

describe("joining by invite", () => {
  it("adds a manager and a co-lead by their links and tells the lead", async () => {
    const lead = await h.createTeam();
    const manager = await h.join(200, "manager", { first_name: "Борис" });
    expect(manager.lastText()).toContain("Добро пожаловать");
    expect(manager.lastText()).toContain("менеджер");
    expect(lead.lastText()).toContain("Борис");
    const coLead = await h.join(300, "lead", { first_name: "Вера" });
    expect(coLead.lastText()).toContain("руководитель");
    await lead.send("/team");
    const team = lead.lastText();
    expect(team).toContain("Борис — менеджер");
    expect(team).toContain("Вера — руководитель");
    expect(team).toContain("3 чел.");
  });

  it("refuses a revoked link and someone from another team", async () => {
    const lead = await h.createTeam();
    const oldToken = h.team().managerInviteToken;
    await lead.send("/invite");
    expect(h.team().managerInviteToken).not.toBe(oldToken);
    expect(lead.lastText()).toContain(h.team().managerInviteToken);
    const late = h.user(200);
    await late.send(`/start ${oldToken}`);
    expect(late.lastText()).toContain("недействительна");
    await h.createTeam(500, "Другая");
    const other = h.user(500);
    await other.send(`/start ${h.team(1).managerInviteToken}`);
    expect(other.lastText()).toContain("другой команде");
  });

  it("shows who cannot get direct messages", async () => {
    const lead = await h.createTeam();
    const manager = await h.join(200, "manager", { first_name: "Борис" });
    await manager.block();
    await lead.send("/team");
    expect(lead.lastText()).toContain("заблокировал бота");
    expect(lead.lastText()).toContain("Перешлите им ссылку-приглашение");
  });
});

describe("strangers and roles", () => {
  it("explains politely to a stranger how to join", async () => {
    const stranger = h.user(900);
    await stranger.send("/team");
    expect(stranger.lastText()).toContain("Вы пока не в команде");
    await stranger.send("hello");
    expect(stranger.lastText()).toContain("ссылку-приглашение");
  });

  it("keeps /invite for leads", async () => {
    await h.createTeam();
    const manager = await h.join(200);
    await manager.send("/invite");
    expect(manager.lastText()).toContain("только руководитель");
  });

  it("answers a stale button with a toast", async () => {
    const u = h.user(900);
    await u.send("/start");
    await u.tap("zz:unknown");
    expect(u.toasts()).toContain("Эта кнопка устарела. Откройте свежее сообщение.");
  });
});

describe("groups", () => {
  it("binds a group to the team by a lead's /link and ignores strangers", async () => {
    const lead = await h.createTeam();
    const group = h.group();
    const stranger = h.user(900);
    await stranger.send("/link", group.chat);
    expect(group.last()?.text).toContain("не привязана");
    await lead.send("/link@handover_test_bot", group.chat);
    expect(group.last()?.text).toContain("привязана к команде");
    expect(h.team().groupChatId).toBe(group.id);
    await lead.send("/invite", group.chat);
    expect(group.last()?.text).toContain("только в личном чате");
  });
});

describe("language", () => {
  it("switches with /language and keeps the choice", async () => {
    const u = h.user(100);
    await u.send("/language");
    await u.tapButton("English");
    expect(u.lastText()).toContain("English");
    await u.send("/help");
    expect(u.lastText()).toContain("makes sure no client is lost");
  });
});
