// The chart specs carry the right data, and every edge case gives something sensible.
import { describe, expect, it } from "vitest";
import { burndown } from "../../../src/reports/charts/burndown.js";
import { handoverCharts } from "../../../src/reports/charts/handover-charts.js";
import { MANAGERS_PER_PAGE, NAME_MAX_CHARS, ellipsis } from "../../../src/reports/charts/layout.js";
import { lostSpec } from "../../../src/reports/charts/lost-spec.js";
import { LOST_COLOURS, OUTCOME_COLOURS, OUTCOMES } from "../../../src/reports/charts/palette.js";
import { progressSpecs, type ProgressRow } from "../../../src/reports/charts/progress-spec.js";
import type { HandoverChartData } from "../../../src/reports/charts/queries.js";
import type { ChartSpec } from "../../../src/reports/charts/spec.js";
import type { ChartTexts } from "../../../src/reports/charts/texts.js";
import { timelineSpec } from "../../../src/reports/charts/timeline-spec.js";

const labels = { reached: "reached", noAnswer: "no answer", callBack: "call back", lost: "lost", notCalled: "not called" };
const row = (name: string, r: Partial<ProgressRow> = {}): ProgressRow => ({ name, reached: 0, noAnswer: 0, callBack: 0, lost: 0, notCalled: 0, ...r });
const progress = (rows: ProgressRow[]) => progressSpecs({ title: "T", subtitle: "S", rows, labels, pageLabel: (p, n) => `${p}/${n}`, emptyText: "No calls yet" });
const series = (spec: ChartSpec) => spec.option.series as any[];
const yNames = (spec: ChartSpec) => (spec.option.yAxis as any).data as string[];

const plainTexts: ChartTexts = { locale: "en", t: (key, vars) => `${key}${vars ? JSON.stringify(vars) : ""}`, day: (d) => d.slice(5) };

describe("progress per manager", () => {
  it("has a stacked series per outcome, in the outcome's colour, with the managers' numbers on the bars", () => {
    const [spec] = progress([row("Борис", { reached: 4, noAnswer: 2, callBack: 1, lost: 1, notCalled: 4 }), row("Вера", { lost: 3, notCalled: 2 })]);
    expect(series(spec!).map((s) => s.name)).toEqual(OUTCOMES.map((o) => labels[o]));
    expect(series(spec!).map((s) => s.itemStyle.color)).toEqual(OUTCOMES.map((o) => OUTCOME_COLOURS[o]));
    expect(series(spec!).map((s) => s.data)).toEqual([[4, 0], [2, 0], [1, 0], [1, 3], [4, 2]]);
    expect(series(spec!).every((s) => s.stack === "calls" && s.label.show)).toBe(true);
    expect(series(spec!)[0].label.formatter({ value: 4 })).toBe("4");
    expect(series(spec!)[0].label.formatter({ value: 0 })).toBe("");
    expect(yNames(spec!)).toEqual(["Борис", "Вера"]);
    expect(spec!.width).toBeGreaterThanOrEqual(1080);
    expect(spec!.option.graphic).toBeUndefined();
  });

  it("one manager: one bar, a short picture", () => {
    const specs = progress([row("Борис", { reached: 1 })]);
    expect(specs).toHaveLength(1);
    expect(yNames(specs[0]!)).toEqual(["Борис"]);
    expect(specs[0]!.height).toBeLessThan(500);
  });

  it("60 managers: pages of the same scale, each taller for more rows", () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(`Менеджер ${String(i + 1).padStart(2, "0")}`, { reached: i + 1, notCalled: 1 }));
    const specs = progress(rows);
    expect(specs.map((s) => yNames(s).length)).toEqual([MANAGERS_PER_PAGE, 60 - MANAGERS_PER_PAGE]);
    expect(specs.map((s) => (s.option.xAxis as any).max)).toEqual([65, 65]);
    expect(specs[0]!.height).toBeGreaterThan(specs[1]!.height);
    expect((specs[0]!.option.title as any).text).toBe("T (1/2)");
    expect(yNames(specs[1]!)[0]).toBe("Менеджер 41");
  });

  it("very long names are cut with an ellipsis", () => {
    const long = "Константин Константинович Константинопольский-Длинноимённый";
    const [spec] = progress([row(long, { reached: 1 })]);
    const name = yNames(spec!)[0]!;
    expect([...name]).toHaveLength(NAME_MAX_CHARS);
    expect(name.endsWith("…")).toBe(true);
    expect(long.startsWith(name.slice(0, -1))).toBe(true);
    expect(ellipsis("  Вера  ")).toBe("Вера");
  });

  it("all lost: only the lost series has numbers", () => {
    const [spec] = progress([row("Борис", { lost: 3 }), row("Вера", { lost: 2 })]);
    expect(series(spec!).filter((s) => s.data.some((n: number) => n > 0)).map((s) => s.name)).toEqual(["lost"]);
  });

  it("no calls or no managers: says so on the picture", () => {
    expect(progress([row("Борис")])[0]!.option.graphic).toEqual([expect.objectContaining({ style: expect.objectContaining({ text: "No calls yet" }) })]);
    const none = progress([]);
    expect(none).toHaveLength(1);
    expect(none[0]!.option.graphic).toBeDefined();
  });
});

describe("calls over time", () => {
  it("burns down from every call open to zero, with the plan by due day and nothing drawn after today", () => {
    const b = burndown({ start: "2026-11-16", today: "2026-11-18", due: "2026-11-20", total: 4, madeOn: ["2026-11-16", "2026-11-18", "2026-11-18"], dueOn: ["2026-11-16", "2026-11-17", "2026-11-17", "2026-11-19"] });
    expect(b.days).toEqual(["2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]);
    expect(b.made).toEqual([0, 1, 0, 2, 0, 0]);
    expect(b.open).toEqual([4, 3, 3, 1, null, null]);
    expect(b.planned).toEqual([4, 3, 1, 1, 0, 0]);
  });

  it("crosses months and years on the calendar (31 December, 29 February)", () => {
    expect(burndown({ start: "2027-12-31", today: "2028-01-01", due: null, total: 0, madeOn: [], dueOn: [] }).days).toEqual(["2027-12-30", "2027-12-31", "2028-01-01"]);
    expect(burndown({ start: "2028-02-28", today: "2028-03-01", due: null, total: 0, madeOn: [], dueOn: [] }).days).toEqual(["2028-02-27", "2028-02-28", "2028-02-29", "2028-03-01"]);
  });

  it("marks today and the due date; no calls yet says so", () => {
    const data = burndown({ start: "2026-11-16", today: "2026-11-18", due: "2026-11-20", total: 0, madeOn: [], dueOn: [] });
    const spec = timelineSpec({ title: "T", subtitle: "S", data, today: "2026-11-18", due: "2026-11-20", labels: { made: "made", open: "open", planned: "plan", today: "today", due: "due" }, dayLabel: (d) => d.slice(5), emptyText: "No calls yet" });
    const marks = series(spec)[0].markLine.data;
    expect(marks.map((m: any) => [m.xAxis, m.name])).toEqual([["11-18", "today"], ["11-20", "due"]]);
    expect((spec.option.xAxis as any).data).toEqual(["11-15", "11-16", "11-17", "11-18", "11-19", "11-20"]);
    expect(spec.option.graphic).toBeDefined();
  });
});

describe("lost reasons", () => {
  it("a bar per reason with its count, went-with-the-leaver highlighted in the lost colour", () => {
    const spec = lostSpec({ title: "T", subtitle: "S", counts: { went_with_leaver: 4, competitor: 1 }, labels: { went_with_leaver: "went with the leaver", competitor: "competitor", no_need: "no need", other: "other" }, emptyText: "none" });
    const data = series(spec)[0].data;
    expect(data.map((d: any) => d.value)).toEqual([4, 1, 0, 0]);
    expect(data[0].itemStyle.color).toBe(OUTCOME_COLOURS.lost);
    expect(LOST_COLOURS.highlighted).toBe(OUTCOME_COLOURS.lost);
    expect(data.slice(1).every((d: any) => d.itemStyle.color === LOST_COLOURS.other)).toBe(true);
    expect(series(spec)[0].label.show).toBe(true);
  });
});

describe("one handover's pictures", () => {
  const data: HandoverChartData = {
    startedOn: "2026-11-16",
    due: "2026-11-20",
    total: 3,
    rows: [{ memberId: 2, ...row("Борис", { lost: 2, notCalled: 1 }) }],
    lostReasons: { went_with_leaver: 2 },
    madeOn: ["2026-11-17", "2026-11-17"],
    dueOn: ["2026-11-17", "2026-11-17", "2026-11-18"],
  };

  it("progress, calls per day and lost reasons; the terms in the title", () => {
    const specs = handoverCharts({ leaverName: "Мария", terms: "bad", today: "2026-11-18", data, progressOnly: false }, plainTexts);
    expect(specs.map((s) => s.kind)).toEqual(["progress", "timeline", "lost-reasons"]);
    expect((specs[0]!.option.title as any).text).toBe('chart-progress-title{"leaver":"Мария","terms":"bad"}');
  });

  it("where only progress may be shown: one picture, terms hidden", () => {
    const specs = handoverCharts({ leaverName: "Мария", terms: "hidden", today: "2026-11-18", data, progressOnly: true }, plainTexts);
    expect(specs.map((s) => s.kind)).toEqual(["progress"]);
    expect(JSON.stringify(specs[0]!.option)).not.toContain("bad");
  });

  it("no lost clients: no lost-reasons picture", () => {
    const none = { ...data, rows: [{ memberId: 2, ...row("Борис", { notCalled: 3 }) }], lostReasons: {}, madeOn: [] };
    expect(handoverCharts({ leaverName: null, terms: "good", today: "2026-11-18", data: none, progressOnly: false }, plainTexts).map((s) => s.kind)).toEqual(["progress", "timeline"]);
  });
});

describe("colours", () => {
  it("no chart uses an outcome's colour for something else", async () => {
    const { TIMELINE_COLOURS } = await import("../../../src/reports/charts/palette.js");
    const outcomeColours = new Set(Object.values(OUTCOME_COLOURS));
    expect(Object.values(TIMELINE_COLOURS).filter((c) => outcomeColours.has(c as never))).toEqual([]);
  });
});
