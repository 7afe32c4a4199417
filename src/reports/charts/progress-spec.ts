// Chart 1: handover progress per manager, a horizontal stacked bar each (reached / no answer yet / call
// back / lost / not called), numbers on the bars. Many managers: several pages of the same scale.
import type { EChartsOption } from "echarts";
import { FONT, MANAGERS_PER_PAGE, ROW_HEIGHT, ellipsis } from "./layout.js";
import { OUTCOMES, OUTCOME_COLOURS, type Outcome } from "./palette.js";
import { CHART_WIDTH, baseOption, emptyNote, type ChartSpec } from "./spec.js";

export type ProgressRow = { name: string } & Record<Outcome, number>;

export interface ProgressView {
  /** "Мария — расстались плохо" (the terms only where they may be shown). */
  title: string;
  /** The handover's due date and the totals, e.g. "обзвонить до 30.11 · 12 из 40". */
  subtitle: string;
  rows: ProgressRow[];
  labels: Record<Outcome, string>;
  /** "1/2" after the title when the chart has pages. */
  pageLabel: (page: number, pages: number) => string;
  emptyText: string;
}

const TOP = 150;
const BOTTOM = 110;

export function progressSpecs(view: ProgressView): ChartSpec[] {
  const pages: ProgressRow[][] = [];
  for (let i = 0; i < view.rows.length; i += MANAGERS_PER_PAGE) pages.push(view.rows.slice(i, i + MANAGERS_PER_PAGE));
  if (pages.length === 0) pages.push([]);
  // One scale for every page, so a bar means the same number of clients on each picture.
  const largest = Math.max(1, ...view.rows.map(rowTotal));
  const max = largest <= 10 ? largest : Math.ceil(largest / 5) * 5; // a round end, so the last tick is not crowded
  return pages.map((rows, i) => {
    const title = pages.length > 1 ? `${view.title} (${view.pageLabel(i + 1, pages.length)})` : view.title;
    return progressSpec({ ...view, title, rows }, max);
  });
}

export function rowTotal(row: ProgressRow): number {
  return OUTCOMES.reduce((sum, o) => sum + row[o], 0);
}

function progressSpec(view: ProgressView, max: number): ChartSpec {
  const rows = view.rows;
  const height = TOP + BOTTOM + Math.max(1, rows.length) * ROW_HEIGHT + 40;
  const nothing = rows.every((r) => rowTotal(r) === 0);
  const option: EChartsOption = {
    ...baseOption(view.title, view.subtitle),
    color: OUTCOMES.map((o) => OUTCOME_COLOURS[o]),
    legend: {
      bottom: 24,
      left: "center",
      itemWidth: 36,
      itemHeight: 24,
      textStyle: { fontSize: FONT.legend },
      data: OUTCOMES.map((o) => view.labels[o]),
    },
    grid: { left: 32, right: 48, top: TOP, bottom: BOTTOM, containLabel: true },
    xAxis: { type: "value", max, minInterval: 1, axisLabel: { fontSize: FONT.axis }, splitLine: { lineStyle: { color: "#E5E5E5" } } },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => ellipsis(r.name)),
      axisLabel: { fontSize: FONT.label, color: "#222222" },
      axisTick: { show: false },
    },
    series: OUTCOMES.map((o) => ({
      name: view.labels[o],
      type: "bar",
      stack: "calls",
      barWidth: ROW_HEIGHT - 16,
      itemStyle: { color: OUTCOME_COLOURS[o] },
      label: { show: true, fontSize: FONT.value, fontWeight: "bold", color: o === "notCalled" ? "#222222" : "#FFFFFF", formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : "") },
      data: rows.map((r) => r[o]),
    })),
    ...(nothing ? { graphic: emptyNote(view.emptyText) } : {}),
  };
  return { kind: "progress", width: CHART_WIDTH, height, option };
}
