import { Composer } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonOwners } from "../../src/bot/button-owners.js";
import { buttonRegistrations, routeButtons } from "../../src/bot/button-routes.js";
import type { BotContext } from "../../src/bot/context.js";
import "../../src/bot/index.js"; // every feature, so every handler is registered
import { createHarness, type Harness } from "../support/harness.js";

describe("button routing", () => {
  it("sends every button a feature registers to that feature", () => {
    const registrations = buttonRegistrations();
    expect(registrations.length).toBeGreaterThan(25);
    for (const { composer, owner } of registrations) expect(buttonOwners[owner], `"${owner}:"`).toBe(composer);
  });

  it("offers a tap to its owner only, an unknown prefix to what follows, and anything else to every feature", async () => {
    const seen: string[] = [];
    const feature = (name: string) => new Composer<BotContext>((_ctx, next) => (seen.push(name), next()));
    const a = feature("a");
    const b = feature("b");
    const route = routeButtons(new Composer<BotContext>(a, b), { a, b });
    const run = async (update: Partial<BotContext>) => {
      seen.length = 0;
      await route(update as BotContext, async () => void seen.push("next"));
      return [...seen];
    };
    expect(await run({ callbackQuery: { data: "b:1" } } as Partial<BotContext>)).toEqual(["b", "next"]);
    expect(await run({ callbackQuery: { data: "zz:1" } } as Partial<BotContext>)).toEqual(["next"]);
    expect(await run({ callbackQuery: { data: "a" } } as Partial<BotContext>)).toEqual(["a", "next"]);
    expect(await run({ callbackQuery: {} } as Partial<BotContext>)).toEqual(["a", "b", "next"]);
    expect(await run({})).toEqual(["a", "b", "next"]);
  });
});

describe("through the bot", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it("answers a button of an unknown prefix, and one its owner does not know, as out of date", async () => {
    const lead = await h.createTeam();
    await lead.tap("zz:1");
    await lead.tap("dist:nonsense");
    await lead.tap("");
    expect(lead.toasts().slice(-3)).toEqual(Array(3).fill("Эта кнопка устарела. Откройте свежее сообщение."));
  });

  it("still lets a language button through from a person who is in no team", async () => {
    const stranger = h.user(555, { first_name: "Олег", language_code: "ru" });
    await stranger.send("/start");
    await stranger.tap("lang:en");
    expect(stranger.toasts().join("\n")).not.toMatch(/устарел/i);
    expect(stranger.lastText()).toMatch(/English/);
  });
});
