// Chart 3: why clients were lost, a bar per reason with its count; "went with the leaver" highlighted.
import type { EChartsOption } from "echarts";
import type { LostReason } from "../../db/schema.js";
import { FONT } from "./layout.js";
import { LOST_COLOURS } from "./palette.js";
import { CHART_WIDTH, baseOption, emptyNote, type ChartSpec } from "./spec.js";

export const LOST_REASONS: readonly LostReason[] = ["went_with_leaver", "competitor", "no_need", "other"];
export const HIGHLIGHTED_REASON: LostReason = "went_with_leaver";

export interface LostView {
  title: string;
  subtitle: string;
  counts: Partial<Record<LostReason, number>>;
  labels: Record<LostReason, string>;
  emptyText: string;
}

export function lostSpec(view: LostView): ChartSpec {
  const reasons = LOST_REASONS;
  const total = reasons.reduce((s, r) => s + (view.counts[r] ?? 0), 0);
  const option: EChartsOption = {
    ...baseOption(view.title, view.subtitle),
    grid: { left: 32, right: 80, top: 160, bottom: 48, containLabel: true },
    xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: FONT.axis }, splitLine: { lineStyle: { color: "#E5E5E5" } } },
    yAxis: { type: "category", inverse: true, data: reasons.map((r) => view.labels[r]), axisLabel: { fontSize: FONT.label, color: "#222222", width: 420, overflow: "break" }, axisTick: { show: false } },
    series: [
      {
        type: "bar",
        barWidth: 72,
        label: { show: true, position: "right", fontSize: FONT.value + 4, fontWeight: "bold" },
        data: reasons.map((r) => ({
          value: view.counts[r] ?? 0,
          itemStyle: { color: r === HIGHLIGHTED_REASON ? LOST_COLOURS.highlighted : LOST_COLOURS.other, borderColor: r === HIGHLIGHTED_REASON ? "#000000" : undefined, borderWidth: r === HIGHLIGHTED_REASON ? 3 : 0 },
        })),
      },
    ],
    ...(total === 0 ? { graphic: emptyNote(view.emptyText) } : {}),
  };
  return { kind: "lost-reasons", width: CHART_WIDTH, height: 700, option };
}
