// The star index as a picture: the spec's data (bars, labels, trend aligned by week) and /stars sending it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { starSnapshots } from "../../../src/db/schema.js";
import { starsSpec, type StarsView } from "../../../src/reports/charts/stars-spec.js";
import { starSeries } from "../../../src/stars/star-series.js";
import { createHarness, type Harness } from "../../support/harness.js";
import { memberIdOf, seedClients } from "../../support/seed.js";
import { isPng, pngSize } from "./png.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: "2026-11-23T09:00:00+03:00" });
});
afterEach(() => h.close());

const view = (over: Partial<StarsView> = {}): StarsView => ({
  title: "t",
  subtitle: "s",
  managers: [
    { name: "Вера", percent: 100, clients: 3, hotSingle: 1, trend: [100, null, 100] },
    { name: "Борис", percent: 50, clients: 2, hotSingle: 0, trend: [80, 60, 50] },
  ],
  weeks: ["09.11", "16.11", "23.11"],
  team: { label: "Команда", trend: [90, 60, 80] },
  barLabels: ["100% из 3", "50% из 2"],
  trendTitle: "тренд",
  emptyText: "нет",
  ...over,
});

describe("the star index chart", () => {
  it("has a bar per manager with its label and the trend lines of the team and the managers", () => {
    const spec = starsSpec(view());
    const series = spec.option.series as { type: string; name?: string; data: unknown[] }[];
    expect(series[0]).toMatchObject({ type: "bar", data: [100, 50] });
    expect(series.slice(1).map((s) => [s.name, s.data])).toEqual([
      ["Команда", [90, 60, 80]],
      ["Вера", [100, null, 100]],
      ["Борис", [80, 60, 50]],
    ]);
    expect(spec.width).toBe(1080);
    expect(starsSpec(view({ managers: [], barLabels: [] })).option.graphic).toBeTruthy(); // "nobody owns clients"
  });

  it("aligns each manager's weeks with the team's, a week without a snapshot left empty", async () => {
    await h.createTeam();
    await h.join(200, "manager", { first_name: "Борис" });
    h.db
      .insert(starSnapshots)
      .values([
        { teamId: 1, memberId: 1, week: "2026-11-09", clients: 4, singleVoice: 4 },
        { teamId: 1, memberId: 2, week: "2026-11-09", clients: 4, singleVoice: 0 },
        { teamId: 1, memberId: 2, week: "2026-11-16", clients: 4, singleVoice: 2 },
      ])
      .run();
    const series = starSeries(h.db, 1);
    expect(series.weeks).toEqual(["2026-11-09", "2026-11-16"]);
    expect(series.members.get(1)).toEqual([100, null]);
    expect(series.members.get(2)).toEqual([0, 50]);
    expect(series.team).toEqual([50, 50]);
  });

  it("/stars shows the lead the picture before the text; a manager gets only their line", async () => {
    const lead = await h.createTeam();
    const vera = await h.join(300, "manager", { first_name: "Вера" });
    seedClients(h.db, 1, [
      { name: "А", ownerId: memberIdOf(h.db, 300), temperature: "hot" },
      { name: "Б", ownerId: memberIdOf(h.db, 300) },
    ]);
    await lead.send("/stars");
    const photos = h.calls("sendPhoto").filter((c) => Number(c.payload.chat_id) === 100);
    expect(photos).toHaveLength(1);
    const png = photos[0]!.files.photo!.bytes;
    expect(isPng(png) && pngSize(png).width >= 1080).toBe(true);
    expect(String(photos[0]!.payload.caption)).toContain("Индекс «звёздности»");
    expect(lead.lastText()).toContain("<b>Вера</b>");
    await vera.send("/stars");
    expect(h.calls("sendPhoto").filter((c) => Number(c.payload.chat_id) === 300)).toEqual([]);
  });
});
