// The capability registry (src/capabilities.ts) is the one list createBot, the router, the scheduler and
// the command menus read: what it yields is what the hand-kept lists said before it.
import { describe, expect, it } from "vitest";
import { capabilities } from "../../src/capabilities.js";
import { menusOf } from "../../src/bot/command-menu.js";
import { CALL_DIALOG_TIMEOUT_MS } from "../../src/calls/outcome-dialogue.js";
import { DIST_DIALOG_TIMEOUT_MS } from "../../src/distribution/adjust-dialogue.js";
import { SETTINGS_DIALOG_TIMEOUT_MS } from "../../src/team/settings-value-dialogue.js";
import { everyTick, jobNames } from "../../src/jobs/scheduler.js";
import { botRulesOf } from "../../src/bot/index.js";
import { actorOf } from "../../src/team/actor.js";
import { actingMember, clientAccess } from "../../src/handover/leaver-access.js";

describe("the capability registry", () => {
  it("gives every menu its commands in the order people know", () => {
    expect(menusOf(capabilities)).toEqual({
      none: ["start", "help", "language", "cancel"],
      manager: ["today", "clients", "client", "stars", "team", "help", "language", "cancel"],
      lead: ["offboard", "today", "clients", "client", "distribute", "report", "stars", "team", "invite", "settings", "script", "status", "export", "link", "help", "language", "cancel"],
      group: ["offboard", "report", "team", "link", "help"],
    });
  });

  it("runs the jobs in the tick's order: second-voice touches, the digest, the nags, the weekly picture", () => {
    expect(jobNames()).toEqual(["destarring-plan", "daily-digest", "unassigned-nag", "deadline-nag", "overdue-calls-nag", "checklist-nag", "unreachable-nag", "weekly-picture"]);
    expect(everyTick()).toHaveLength(1);
  });

  it("mounts every dialogue once, with its timeout", () => {
    const dialogues = capabilities.flatMap((c) => c.dialogues ?? []);
    expect(dialogues.map((d) => d.id).sort()).toEqual(
      ["create-team", "checklist-input", "delete-team", "offboard", "leaver-form", "call-outcome", "script-edit", "add-client", "add-commitment", "distribute-adjust", "settings-value"].sort(),
    );
    const timeouts = Object.fromEntries(dialogues.filter((d) => d.maxMillisecondsToWait !== undefined).map((d) => [d.id, d.maxMillisecondsToWait]));
    expect(timeouts).toEqual({ "call-outcome": CALL_DIALOG_TIMEOUT_MS, "distribute-adjust": DIST_DIALOG_TIMEOUT_MS, "settings-value": SETTINGS_DIALOG_TIMEOUT_MS });
    expect(dialogues.filter((d) => d.groupButtons !== undefined).map((d) => d.groupButtons).sort()).toEqual(["chk:in:a", "off:c"]);
  });

  it("mounts every feature once, and names each capability once", () => {
    const features = capabilities.flatMap((c) => c.features);
    expect(new Set(features).size).toBe(features.length);
    expect(features).toHaveLength(17);
    expect(new Set(capabilities.map((c) => c.name)).size).toBe(capabilities.length);
  });

  it("gives the bot's middleware and guards each rule from exactly one capability", () => {
    expect(botRulesOf(capabilities)).toEqual({ actorOf, clientAccess, actingMember });
    const team = capabilities.find((c) => c.name === "team")!;
    expect(() => botRulesOf([...capabilities, { name: "twice", features: [], botRules: { actorOf } }])).toThrow(/two capabilities/);
    expect(() => botRulesOf(capabilities.filter((c) => c !== team))).toThrow(/actorOf/);
  });
});
