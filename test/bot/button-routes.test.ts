import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Composer } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonOwners } from "../../src/bot/button-owners.js";
import { prefixOf, routeButtons } from "../../src/bot/button-routes.js";
import type { BotContext } from "../../src/bot/context.js";
import { CHECKLIST_INPUT_PREFIX } from "../../src/handover/checklist-keyboards.js";
import { nagData } from "../../src/nags/keyboards.js";
import { off } from "../../src/handover/keyboards.js";
import { createHarness, type Harness } from "../support/harness.js";

const srcDir = join(import.meta.dirname, "../../src");

/** Every file that holds a capability's Composer: its Telegram side (telegram.ts, *-telegram.ts), and bot's help and unhandled. */
function featureFiles(): string[] {
  const files = readdirSync(srcDir, { recursive: true, encoding: "utf8" });
  return files.filter((f) => /(^|[/-])telegram\.ts$/.test(f) || f === "bot/help.ts" || f === "bot/unhandled.ts").map((f) => join(srcDir, f));
}

/** The prefixes of every callbackQuery trigger written in a feature file. */
function triggerPrefixes(source: string): string[] {
  const prefixes: string[] = [];
  for (const line of source.split("\n").filter((l) => l.includes(".callbackQuery("))) {
    const trigger = line.slice(line.indexOf(".callbackQuery(") + ".callbackQuery(".length);
    const regex = /^\/\^\(?([a-z]+):/.exec(trigger);
    const literal = /^"([a-z]+)[:"]/.exec(trigger);
    if (regex) prefixes.push(regex[1]!);
    else if (literal) prefixes.push(literal[1]!);
    else if (trigger.startsWith("off.")) prefixes.push(prefixOf(off.newHandover()));
    else if (trigger.startsWith("nagData.")) prefixes.push(prefixOf(nagData.statusRefresh()));
    else if (trigger.includes("CHECKLIST_INPUT_PREFIX")) prefixes.push(prefixOf(CHECKLIST_INPUT_PREFIX));
    else throw new Error(`cannot read the trigger of: ${line.trim()}`);
  }
  return prefixes;
}

describe("button routing", () => {
  it("sends every button a feature registers to that feature", async () => {
    let checked = 0;
    for (const file of featureFiles()) {
      const prefixes = triggerPrefixes(readFileSync(file, "utf8"));
      if (prefixes.length === 0) continue;
      const module = (await import(file)) as Record<string, unknown>;
      const feature = Object.entries(module).find(([name, value]) => name.endsWith("Feature") && value instanceof Composer)?.[1];
      expect(feature, file).toBeDefined();
      for (const prefix of prefixes) {
        expect(buttonOwners[prefix], `${file}: "${prefix}:"`).toBe(feature);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
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
