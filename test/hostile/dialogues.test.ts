// Absurd dates, numbers and very long or invisible texts typed into every dialogue that asks for one:
// each gets a polite re-ask (the dialogue keeps waiting, /cancel still ends it) and nothing is written.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callData } from "../../src/calls/keyboards.js";
import { chk } from "../../src/handover/checklist-keyboards.js";
import { cb } from "../../src/clients/keyboards.js";
import { setData } from "../../src/team/settings-keyboards.js";
import { checklistSteps, handovers } from "../../src/db/schema.js";
import type { Persona } from "../support/harness.js";
import { createWorld, expectCleanRun, expectUnchanged, saidTo, snapshot, type World } from "./support.js";

const LONG = "когда-нибудь потом ".repeat(264).slice(0, 5000);
const INVISIBLE = "\u200b\u200c\u200d\u2060\u200b";

type Input = [label: string, text: string, expected: string];

/**
 * Typed dates that no date question may accept. `past` is the question's own answer to a day before
 * today (a confirmation for a last working day, a refusal for future-only questions).
 */
function badDates(past: string): Input[] {
  return [
    ["31 February", "31.02", "Не понял дату «31.02»"],
    ["day zero", "00.00.0000", "Не понял дату"],
    ["month 99", "99.99.9999", "Не понял дату"],
    ["year 9999", "9999-01-01", "Не понял дату"],
    ["year 0001", "01.01.0001", "Не понял дату"],
    ["emoji", "📅🔥😀", "Не понял дату"],
    ["markup", "<b>завтра</b> & <script>", "Не понял дату «&lt;b&gt;завтра&lt;/b&gt; &amp; &lt;script&gt;»"],
    ["5,000 characters", LONG, "Не понял дату"],
    ["emoji across the cut of the quoted text", "ж".repeat(99) + "😀".repeat(50), "Не понял дату"],
    ["yesterday", "вчера", past],
    ["minus five days (read as five days ago)", "-5 дней", past],
    ["yesterday behind a right-to-left override", "\u202eвчера", past],
  ];
}

interface Dialogue {
  name: string;
  /** Opens the dialogue up to its question; returns who answers and a piece of the question. */
  open: (w: World) => Promise<Persona>;
  inputs: Input[];
}

async function startOffboardToDay(w: World): Promise<Persona> {
  await w.lead.send("/offboard");
  await w.lead.tapButton("Вера");
  await w.lead.tapButton("Со скандалом");
  expect(w.lead.lastText()).toContain("последний рабочий день");
  return w.lead;
}

/** A real handover of Vera (through the bot); returns its id and an open step. */
async function handoverOfVera(w: World): Promise<{ handoverId: number; stepId: number }> {
  await startOffboardToDay(w);
  await w.lead.send("27.11");
  await w.lead.tapButton("Начать передачу");
  const handover = w.h.db.select().from(handovers).get()!;
  const step = w.h.db.select().from(checklistSteps).where(and(eq(checklistSteps.handoverId, handover.id), eq(checklistSteps.status, "open"))).get()!;
  return { handoverId: handover.id, stepId: step.id };
}

async function openCallCard(w: World): Promise<void> {
  await w.boris.send("/clients");
  await w.boris.tap(callData.log(w.clientIds[0]!));
  expect(w.boris.lastText()).toContain("Иван Петров");
}

const dialogues: Dialogue[] = [
  {
    name: "/offboard: the last working day",
    open: startOffboardToDay,
    inputs: [...badDates("это уже прошло"), ["a year and a day ahead", "24.11.2027", "больше чем через год"]],
  },
  {
    name: "call outcome: next contact (future only)",
    open: async (w) => {
      await openCallCard(w);
      await w.boris.tapButton("Дозвонились");
      await w.boris.tapButton("Своя дата");
      expect(w.boris.lastText()).toContain("дату следующего контакта");
      return w.boris;
    },
    inputs: [
      ...badDates("позже сегодняшнего дня"),
      ["today", "сегодня", "позже сегодняшнего дня"],
      ["three years ahead", "23.11.2029", "не дальше чем через два года"],
    ],
  },
  {
    name: "call outcome: call back at (not in the past)",
    open: async (w) => {
      await openCallCard(w);
      await w.boris.tapButton("Перезвонить");
      expect(w.boris.lastText()).toContain("Когда перезвонить?");
      return w.boris;
    },
    inputs: [
      ...badDates("уже прошло или слишком далеко"),
      ["an hour ago today", "сегодня в 08:00", "уже прошло или слишком далеко"],
      ["three years ahead", "23.11.2029", "уже прошло или слишком далеко"],
      ["hour 25", "завтра в 25:00", "Не понял дату"],
      ["minute 61", "завтра в 10:61", "Не понял дату"],
    ],
  },
  {
    name: "checklist: a step's new due date (not in the past)",
    open: async (w) => {
      const { handoverId, stepId } = await handoverOfVera(w);
      await w.lead.tap(chk.due(handoverId, stepId));
      expect(w.lead.lastText()).toContain("Новый срок для шага");
      return w.lead;
    },
    inputs: [...badDates("уже прошло. Выберите сегодняшний"), ["a year and a day ahead", "24.11.2027", "больше чем через год"]],
  },
  {
    name: "client card: a commitment's due date",
    open: async (w) => {
      await w.boris.send("/clients");
      await w.boris.tap(cb.addCommitment(w.clientIds[0]!));
      await w.boris.send("Выслать счёт");
      expect(w.boris.lastText()).toContain("Срок: нет");
      return w.boris;
    },
    // This question does not echo the text back, so the markup case looks for the generic re-ask.
    inputs: badDates("Эта дата уже прошла").map(([label, text, expected]) => [label, text, expected.startsWith("Не понял дату") ? "Не понял дату" : expected] as Input),
  },
  {
    name: "settings: the digest hour",
    open: async (w) => {
      await w.lead.send("/settings");
      await w.lead.tap(setData.field("digestHour"));
      expect(w.lead.lastText()).toContain("В котором часу");
      return w.lead;
    },
    inputs: [
      ["hour 25", "25", "Нужен час от"],
      ["minus five", "-5", "Нужен час от"],
      ["a huge number", "9".repeat(400), "Нужен час от"],
      ["1e309", "1e309", "Нужен час от"],
      ["NaN", "NaN", "Нужен час от"],
      ["emoji", "⏰9️⃣", "Нужен час от"],
      ["5,000 characters", LONG, "Нужен час от"],
      ["a fraction", "9.5", "Нужен час от"],
    ],
  },
  {
    name: "settings: campaign days",
    open: async (w) => {
      await w.lead.send("/settings");
      await w.lead.tap(setData.field("campaignDays"));
      return w.lead;
    },
    inputs: [
      ["zero", "0", "Нужно целое число"],
      ["minus five days", "-5 дней", "Нужно целое число"],
      ["a huge number", "99999999999999999999", "Нужно целое число"],
      ["Infinity", "Infinity", "Нужно целое число"],
      ["hex", "0x10", "Нужно целое число"],
    ],
  },
  {
    name: "/start: a new team's name",
    open: async (w) => {
      await w.stranger.send("/start");
      await w.stranger.tapButton("Создать команду");
      expect(w.stranger.lastText()).toContain("Как назовём команду");
      return w.stranger;
    },
    inputs: [
      ["5,000 characters", LONG, "от 2 до 64 символов"],
      ["zero-width characters only", INVISIBLE, "от 2 до 64 символов"],
    ],
  },
  {
    name: "/start: a new team's time zone",
    open: async (w) => {
      await w.stranger.send("/start");
      await w.stranger.tapButton("Создать команду");
      await w.stranger.send("Команда");
      expect(w.stranger.lastText()).toContain("часовой пояс");
      return w.stranger;
    },
    inputs: [
      ["5,000 characters", LONG, "не часовой пояс"],
      ["a path", "../../etc/passwd", "не часовой пояс"],
      ["markup", "<b>Europe/Moscow</b>", "«&lt;b&gt;Europe/Moscow&lt;/b&gt;» — не часовой пояс"],
    ],
  },
  {
    name: "/client: a new client's name",
    open: async (w) => {
      await w.boris.send("/client");
      expect(w.boris.lastText()).toContain("Как его зовут");
      return w.boris;
    },
    inputs: [
      ["5,000 characters", LONG, "от 1 до 200 символов"],
      ["zero-width characters only", INVISIBLE, "от 1 до 200 символов"],
    ],
  },
  {
    name: "client card: a commitment's text",
    open: async (w) => {
      await w.boris.send("/clients");
      await w.boris.tap(cb.addCommitment(w.clientIds[0]!));
      return w.boris;
    },
    inputs: [
      ["5,000 characters", LONG, "Слишком длинно"],
      ["zero-width characters only", INVISIBLE, "хотя бы пару слов"],
    ],
  },
  {
    name: "checklist: a skip reason",
    open: async (w) => {
      const { handoverId, stepId } = await handoverOfVera(w);
      await w.lead.tap(chk.skip(handoverId, stepId));
      expect(w.lead.lastText()).toContain("Почему пропускаем");
      return w.lead;
    },
    inputs: [
      ["5,000 characters", LONG, "Причина должна быть от 2 до"],
      ["zero-width characters only", INVISIBLE, "Причина должна быть от 2 до"],
    ],
  },
  {
    name: "checklist: the lead's interview line",
    open: async (w) => {
      const { handoverId } = await handoverOfVera(w);
      await w.lead.tap(chk.interview(handoverId));
      return w.lead;
    },
    inputs: [
      ["a 4,500-character client name", `${"Я".repeat(4500)} — договор до 30.11`, "Не нашёл «ЯЯЯ"],
      ["markup as the client", "<b>Олег</b> & Co — договор до 30.11", "Не нашёл «&lt;b&gt;Олег&lt;/b&gt; &amp; Co»"],
      ["no dash", LONG, "Не понял. Напишите так"],
    ],
  },
  {
    name: "/offboard: who is leaving, typed",
    open: async (w) => {
      await w.lead.send("/offboard");
      expect(w.lead.lastText()).toContain("Кто уходит?");
      return w.lead;
    },
    inputs: [
      ["5,000 characters", LONG, "Не нашёл в команде"],
      ["markup", "<i>Вера</i>", "Не нашёл в команде «&lt;i&gt;Вера&lt;/i&gt;»"],
    ],
  },
];

describe.each(dialogues)("$name", ({ open, inputs }) => {
  let w: World;
  let who: Persona;
  beforeEach(async () => {
    w = await createWorld();
    who = await open(w);
  });
  afterEach(() => w.h.close());

  it.each(inputs)("%s: a polite re-ask, nothing written", async (_label, text, expected) => {
    const before = snapshot(w.h.db);
    const from = w.h.calls().length;
    await who.send(text);
    expect(saidTo(w.h, who, from)).toContain(expected);
    expectUnchanged(w.h.db, before);
    // Still waiting for a proper answer: /cancel ends it, and still nothing is written.
    await who.send("/cancel");
    expect(who.lastText()).toMatch(/Отменено|Ничего не сохранено|ничего не изменено/i);
    expectUnchanged(w.h.db, before);
    expectCleanRun(w.h, from);
  });
});
