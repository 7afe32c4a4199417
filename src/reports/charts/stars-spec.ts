// The star index as a picture: on top, a bar per manager with the share of their clients who know nobody
// else of the team (biggest first, the hot ones among them in the label); below, the 8-week trend of the
// managers with the highest index and the team's total.
import type { EChartsOption, TitleComponentOption } from "echarts";
import { ellipsis, FONT, ROW_HEIGHT } from "./layout.js";
import { STAR_COLOURS } from "./palette.js";
import { CHART_WIDTH, baseOption, emptyNote, type ChartSpec } from "./spec.js";

export interface StarsManager {
  name: string;
  /** Whole percent of single-voice clients. */
  percent: number;
  clients: number;
  hotSingle: number;
  /** Weekly percentages, oldest first, aligned with StarsView.weeks (null: no snapshot that week). */
  trend: (number | null)[];
}

export interface StarsView {
  title: string;
  subtitle: string;
  managers: StarsManager[];
  /** Labels of the trend's weeks ("23.11"), oldest first. */
  weeks: string[];
  team: { label: string; trend: (number | null)[] };
  /** The text beside each manager's bar ("67% · 3 of 5"), in the managers' order. */
  barLabels: string[];
  trendTitle: string;
  emptyText: string;
}

/** Managers whose trend is drawn: the highest index first, a few, so the lines stay apart. */
export const TREND_LINES = 5;
const MAX_BARS = 40;

export function starsSpec(view: StarsView): ChartSpec {
  const managers = view.managers.slice(0, MAX_BARS);
  const barsHeight = Math.max(1, managers.length) * ROW_HEIGHT + 40;
  const top = 170;
  const trendTop = top + barsHeight + 160;
  const trendHeight = 360;
  const height = trendTop + trendHeight + 90;
  const trendOf = managers.slice(0, TREND_LINES);
  const option: EChartsOption = {
    ...baseOption(view.title, view.subtitle),
    grid: [
      { left: 32, right: 400, top, height: barsHeight, containLabel: true },
      { left: 32, right: 60, top: trendTop, height: trendHeight, containLabel: true },
    ],
    xAxis: [
      { gridIndex: 0, type: "value", min: 0, max: 100, axisLabel: { fontSize: FONT.axis, formatter: "{value}%" }, splitLine: { lineStyle: { color: "#E5E5E5" } } },
      { gridIndex: 1, type: "category", data: view.weeks, axisLabel: { fontSize: FONT.axis } },
    ],
    yAxis: [
      { gridIndex: 0, type: "category", inverse: true, data: managers.map((m) => ellipsis(m.name)), axisLabel: { fontSize: FONT.label, color: "#222222" }, axisTick: { show: false } },
      { gridIndex: 1, type: "value", min: 0, max: 100, axisLabel: { fontSize: FONT.axis, formatter: "{value}%" }, splitLine: { lineStyle: { color: "#E5E5E5" } } },
    ],
    legend: { top: trendTop - 75, left: 32, textStyle: { fontSize: FONT.legend }, data: [view.team.label, ...trendOf.map((m) => ellipsis(m.name))] },
    series: [
      {
        type: "bar",
        xAxisIndex: 0,
        yAxisIndex: 0,
        barWidth: ROW_HEIGHT * 0.6,
        itemStyle: { color: STAR_COLOURS.bar },
        label: { show: true, position: "right", fontSize: FONT.value, formatter: (p: { dataIndex: number }) => view.barLabels[p.dataIndex] ?? "" },
        data: managers.map((m) => m.percent),
      },
      {
        type: "line",
        name: view.team.label,
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: view.team.trend,
        lineStyle: { width: 6, color: STAR_COLOURS.team },
        itemStyle: { color: STAR_COLOURS.team },
        symbolSize: 12,
        connectNulls: true,
      },
      ...trendOf.map((m, i) => ({
        type: "line" as const,
        name: ellipsis(m.name),
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: m.trend,
        lineStyle: { width: 4, color: STAR_COLOURS.trend[i % STAR_COLOURS.trend.length] },
        itemStyle: { color: STAR_COLOURS.trend[i % STAR_COLOURS.trend.length] },
        symbolSize: 10,
        connectNulls: true,
      })),
    ],
    title: [
      baseOption(view.title, view.subtitle).title as TitleComponentOption,
      { text: view.trendTitle, left: 32, top: trendTop - 125, textStyle: { fontSize: FONT.subtitle, fontWeight: "bold" } },
    ],
    ...(managers.length === 0 ? { graphic: emptyNote(view.emptyText) } : {}),
  };
  return { kind: "stars", width: CHART_WIDTH, height, option };
}
