// Command menus per role: people see the commands they can use, in their language.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registerCommandMenu } from "../../src/bot/command-menu.js";
import { createHarness, type Harness } from "../support/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

/** The latest menu set for a scope (Russian, the default language, unless `language` is given). */
function menuFor(scope: Record<string, unknown>, language?: string): string[] | "deleted" | undefined {
  const calls = h.calls().filter(
    (c) => (c.method === "setMyCommands" || c.method === "deleteMyCommands") && JSON.stringify(c.payload.scope) === JSON.stringify(scope) && c.payload.language_code === language,
  );
  const last = calls.at(-1);
  if (!last) return undefined;
  return last.method === "deleteMyCommands" ? "deleted" : (last.payload.commands as { command: string }[]).map((c) => c.command);
}

describe("command menus", () => {
  it("defaults: the short menu for people in no team and for groups, in both languages", async () => {
    await registerCommandMenu(h.bot.api, h.bot.i18n);
    expect(menuFor({ type: "all_private_chats" })).toEqual(["start", "help", "language", "cancel"]);
    expect(menuFor({ type: "all_group_chats" }, "en")).toEqual(["offboard", "report", "team", "link", "help"]);
    const en = h.calls("setMyCommands").find((c) => c.payload.language_code === "en" && c.payload.scope.type === "all_private_chats")!;
    expect(en.payload.commands[0].description).toBe("Start");
  });

  it("a lead gets the lead's menu, a manager who joins the manager's; a removed member the default back", async () => {
    const lead = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
    await lead.send("/help");
    expect(menuFor({ type: "chat", chat_id: 100 })).toContain("offboard");
    await h.join(200, "manager", { first_name: "Борис" });
    const manager = menuFor({ type: "chat", chat_id: 200 }, "en");
    expect(manager).toContain("today");
    expect(manager).not.toContain("offboard");
    expect(manager).not.toContain("export");

    await lead.send("/team");
    await lead.tapButton("Борис");
    await lead.tapButton("Удалить из команды");
    expect(menuFor({ type: "chat", chat_id: 200 })).toBe("deleted");
  });

  it("a co-lead being offboarded gets the manager's menu, and the lead's back when the handover is cancelled", async () => {
    const anna = await h.createTeam(100, "Отдел продаж", { first_name: "Анна" });
    const oleg = await h.join(150, "lead", { first_name: "Олег" });
    await oleg.send("/help");
    expect(menuFor({ type: "chat", chat_id: 150 })).toContain("offboard");
    await anna.send("/offboard");
    await anna.tapButton("Олег");
    await anna.tapButton("Со скандалом");
    await anna.send("27.11");
    await anna.tapButton("Начать передачу");
    await oleg.send("/help");
    expect(menuFor({ type: "chat", chat_id: 150 })).not.toContain("offboard");
    expect(menuFor({ type: "chat", chat_id: 150 })).toContain("today");
    await anna.tapButton(/Отменить передачу/);
    await anna.tapButton(/^Да/);
    await oleg.send("/help");
    expect(menuFor({ type: "chat", chat_id: 150 })).toContain("offboard");
  });
});
