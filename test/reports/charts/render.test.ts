// Rendering: every edge case gives a real PNG at least 1080 px wide, and the picture shows the data (a bar
// for twice the calls is about twice as long), so a blank or broken image fails.
import { writeFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { lostSpec } from "../../../src/reports/charts/lost-spec.js";
import { OUTCOME_COLOURS } from "../../../src/reports/charts/palette.js";
import { progressSpecs, type ProgressRow } from "../../../src/reports/charts/progress-spec.js";
import { FONT_FILES, chartSvg, renderChart, renderChartAsync } from "../../../src/reports/charts/render.js";
import type { ChartSpec } from "../../../src/reports/charts/spec.js";
import { isPng, pngSize } from "./png.js";

const labels = { reached: "дозвонились", noAnswer: "не отвечают", callBack: "перезвонить", lost: "потеряны", notCalled: "не звонили" };
const row = (name: string, r: Partial<ProgressRow> = {}): ProgressRow => ({ name, reached: 0, noAnswer: 0, callBack: 0, lost: 0, notCalled: 0, ...r });
const progress = (rows: ProgressRow[]) => progressSpecs({ title: "Мария — расстались плохо", subtitle: "обзвон по менеджерам", rows, labels, pageLabel: (p, n) => `${p} из ${n}`, emptyText: "Звонков пока нет" });

function expectPicture(spec: ChartSpec, name: string) {
  const png = renderChart(spec);
  expect(isPng(png)).toBe(true);
  expect(pngSize(png)).toEqual({ width: spec.width, height: spec.height });
  expect(pngSize(png).width).toBeGreaterThanOrEqual(1080);
  if (process.env.CHARTS_OUT) writeFileSync(`${process.env.CHARTS_OUT}/${name}.png`, png);
}

/** Per pixel row: from the first to the last `hex` pixel (a bar's length, with its number drawn inside). */
function runsOf(spec: ChartSpec, hex: string): number[] {
  const image = new Resvg(chartSvg(spec), { font: { fontFiles: FONT_FILES, loadSystemFonts: false }, background: "#FFFFFF" }).render();
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const px = image.pixels; // a getter that copies: read it once
  const runs: number[] = [];
  for (let y = 0; y < image.height; y++) {
    let first = -1;
    let last = -1;
    for (let x = 0; x < image.width; x++) {
      const p = (y * image.width + x) * 4;
      if (Math.abs(px[p]! - r!) < 8 && Math.abs(px[p + 1]! - g!) < 8 && Math.abs(px[p + 2]! - b!) < 8) {
        if (first < 0) first = x;
        last = x;
      }
    }
    runs.push(first < 0 ? 0 : last - first + 1);
  }
  return runs;
}

describe("rendered charts", () => {
  it("draws a bar for twice the calls about twice as long", () => {
    const [spec] = progress([row("Борис", { reached: 10 }), row("Вера", { reached: 20 })]);
    const runs = runsOf(spec!, OUTCOME_COLOURS.reached).filter((n) => n > 50);
    const short = Math.min(...runs);
    const long = Math.max(...runs);
    expect(short).toBeGreaterThan(100);
    expect(long / short).toBeGreaterThan(1.9);
    expect(long / short).toBeLessThan(2.1);
  });

  it("renders the edge cases: no calls yet, one manager, 60 managers (pages), very long names, all lost", () => {
    expectPicture(progress([row("Борис", { notCalled: 0 })])[0]!, "edge-no-calls");
    expectPicture(progress([row("Борис", { reached: 3, notCalled: 5 })])[0]!, "edge-one-manager");
    const sixty = progress(Array.from({ length: 60 }, (_, i) => row(`Менеджер ${i + 1}`, { reached: i % 7, noAnswer: i % 3, callBack: i % 2, lost: i % 4, notCalled: 10 - (i % 5) })));
    expect(sixty).toHaveLength(2);
    sixty.forEach((s, i) => expectPicture(s, `edge-sixty-${i + 1}`));
    expectPicture(progress([row("Константин Константинович Константинопольский-Длинноимённый", { reached: 2, lost: 1 }), row("Вера", { notCalled: 4 })])[0]!, "edge-long-names");
    expectPicture(progress([row("Борис", { lost: 3 }), row("Вера", { lost: 2 })])[0]!, "edge-all-lost");
    expectPicture(lostSpec({ title: "Мария: почему теряем клиентов", subtitle: "потеряно 5 из 5", counts: { went_with_leaver: 5 }, labels: { went_with_leaver: "уходит вслед за прежним менеджером", competitor: "ушёл к конкуренту", no_need: "мы больше не нужны", other: "другая причина" }, emptyText: "нет" }), "edge-all-lost-reasons");
  });

  it("renders off the calling thread to the same picture", async () => {
    const [spec] = progress([row("Борис", { reached: 1 })]);
    expect((await renderChartAsync(spec!)).equals(renderChart(spec!))).toBe(true);
  });
});
