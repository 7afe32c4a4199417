// English as a native-speaking sales lead would write it: one term for one thing everywhere, dates in
// messages in one format, no literal translations, nothing said to leads that only managers get.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { memberIdOf, seedCommitment, seedManyClients } from "../support/seed.js";
import { seedHandover } from "../distribution/distribution-fixtures.js";

const dir = join(import.meta.dirname, "../../locales/en");
/** Every English text, one entry per message (continuation lines joined), comments left out. */
const messages: { key: string; text: string }[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
  let current: { key: string; text: string } | null = null;
  for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
    const m = /^([a-zA-Z][\w-]*)\s*=\s?(.*)$/.exec(line);
    if (m) messages.push((current = { key: m[1]!, text: m[2]! }));
    else if (current && /^\s/.test(line)) current.text += `\n${line.trim()}`;
    else if (!line.startsWith("#")) current = null;
  }
}

/** One concept, the English term for it, and the variants that must not appear anywhere. */
const GLOSSARY: { concept: string; term: string; avoid: RegExp[] }[] = [
  { concept: "offboarding a manager", term: "handover", avoid: [/\baffairs\b/i, /\bhand(?:ing)? over .{0,30}affairs/i, /\boff-?boarding\b(?! yourself)/i] },
  { concept: "the calls to every client of a leaver", term: "reactivation calls", avoid: [/calling round/i, /\bthe round\b/i, /calling-round/i, /call campaign/i, /handover call/i] },
  { concept: "undoing a distribution", term: "undo the distribution", avoid: [/undid the handover/i] },
  { concept: "all of a manager's clients", term: "client base", avoid: [/(?<!client )\bbase\b/i] },
  { concept: "a promise, document owed or client deadline", term: "commitment", avoid: [/\bagreements?\b/i, /document debts?/i] },
  { concept: "clients with no owner", term: "unassigned pool", avoid: [/\b(?:common|general|shared) pool\b/i] },
  { concept: "a link that adds someone to the team", term: "invite link", avoid: [/invitation link/i, /\binvite url\b/i] },
  { concept: "the team's group chat and /link", term: "connect / link", avoid: [/\bbind\b/i, /\bbound to\b/i] },
  { concept: "the person in charge of a team", term: "lead", avoid: [/\b(?:boss|supervisor|head of (?:the )?team)\b/i] },
  { concept: "the handover's list of steps", term: "checklist", avoid: [/check-list/i, /check list/i] },
];

describe("English terms", () => {
  it("uses one term for one concept in every text (commands, buttons, messages)", () => {
    const found = GLOSSARY.flatMap(({ concept, term, avoid }) =>
      messages.flatMap((m) => avoid.filter((re) => re.test(m.text)).map((re) => `${concept} is “${term}”; ${m.key} has ${re}: “${m.text.slice(0, 80)}”`)),
    );
    expect(found).toEqual([]);
  });

  it("names a checklist step with the step's own title", async () => {
    const h = await createHarness();
    try {
      expect(h.bot.i18n.t("en", "dist-applied-step-done")).toContain(h.bot.i18n.t("en", "checklist-step-redistribute"));
      expect(h.bot.i18n.t("en", "nag-step", { kind: "redistribute" })).toBe(h.bot.i18n.t("en", "checklist-step-redistribute"));
    } finally {
      h.close();
    }
  });
});

describe("English in the bot", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
  });
  afterEach(() => h.close());

  it("writes dates in the new owner's message as everywhere else (“25 Nov”), not ISO", async () => {
    const lead = await h.createTeam(100, "Sales", { first_name: "Kate", language_code: "en" });
    const bob = await h.join(200, "manager", { first_name: "Bob", language_code: "en" });
    await h.join(203, "manager", { first_name: "Ivan", language_code: "en" });
    const leaverId = memberIdOf(h.db, 203);
    const ids = seedManyClients(h.db, 1, leaverId, 3);
    seedCommitment(h.db, { teamId: 1, clientId: ids[0]!, ownerId: leaverId, text: "Send the contract", dueOn: "2026-11-25" });
    const handoverId = seedHandover(h.db, { teamId: 1, leaverId, startedById: memberIdOf(h.db, 100), now: h.clock.now().getTime() });
    await lead.send("/help");
    await lead.tap(`dist:h:${handoverId}`, { messageId: lead.last()!.messageId, chatId: lead.id });
    await lead.tapButton("Apply");
    await h.drainOutbox();
    const dm = bob.messages().find((m) => m.text.includes("Send the contract"))!;
    expect(dm.text).toContain("by 25 Nov");
    expect(dm.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("does not promise a daily call list to a new lead", async () => {
    const lead = await h.createTeam(100, "Sales", { first_name: "Kate", language_code: "en" });
    const coLead = h.user(300, { first_name: "Olga", language_code: "en" });
    await coLead.send(`/start ${h.team().leadInviteToken}`);
    await h.drainOutbox();
    await lead.tapButton("Accept");
    await h.drainOutbox();
    expect(coLead.lastText()).toContain("you're now a lead");
    const manager = await h.join(200, "manager", { first_name: "Bob", language_code: "en" });
    expect(manager.lastText()).toContain("You're a manager. I'll send your daily call list");
    await lead.send("/help");
    expect(lead.lastText()).toContain("/offboard — start a handover when a manager leaves");
    await lead.send("/settings");
    expect(lead.lastText()).toContain("Reactivation calls after a departure");
    expect(lead.lastText()).not.toMatch(/round/i);
  });
});
