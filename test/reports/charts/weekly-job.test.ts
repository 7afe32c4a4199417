// The leads' weekly picture: Monday at the digest hour, a PNG of the open handovers in each lead's
// private chat; not on other days, not when the team turned it off; `npm run job -- weekly-picture` any day.
import { writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { notifications, teams } from "../../../src/db/schema.js";
import { createHarness, type Harness } from "../../support/harness.js";
import { handoverScene } from "../../calls/calls.setup.js";
import { isPng, pngSize } from "./png.js";

let h: Harness;
afterEach(() => h.close());

const weeklyPhotos = () => h.calls("sendPhoto").filter((c) => c.files.photo?.name.startsWith("weekly"));

describe("weekly picture", () => {
  it("reaches the lead on Monday at the digest hour, once, as a PNG with the open handovers", async () => {
    h = await createHarness({ now: "2026-11-23T09:00:00+03:00" }); // a Monday
    const s = await handoverScene(h, { terms: "bad" });
    await h.tick();
    await h.tick(); // the slot runs once
    await h.drainOutbox();
    const photos = weeklyPhotos();
    // The open handovers, then the team's star index (de-starring's part of the picture).
    expect(photos.map((p) => Number(p.payload.chat_id))).toEqual([s.lead.id, s.lead.id]);
    const png = photos[0]!.files.photo!.bytes;
    expect(isPng(png)).toBe(true);
    expect(pngSize(png).width).toBeGreaterThanOrEqual(1080);
    expect(String(photos[0]!.payload.caption)).toContain("Картинка недели");
    const stars = photos[1]!.files.photo!.bytes;
    expect(isPng(stars) && pngSize(stars).width >= 1080).toBe(true);
    expect(String(photos[1]!.payload.caption)).toContain("Индекс «звёздности»");
    if (process.env.CHARTS_OUT) writeFileSync(`${process.env.CHARTS_OUT}/weekly.png`, png);
    if (process.env.CHARTS_OUT) writeFileSync(`${process.env.CHARTS_OUT}/weekly-stars.png`, stars);
  });

  it("not on a Tuesday, not when turned off; the job command sends it any day", async () => {
    h = await createHarness({ now: "2026-11-24T09:00:00+03:00" }); // a Tuesday
    await handoverScene(h);
    await h.tick();
    await h.drainOutbox();
    expect(weeklyPhotos()).toEqual([]);

    h.db.update(teams).set({ weeklyPicture: false }).where(eq(teams.id, 1)).run();
    expect(h.runJob("weekly-picture")).toBe(0);
    h.db.update(teams).set({ weeklyPicture: true }).where(eq(teams.id, 1)).run();
    expect(h.runJob("weekly-picture")).toBe(2);
    // The job stores what to draw (inside its transaction); the sender draws it on the way out.
    const stored = h.db.select().from(notifications).where(eq(notifications.kind, "weekly_picture")).all();
    expect(stored.map((n) => [(n.payload as any).method, (n.payload as any).renderer, (n.payload as any).contentBase64])).toEqual([
      ["sendPhoto", "weekly-picture", undefined],
      ["sendPhoto", "stars-picture", undefined],
    ]);
    await h.drainOutbox();
    expect(weeklyPhotos()).toHaveLength(2);
    expect(isPng(weeklyPhotos()[0]!.files.photo!.bytes)).toBe(true);
  });

  it("a lead turns it off and on again in /settings", async () => {
    h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
    await handoverScene(h);
    const lead = h.leadOf(1);
    await lead.send("/settings");
    expect(lead.lastText()).toContain("Картинка недели</b> (открытые передачи, руководителям в понедельник): включена");
    await lead.tapButton("🖼 Выключить картинку недели");
    expect(lead.lastText()).toContain("выключена");
    expect(h.team().weeklyPicture).toBe(false);
    expect(h.runJob("weekly-picture")).toBe(0);
    await lead.tapButton("🖼 Включить картинку недели");
    expect(h.team().weeklyPicture).toBe(true);
    expect(h.runJob("weekly-picture")).toBe(2);
  });

  it("nothing open: no picture", async () => {
    h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
    await h.createTeam();
    expect(h.runJob("weekly-picture")).toBe(0);
  });
});
