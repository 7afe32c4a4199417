// Chart spec → SVG (ECharts server-side rendering, no browser) → PNG (resvg, its binary ships in its npm
// package). The font is Noto Sans from an npm package, loaded by file: system fonts are never used.
import { createRequire } from "node:module";
import { Resvg, renderAsync } from "@resvg/resvg-js";
import { BarChart, LineChart } from "echarts/charts";
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { FONT_FAMILY } from "./layout.js";
import type { ChartSpec } from "./spec.js";

const require = createRequire(import.meta.url);
export const FONT_FILES = [
  require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
];

// Only what the charts use: merging an option against every registered component costs time per chart.
echarts.use([BarChart, LineChart, GridComponent, TitleComponent, LegendComponent, MarkLineComponent, GraphicComponent, SVGRenderer]);

export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function resvgOptions(spec: ChartSpec) {
  return {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: "width" as const, value: spec.width },
    background: "#FFFFFF",
  };
}

/** Renders on the calling thread (the bench, tests). */
export function renderChart(spec: ChartSpec): Buffer {
  return new Resvg(chartSvg(spec), resvgOptions(spec)).render().asPng();
}

/** Rasterises on libuv's thread pool, so the bot keeps answering other chats meanwhile. */
export async function renderChartAsync(spec: ChartSpec): Promise<Buffer> {
  const svg = chartSvg(spec);
  const image = await renderAsync(svg, resvgOptions(spec));
  return image.asPng();
}
