// Replayed buttons (a double tap, an old message tapped again) and forged answers inside dialogues: the
// second tap is a short toast and changes nothing; a forged answer is asked again and writes nothing.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handovers } from "../../src/db/schema.js";
import type { Persona, ShownMessage } from "../support/harness.js";
import { createWorld, type World } from "./support.js";
import { tapRefused } from "./taps.js";

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.h.close());

/** Taps the newest button labelled `label` and returns its callback data, for replaying it later. */
async function tapKeeping(who: Persona, label: string | RegExp): Promise<string> {
  const msg: ShownMessage = await who.tapButton(label);
  const button = msg.buttons.flat().find((b) => (typeof label === "string" ? b.text.includes(label) : label.test(b.text)));
  return button!.data!;
}

async function offboardVera(): Promise<number> {
  await w.lead.send("/offboard");
  await w.lead.tapButton("Вера");
  await w.lead.tapButton("Со скандалом");
  await w.lead.send("27.11");
  await w.lead.tapButton("Начать передачу");
  return w.h.db.select().from(handovers).get()!.id;
}

const CSV = Buffer.from("ФИО;Телефон\r\nНовый клиент;+7 916 000-00-01\r\nЕщё один;+7 916 000-00-02\r\n");

describe("replayed buttons", () => {
  it("import: Import tapped again after it applied, Cancel after it applied", async () => {
    await w.lead.sendDocument("new.csv", CSV);
    const go = await tapKeeping(w.lead, "Загрузить");
    expect((await tapRefused(w.h, w.lead, go)).toast).toContain("уже загружен");
    expect((await tapRefused(w.h, w.lead, go.replace(":go:", ":no:"))).toast).toContain("уже загружен");
    expect((await tapRefused(w.h, w.lead, go.replace(":go:", ":valid:"))).toast).toContain("уже загружен");
  });

  it("import: Import tapped after Cancel", async () => {
    await w.lead.sendDocument("new.csv", CSV);
    const cancel = await tapKeeping(w.lead, "Отмена");
    expect((await tapRefused(w.h, w.lead, cancel.replace(":no:", ":go:"))).toast).toContain("отменён");
    expect((await tapRefused(w.h, w.lead, cancel)).toast).toContain("уже отменён");
  });

  it("distribution: Apply twice, then Take myself and Cancel on the applied table", async () => {
    await offboardVera();
    await w.lead.tapButton(/^4\. /);
    await w.lead.tapButton("Распределить");
    const apply = await tapKeeping(w.lead, "Применить");
    expect((await tapRefused(w.h, w.lead, apply)).toast).toContain("Уже применено");
    expect((await tapRefused(w.h, w.lead, apply.replace("dist:a:", "dist:m:"))).toast).toMatch(/Уже применено|не действует/);
    expect((await tapRefused(w.h, w.lead, apply.replace("dist:a:", "dist:x:"))).toast).toMatch(/Уже применено|не действует/);
  });

  it("distribution: Undo twice, then Apply on the undone one", async () => {
    await offboardVera();
    await w.lead.tapButton(/^4\. /);
    await w.lead.tapButton("Распределить");
    await w.lead.tapButton("Применить");
    const undo = await tapKeeping(w.lead, "Отменить распределение");
    expect((await tapRefused(w.h, w.lead, undo)).toast).toContain("Уже отменено");
    expect((await tapRefused(w.h, w.lead, undo.replace("dist:u:", "dist:a:"))).toast).toMatch(/Уже отменено|не действует/);
  });

  it("a call card: every outcome button after the result is recorded", async () => {
    await w.boris.send("/clients");
    await w.boris.tap(`call:log:${w.clientIds[0]}`);
    await w.boris.tapButton("Дозвонились");
    const week = await tapKeeping(w.boris, "+1 неделя");
    await w.boris.tapButton("Пропустить");
    for (const replay of [week, week.replace(/:w1$/, ":m6"), week.replace(/^call:d:(.+):w1$/, "call:a:$1:n"), week.replace(/^call:d:(.+):w1$/, "call:lr:$1:co"), week.replace(/^call:d:(.+):w1$/, "call:a:$1:b")]) {
      expect((await tapRefused(w.h, w.boris, replay)).toast).toMatch(/Результат уже записан|больше не найден/);
    }
  });

  it("checklist: Done twice on a step; Cancel the handover twice; Done on a cancelled handover", async () => {
    const handoverId = await offboardVera();
    await w.lead.tapButton(/^2\. /);
    const done = await tapKeeping(w.lead, "Готово");
    const second = await tapRefused(w.h, w.lead, done);
    expect(second.toast).not.toBe("");
    await w.lead.tapButton("Отменить передачу");
    const cancelYes = await tapKeeping(w.lead, "Да, отменить");
    expect(w.h.db.select().from(handovers).where(eq(handovers.id, handoverId)).get()!.status).toBe("cancelled");
    expect((await tapRefused(w.h, w.lead, cancelYes)).toast).not.toBe("");
    expect((await tapRefused(w.h, w.lead, done.replace(/:(\d+)$/, (_m, s) => `:${Number(s) + 1}`))).toast).not.toBe("");
  });

  it("/offboard: the confirmation tapped again after the handover started", async () => {
    await w.lead.send("/offboard");
    await w.lead.tapButton("Вера");
    await w.lead.tapButton("Со скандалом");
    await w.lead.send("27.11");
    const go = await tapKeeping(w.lead, "Начать передачу");
    expect(w.h.db.select().from(handovers).all()).toHaveLength(1);
    await tapRefused(w.h, w.lead, go);
    await tapRefused(w.h, w.lead, "off:c:who:3");
    expect(w.h.db.select().from(handovers).all()).toHaveLength(1);
  });

  it("a client's new owner tapped twice", async () => {
    await w.lead.send("/clients");
    await w.lead.tap(`cl:o:${w.clientIds[0]}`);
    const pick = await tapKeeping(w.lead, "Вера");
    expect((await tapRefused(w.h, w.lead, pick)).toast).not.toBe("");
  });

  it("“Create a team” tapped again by someone who is already a lead", async () => {
    const { texts } = await tapRefused(w.h, w.lead, "team:create");
    expect(texts.join("\n")).toContain("уже состоите в команде");
  });
});

describe("forged answers inside dialogues", () => {
  async function atLastDay() {
    await w.lead.send("/offboard");
    await w.lead.tapButton("Вера");
    await w.lead.tapButton("Со скандалом");
  }

  it.each([
    ["31 February", "off:c:day:2026-02-31"],
    ["31 February, confirmed as past", "off:c:past:2026-02-31"],
    ["month 13", "off:c:day:2026-13-01"],
    ["day zero, confirmed as past", "off:c:past:0000-00-00"],
    ["year 9999", "off:c:day:9999-12-31"],
    ["year 0001, confirmed as past", "off:c:past:0001-01-01"],
    ["a date with garbage after it", "off:c:day:2026-11-27x"],
  ])("/offboard last day: a forged day button (%s) is asked again", async (_label, data) => {
    await atLastDay();
    const { texts } = await tapRefused(w.h, w.lead, data);
    expect(texts.join("\n")).not.toContain("Что на кону");
    // The dialogue still waits for the day: a proper one goes through.
    await w.lead.send("27.11");
    expect(w.lead.lastText()).toContain("Что на кону");
  });

  it.each([
    ["another team's member", "off:c:who:6"],
    ["an unknown member", "off:c:who:987654321"],
  ])("/offboard who: %s is refused", async (_label, data) => {
    await w.lead.send("/offboard");
    const { texts } = await tapRefused(w.h, w.lead, data);
    expect(texts.join("\n")).not.toContain("Как уходит");
  });

  it.each([
    ["30 November… 31st", "chk:in:a:d:2026-11-31"],
    ["29 February of a common year", "chk:in:a:d:2027-02-29"],
    ["year 9999", "chk:in:a:d:9999-12-31"],
    ["day zero", "chk:in:a:d:0000-00-00"],
    ["yesterday", "chk:in:a:d:2026-11-22"],
  ])("checklist due date: a forged date button (%s) is not written", async (_label, data) => {
    const handoverId = await offboardVera();
    const step = w.h.db.$client.prepare("SELECT id FROM checklist_steps WHERE handover_id = ? AND status = 'open' ORDER BY position").get(handoverId) as { id: number };
    await w.lead.tap(`chk:in:due:${handoverId}:${step.id}`);
    expect(w.lead.lastText()).toContain("Новый срок");
    await tapRefused(w.h, w.lead, data);
  });

  it.each([
    ["an unknown zone", "ct:tz:Mars/Olympus"],
    ["a path", "ct:tz:../../../etc/passwd"],
    ["nothing", "ct:tz:"],
  ])("new team's time zone: %s is asked again", async (_label, data) => {
    await w.stranger.send("/start");
    await w.stranger.tapButton("Создать команду");
    await w.stranger.send("Команда");
    const { texts } = await tapRefused(w.h, w.stranger, data);
    expect(texts.join("\n")).toContain("не часовой пояс");
  });

  it.each([
    ["another team's member as owner", "cla:n:o:6"],
    ["an unknown owner", "cla:n:o:987654321"],
    ["a text owner", "cla:n:o:abc"],
  ])("/client: %s is asked again", async (_label, data) => {
    await w.lead.send("/client");
    await w.lead.send("Новый клиент");
    await w.lead.tapButton("Пропустить");
    await w.lead.tapButton("Пропустить");
    await w.lead.tapButton(/Тёпл|тёпл/);
    const { texts } = await tapRefused(w.h, w.lead, data);
    expect(texts.join("\n")).toMatch(/Выберите|кнопк/i);
  });

  it.each([
    ["a temperature that does not exist", "cla:n:t:lukewarm"],
  ])("/client: %s is asked again", async (_label, data) => {
    await w.lead.send("/client");
    await w.lead.send("Новый клиент");
    await w.lead.tapButton("Пропустить");
    await w.lead.tapButton("Пропустить");
    await tapRefused(w.h, w.lead, data);
  });

  it.each([
    ["a kind that does not exist", "cla:m:k:bribe"],
  ])("a commitment: %s is asked again", async (_label, data) => {
    await w.boris.send("/clients");
    await w.boris.tap(`cl:m:${w.clientIds[0]}`);
    await tapRefused(w.h, w.boris, data);
  });

  it.each([
    ["another team's client", "dist:c:k:4"],
    ["an own client that was not offered", "dist:c:k:1"],
    ["another team's manager as target", "dist:c:t:6"],
    ["garbage", "dist:c:zz:1"],
  ])("distribution “move one client”: %s is asked again", async (_label, data) => {
    await offboardVera();
    await w.lead.tapButton(/^4\. /);
    await w.lead.tapButton("Распределить");
    await w.lead.tapButton("Изменить");
    await w.lead.tapButton("Перенести одного клиента");
    await tapRefused(w.h, w.lead, data);
  });
});
