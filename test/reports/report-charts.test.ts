// /report's pictures: sendPhoto with a real PNG (≥ 1080 px wide) before the text report, captions in the
// reader's language; in the team's group only the progress picture, without the terms of departure.
import { writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordOutcome } from "../../src/calls/calls.js";
import { createHarness, type Harness } from "../support/harness.js";
import { isPng, pngSize } from "./charts/png.js";
import { callOf, handoverScene } from "../calls/calls.setup.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

const photosTo = (chatId: number) => h.calls("sendPhoto").filter((c) => Number(c.payload.chat_id) === chatId);

describe("/report pictures", () => {
  it("sends the progress, calls-per-day and lost-reasons pictures as PNG, then the text report", async () => {
    const s = await handoverScene(h, { terms: "bad" });
    const now = h.clock.now();
    expect(recordOutcome(h.db, { ref: { callId: callOf(h, s.clients.alpha).id }, actorId: s.ids.boris, outcome: { kind: "reached", nextContactOn: "2026-12-23" }, now }).ok).toBe(true);
    expect(recordOutcome(h.db, { ref: { callId: callOf(h, s.clients.delta).id }, actorId: s.ids.vera, outcome: { kind: "lost", reason: "went_with_leaver" }, now }).ok).toBe(true);

    await s.lead.send("/report");
    const photos = photosTo(s.lead.id);
    expect(photos.map((p) => p.files.photo?.name)).toEqual(["progress.png", "timeline.png", "lost-reasons.png"]);
    for (const p of photos) {
      const png = p.files.photo!.bytes;
      expect(isPng(png)).toBe(true);
      expect(pngSize(png).width).toBeGreaterThanOrEqual(1080);
      expect(pngSize(png).height).toBeGreaterThan(300);
      if (process.env.CHARTS_OUT) writeFileSync(`${process.env.CHARTS_OUT}/bot-${p.files.photo!.name}`, png);
    }
    expect(photos.map((p) => p.payload.caption)).toEqual(["📊 <b>Мария</b>: обзвон по менеджерам", "📈 Звонки по дням", "📉 Причины потерь"]);
    // The text report comes after the pictures, for search and copy.
    const chat = h.chat(s.lead.id);
    expect(chat.at(-1)!.method).toBe("sendMessage");
    expect(chat.at(-1)!.text).toContain("Отчёт по передачам клиентов");
    expect(h.errors()).toEqual([]);
  });

  it("with no calls made yet: only the progress and calls-per-day pictures, in English for an English reader", async () => {
    const s = await handoverScene(h);
    await s.lead.send("/language");
    await s.lead.tapButton("English");
    await s.lead.send("/report");
    const photos = photosTo(s.lead.id);
    expect(photos.map((p) => p.files.photo?.name)).toEqual(["progress.png", "timeline.png"]);
    expect(photos[0]!.payload.caption).toBe("📊 <b>Мария</b>: calls per manager");
    expect(photos.every((p) => isPng(p.files.photo!.bytes))).toBe(true);
  });

  it("in the team's group: only the progress picture, and its caption carries no terms of departure", async () => {
    const s = await handoverScene(h, { terms: "bad" });
    const group = h.group(-1001234567890, "Продажи");
    await s.lead.send("/link", group.chat);
    await s.lead.send("/report", group.chat);
    const photos = photosTo(group.chat.id);
    expect(photos.map((p) => p.files.photo?.name)).toEqual(["progress.png"]);
    expect(String(photos[0]!.payload.caption)).not.toMatch(/плохо|terms/);
    expect(pngSize(photos[0]!.files.photo!.bytes).width).toBeGreaterThanOrEqual(1080);
  });
});
