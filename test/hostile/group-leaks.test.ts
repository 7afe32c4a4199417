// Nothing private reaches the team's group. In a linked group with an outsider, the managers and the
// leaver present, every command and every kind of button is tried by each of them (and the lead's real
// flows are walked there); everything the bot puts in the group (texts, captions, button labels and
// links, documents) and every toast a non-lead sees there is checked for client names, phones,
// commitments, invite links and the terms of departure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiCall } from "../support/fake-telegram.js";
import type { Persona } from "../support/harness.js";
import { buttonKinds } from "./buttons.js";
import { createRichWorld, type RichWorld } from "./support.js";

let w: RichWorld;
const GROUP = -1001234567890;
let group: ReturnType<RichWorld["h"]["group"]>;

/** What must never reach a group: clients, phones, a commitment, the terms of departure. */
const PRIVATE_WORDS = ["Иван Петров", "Мария Сидорова", "Олег Ким", "Новый клиент", "Выслать договор", "+7916", "79161234", "1234567", "скандал", "по-хорошему", "Со скандалом", "По-хорошему", "bad terms", "good terms", "расстались плохо", "parted on bad terms"];
const INVITE = /\?start=(?!c-)[\w-]{16,}/;

beforeAll(async () => {
  w = await createRichWorld();
  group = w.h.group(GROUP, "Продажи");
  await w.lead.send("/link", group.chat);
});
afterAll(() => w.h.close());

function groupOutput(calls: ApiCall[], tappers: Set<string>): string[] {
  const out: string[] = [];
  for (const c of calls) {
    const p = c.payload;
    if (c.method === "answerCallbackQuery" && tappers.has(String(p.callback_query_id))) out.push(String(p.text ?? ""));
    if (Number(p.chat_id) !== GROUP) continue;
    out.push(String(p.text ?? ""), String(p.caption ?? ""), JSON.stringify(p.reply_markup ?? {}));
    if (c.files.document) out.push(`document ${c.files.document.name}: ${c.files.document.bytes.toString("utf8")}`);
  }
  return out;
}

/** Runs `act` and checks what reached the group (and the toasts of `who`'s taps, unless they are the lead). */
async function expectNothingPrivate(who: Persona, act: () => Promise<void>) {
  const from = w.h.calls().length;
  const tapsBefore = new Set(w.h.calls("answerCallbackQuery").map((c) => String(c.payload.callback_query_id)));
  await act();
  const calls = w.h.calls().slice(from);
  const tappers = new Set(
    who.id === w.lead.id ? [] : calls.filter((c) => c.method === "answerCallbackQuery" && !tapsBefore.has(String(c.payload.callback_query_id))).map((c) => String(c.payload.callback_query_id)),
  );
  const seen = groupOutput(calls, tappers).join("\n");
  for (const word of PRIVATE_WORDS) expect(seen, `"${word}" reached the group`).not.toContain(word);
  expect(seen).not.toMatch(INVITE);
  expect(seen).not.toContain(w.h.team().leadInviteToken);
  expect(seen).not.toContain(w.h.team().managerInviteToken);
  expect(calls.filter((c) => Number(c.payload.chat_id) === GROUP && c.method === "sendDocument")).toEqual([]);
  // Pictures in the group: only the progress chart, whose title hides the terms (see report-charts.test.ts).
  for (const photo of calls.filter((c) => Number(c.payload.chat_id) === GROUP && c.method === "sendPhoto")) expect(photo.files.photo?.name).toBe("progress.png");
  expect(w.h.errors()).toEqual([]);
}

const COMMANDS = ["/start", "/help", "/team", "/invite", "/link", "/clients", "/client", "/export", "/offboard", "/offboard template", "/distribute", "/today", "/report", "/script", "/settings", "/status", "/stars", "/language", "/cancel"];
const people = () => ({ lead: w.lead, manager: w.boris, leaver: w.vera, outsider: w.stranger });
type Who = keyof ReturnType<typeof people>;
const WHO: Who[] = ["outsider", "manager", "leaver", "lead"];

describe("the lead's real flows in the group", () => {
  beforeAll(async () => {
    // The button table above switched the lead to English in the group's language menu.
    await w.lead.send("/language");
    await w.lead.tapButton("Русский");
  });

  it("/offboard: who is leaving, then private", async () => {
    await expectNothingPrivate(w.lead, async () => {
      await w.lead.send("/offboard", group.chat);
      const newButton = group.messages().findLast((m) => m.buttons.flat().some((b) => /Новая передача|Борис/.test(b.text)));
      if (newButton?.buttons.flat().some((b) => b.text.includes("Новая передача"))) await w.lead.tapButton("Новая передача", group.chat);
      await w.lead.tapButton("Борис", group.chat);
    });
    expect(group.last()!.text).toContain("продолжим в личке");
  });

  it("the checklist posted in the group, a step, the interview and the distribution buttons", async () => {
    await expectNothingPrivate(w.lead, async () => {
      await w.lead.tap(`chk:open:${w.own.handover}`, { messageId: group.last()!.messageId, chatId: GROUP }, group.chat);
      await w.lead.tapButton(/^3\. /, group.chat);
      await w.lead.tapButton("Записать договорённости", group.chat);
      await w.lead.tap(`chk:hist:${w.own.handover}:0`, { messageId: group.last()!.messageId, chatId: GROUP }, group.chat);
      await w.lead.tap(`dist:h:${w.own.handover}`, { messageId: group.last()!.messageId, chatId: GROUP }, group.chat);
    });
    expect(group.messages().some((m) => m.text.includes("Передача дел: Вера"))).toBe(true);
  });

  it("/report: the progress pictures only, with captions and titles free of the terms", async () => {
    const from = w.h.calls().length;
    await expectNothingPrivate(w.lead, () => w.lead.send("/report", group.chat));
    const photos = w.h.calls().slice(from).filter((c) => c.method === "sendPhoto" && Number(c.payload.chat_id) === GROUP);
    expect(photos.length).toBeGreaterThan(0);
    expect(photos.every((p) => p.files.photo?.name === "progress.png")).toBe(true);
  });

  it("/team: the links go to the lead's private chat", async () => {
    await expectNothingPrivate(w.lead, () => w.lead.send("/team", group.chat));
    expect(w.lead.lastText()).toContain(w.h.team().leadInviteToken);
  });
});

describe.each(WHO)("commands in the group by the %s", (who) => {
  it.each([...COMMANDS, ...COMMANDS.map((c) => c.replace(/^(\/\w+)/, "$1@handover_test_bot"))])("%s", async (command) => {
    const person = people()[who];
    await expectNothingPrivate(person, () => person.send(command, group.chat));
    await person.send("/cancel", group.chat);
  });
});

describe.each(WHO)("buttons in the group by the %s", (who) => {
  const kinds = buttonKinds.map((k) => k.data(OWN_PLACEHOLDER)).filter((d, i, all) => all.indexOf(d) === i);
  it.each(kinds)("%s", async (template) => {
    const person = people()[who];
    const data = fill(template);
    const target = group.last() ?? { messageId: 1 };
    await expectNothingPrivate(person, () => person.tap(data, { messageId: target.messageId, chatId: GROUP }, group.chat));
  });
});

// Button data templates with placeholders, filled with team 1's ids when the world exists.
const OWN_PLACEHOLDER = { handover: "{handover}", step: "{step}", client: "{client}", member: "{member}", member2: "{member2}", call: "{call}", distribution: "{distribution}", batch: "{batch}", templateStep: "{templateStep}", commitment: "{commitment}" };
function fill(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: keyof typeof OWN_PLACEHOLDER) => w.own[key]);
}
