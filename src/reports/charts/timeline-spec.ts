// Chart 2: calls over time since the handover started. Bars: calls made per day; a line: open calls
// left (burning down to zero); a dashed line: the plan; today and the due date marked.
import type { EChartsOption } from "echarts";
import type { Burndown } from "./burndown.js";
import { FONT } from "./layout.js";
import { TIMELINE_COLOURS } from "./palette.js";
import { CHART_WIDTH, baseOption, emptyNote, type ChartSpec } from "./spec.js";

export interface TimelineView {
  title: string;
  subtitle: string;
  data: Burndown;
  today: string;
  due: string | null;
  labels: { made: string; open: string; planned: string; today: string; due: string };
  /** How a day is written on the axis ("23.11", "23 Nov"). */
  dayLabel: (day: string) => string;
  emptyText: string;
}

export const TIMELINE_HEIGHT = 900;

export function timelineSpec(view: TimelineView): ChartSpec {
  const { data, labels } = view;
  const axis = data.days.map(view.dayLabel);
  const mark = (day: string | null, name: string, colour: string, dashed: boolean) =>
    day && data.days.includes(day)
      ? [{ xAxis: view.dayLabel(day), name, lineStyle: { color: colour, width: 3, type: dashed ? ("dashed" as const) : ("solid" as const) }, label: { formatter: name, fontSize: FONT.value, color: colour, position: "end" as const } }]
      : [];
  const nothing = data.planned.every((n) => n === 0) && data.made.every((n) => n === 0);
  const option: EChartsOption = {
    ...baseOption(view.title, view.subtitle),
    legend: { bottom: 24, left: "center", itemWidth: 36, itemHeight: 20, textStyle: { fontSize: FONT.legend }, data: [labels.made, labels.open, labels.planned] },
    grid: { left: 32, right: 56, top: 190, bottom: 110, containLabel: true },
    xAxis: { type: "category", data: axis, axisLabel: { fontSize: FONT.axis, hideOverlap: true } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: FONT.axis }, splitLine: { lineStyle: { color: "#E5E5E5" } } },
    series: [
      {
        name: labels.made,
        type: "bar",
        itemStyle: { color: TIMELINE_COLOURS.done },
        label: { show: data.days.length <= 31, position: "insideBottom", color: "#FFFFFF", fontWeight: "bold", fontSize: FONT.value, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : "") },
        data: data.made,
        markLine: { symbol: "none", silent: true, data: view.due === view.today ? mark(view.today, `${labels.today} · ${labels.due}`, TIMELINE_COLOURS.today, false) : [...mark(view.today, labels.today, TIMELINE_COLOURS.today, false), ...mark(view.due, labels.due, TIMELINE_COLOURS.due, true)] },
      },
      { name: labels.open, type: "line", symbol: "circle", symbolSize: 10, lineStyle: { width: 5, color: TIMELINE_COLOURS.open }, itemStyle: { color: TIMELINE_COLOURS.open }, data: data.open, connectNulls: false },
      { name: labels.planned, type: "line", symbol: "none", lineStyle: { width: 3, type: "dashed", color: TIMELINE_COLOURS.planned }, itemStyle: { color: TIMELINE_COLOURS.planned }, data: data.planned },
    ],
    ...(nothing ? { graphic: emptyNote(view.emptyText) } : {}),
  };
  return { kind: "timeline", width: CHART_WIDTH, height: TIMELINE_HEIGHT, option };
}
