import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Composer } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { capabilities } from "../../src/capabilities.js";
import { allCodecs } from "../../src/bot/callback-data.js";
import { answeringFeatures, buttonRegistrations, ownersOf, routeButtons } from "../../src/bot/button-routes.js";
import type { BotContext } from "../../src/bot/context.js";
import { createHarness, type Harness } from "../support/harness.js";

const srcDir = join(import.meta.dirname, "../../src");

/** The capability whose features include `composer`. */
const capabilityOf = (composer: unknown) => capabilities.find((c) => c.features.some((f) => f === composer));

describe("button routing", () => {
  it("every prefix a Composer registers is owned by the capability the Composer belongs to", () => {
    const registrations = buttonRegistrations();
    expect(registrations.length).toBeGreaterThan(25);
    for (const { composer, owner } of registrations) {
      const capability = capabilityOf(composer);
      expect(capability, `a Composer answering "${owner}:" buttons is in no capability's features`).toBeDefined();
      expect(capability!.buttons ?? [], `${capability!.name} answers "${owner}:" buttons without claiming the prefix`).toContain(owner);
    }
  });

  it("no two capabilities claim one prefix, and every prefix a codec writes has its owner", () => {
    const claims = capabilities.flatMap((c) => (c.buttons ?? []).map((prefix) => ({ prefix, by: c.name })));
    const seen = new Map<string, string>();
    for (const { prefix, by } of claims) {
      expect(seen.get(prefix), `"${prefix}" claimed by ${seen.get(prefix)} and ${by}`).toBeUndefined();
      seen.set(prefix, by);
    }
    for (const codec of allCodecs()) expect(seen.has(codec.owner), `nobody owns ${codec.prefix}`).toBe(true);
  });

  it("sends a tap straight to the features of its owner that answer its prefix", () => {
    const answering = answeringFeatures(capabilities);
    for (const { composer, owner } of buttonRegistrations()) expect(answering[owner], `"${owner}:"`).toContain(composer);
    for (const [prefix, features] of Object.entries(answering)) {
      for (const feature of features) expect(buttonRegistrations().some((r) => r.owner === prefix && r.composer === (feature as unknown)), `"${prefix}:"`).toBe(true);
    }
    expect(Object.keys(ownersOf(capabilities)).sort()).toEqual(Object.keys(answering).sort());
  });

  it("reads every tap with a codec: no handler matches callback data by hand", () => {
    const files = readdirSync(srcDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const raw = files.filter((f) => f !== join("bot", "button-routes.ts") && /\.callbackQuery\(/.test(readFileSync(join(srcDir, f), "utf8")));
    expect(raw.map((f) => relative(srcDir, join(srcDir, f)))).toEqual([]);
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
