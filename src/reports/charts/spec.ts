// What every chart spec is: an ECharts option (data and look, no rendering) and the picture's size.
import type { EChartsOption } from "echarts";
import { CHART_WIDTH, FONT, FONT_FAMILY } from "./layout.js";
import { TEXT_COLOUR } from "./palette.js";

export interface ChartSpec {
  /** Which chart: progress, timeline, lost-reasons, weekly (and later stars). */
  kind: string;
  width: number;
  height: number;
  option: EChartsOption;
}

/** The parts every chart shares: font, title block, no animation (it is a still picture). */
export function baseOption(title: string, subtitle: string): EChartsOption {
  return {
    animation: false,
    backgroundColor: "#FFFFFF",
    textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT.label, color: TEXT_COLOUR },
    title: {
      text: title,
      subtext: subtitle,
      left: 32,
      top: 24,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT.title, fontWeight: "bold", color: TEXT_COLOUR },
      subtextStyle: { fontFamily: FONT_FAMILY, fontSize: FONT.subtitle, color: "#444444" },
      itemGap: 12,
    },
  };
}

/** A centred line of text, for charts with nothing to draw yet. */
export function emptyNote(text: string): EChartsOption["graphic"] {
  return [{ type: "text", left: "center", top: "middle", style: { text, fontSize: FONT.subtitle, fontFamily: FONT_FAMILY, fill: "#666666" } }];
}

export { CHART_WIDTH };
