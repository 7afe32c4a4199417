// charts.render_ms: one progress chart for 30 managers, spec → SVG (ECharts SSR) → PNG (resvg), the
// median of 15 rounds after 3 warm-up rounds (the first render loads the fonts). Target < 300 ms.
import { progressSpecs, type ProgressRow } from "../src/reports/charts/progress-spec.js";
import { renderChart } from "../src/reports/charts/render.js";
import { round, timeMs, type BenchResult } from "./lib.js";

const MANAGERS = 30;

export async function run(): Promise<BenchResult[]> {
  const rows: ProgressRow[] = Array.from({ length: MANAGERS }, (_, i) => ({
    name: `Менеджер Константинов ${i + 1}`,
    reached: (i * 7) % 23,
    noAnswer: (i * 3) % 9,
    callBack: i % 4,
    lost: (i * 5) % 6,
    notCalled: 40 - ((i * 11) % 30),
  }));
  const spec = () =>
    progressSpecs({
      title: "Мария Иванова — расстались плохо",
      subtitle: "обзвон по менеджерам: сделано 612 из 1 500 · срок 30.11",
      rows,
      labels: { reached: "дозвонились", noAnswer: "не отвечают", callBack: "перезвонить", lost: "потеряны", notCalled: "не звонили" },
      pageLabel: (p, n) => `${p} из ${n}`,
      emptyText: "Звонков пока нет",
    })[0]!;
  for (let i = 0; i < 3; i++) renderChart(spec());
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 15; i++) {
    const before = process.cpuUsage();
    times.push(await timeMs(() => renderChart(spec())));
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return [
    { name: "charts.render_ms", value: round(median(times), 1), unit: "ms" },
    // The same renders in CPU time: steadier than wall time on a shared machine.
    { name: "charts.render_cpu_ms", value: round(median(cpu), 1), unit: "ms" },
  ];
}
