import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { callScripts } from "../../src/db/schema.js";
import { renderScript, validateScriptTemplate } from "../../src/calls/scripts.js";
import { createHarness, type Harness } from "../support/harness.js";
import { callOf, handoverScene } from "./calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

const scripts = () => h.db.select().from(callScripts).all();

describe("/script", () => {
  it("shows both default scripts with their placeholders, to leads only", async () => {
    const s = await handoverScene(h);
    await s.boris.send("/script");
    expect(s.boris.lastText()).toContain("только руководитель");
    await s.lead.send("/script");
    const text = s.lead.lastText();
    expect(text).toContain("Расстались хорошо</b> — стандартный текст");
    expect(text).toContain("Расстались плохо</b> — стандартный текст");
    expect(text).toContain("{leaver} больше не работает в нашей сфере");
    expect(text).toContain("Меня зовут {manager}");
    expect(text).toContain("не предлагаем");
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(s.lead.last()!.buttons.flat().map((b) => b.text)).toEqual([
      "✏️ Изменить «хорошо»",
      "✏️ Изменить «плохо»",
      "✏️ Изменить «знакомство»",
      "✏️ Изменить «как вам с нами?»",
      "✏️ Изменить «руководитель»",
      "🇬🇧 Английская версия",
    ]);
    await s.lead.tapButton("Английская версия");
    expect(s.lead.lastText()).toContain("{leaver} has left our industry");
    expect(s.lead.lastText()).toContain("(английская версия)"); // the frame stays in the lead's language
  });

  it("lets a lead replace a script, refusing unknown placeholders, and managers see it filled in", async () => {
    const s = await handoverScene(h);
    await s.lead.send("/script");
    await s.lead.tapButton("Изменить «хорошо»");
    expect(s.lead.lastText()).toContain("Пришлите новый текст скрипта для случая «расстались хорошо»");
    await s.lead.send("Здравствуйте, {клиент}! {leaver} ушла, теперь с вами {manager}.");
    expect(s.lead.lastText()).toContain("Подстановку {клиент} я не знаю");
    await s.lead.send("Здравствуйте, {client! {leaver} ушла, теперь с вами {manager}.");
    expect(s.lead.lastText()).toContain("Фигурные скобки не парные");
    await s.lead.send("коротко");
    expect(s.lead.lastText()).toContain("Слишком коротко");
    expect(scripts()).toEqual([]);
    await s.lead.send("Здравствуйте, {client}! {leaver} передаёт вас мне, меня зовут {manager}. Скидок не обещаем. Когда созвонимся снова?");
    expect(s.lead.lastText()).toContain("Сохранено");
    expect(s.lead.lastText()).toContain("Здравствуйте, Иван Петров! Мария передаёт вас мне, меня зовут Анна.");
    expect(scripts()).toEqual([expect.objectContaining({ teamId: 1, terms: "good", locale: "ru" })]);

    await s.boris.tap(`call:o:${callOf(h, s.clients.alpha).id}`);
    expect(s.boris.lastText()).toContain("Здравствуйте, ООО «Альфа» &lt;VIP&gt; &amp; Co! Мария передаёт вас мне, меня зовут Борис.");
    // The English script is still the default one.
    await s.vera.send("/language");
    await s.vera.tapButton("English");
    await s.vera.tap(`call:o:${callOf(h, s.clients.delta).id}`);
    expect(s.vera.lastText()).toContain("Мария has left our industry");

    await s.lead.send("/script");
    expect(s.lead.lastText()).toContain("Расстались хорошо</b> — текст команды");
    await s.lead.tapButton("Вернуть стандартный «хорошо»");
    expect(s.lead.toasts().at(-1)).toBe("Стандартный текст восстановлен.");
    expect(scripts()).toEqual([]);
    await s.lead.tap("scr:r:good:ru");
    expect(s.lead.toasts().at(-1)).toBe("Здесь и так стандартный текст.");
  });

  it("cancels an edit without saving, and refuses forged or manager taps", async () => {
    const s = await handoverScene(h);
    await s.lead.send("/script");
    await s.lead.tapButton("Изменить «плохо»");
    await s.lead.tapButton("Отмена");
    expect(s.lead.lastText()).toContain("Ничего не сохранено");
    await s.lead.send("Новый текст скрипта, который не должен сохраниться после отмены.");
    expect(scripts()).toEqual([]);
    await s.boris.tap("scr:e:good:ru");
    expect(s.boris.toasts().at(-1)).toBe("Только руководитель может это сделать.");
    await s.lead.tap("scr:e:ugly:ru");
    expect(s.lead.toasts().at(-1)).toContain("устарела");
  });
});

describe("script templates", () => {
  it("validates placeholders and fills them in", () => {
    expect(validateScriptTemplate("  Привет, { client }! Это {manager}, по поводу {leaver}.  ")).toEqual({ ok: true, text: "Привет, { client }! Это {manager}, по поводу {leaver}." });
    expect(validateScriptTemplate("Привет, {name}! Это {manager}, по поводу {leaver}.")).toEqual({ ok: false, problem: { code: "unknown_placeholder", name: "{name}" } });
    expect(validateScriptTemplate("Привет, client}! Это {manager}, по поводу {leaver}.")).toEqual({ ok: false, problem: { code: "unbalanced_braces" } });
    expect(validateScriptTemplate("x".repeat(2501))).toMatchObject({ ok: false, problem: { code: "too_long" } });
    expect(renderScript("{client}/{ leaver }/{manager}/{client}", { client: "A {manager}", leaver: "B", manager: "C" })).toBe("A {manager}/B/C/A {manager}");
  });
});
