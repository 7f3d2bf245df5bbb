import { describe, expect, it } from "vitest";
import {
  closeSharedFixtures,
  defineBenchmark,
  formatResult,
  loadSettings,
  type Measurement,
  runBenchmark,
} from "./harness.ts";
import { measureCalls, percentile } from "./latency.ts";

const settings = { ...loadSettings({}), seconds: 1, warmupSeconds: 0 };

const latency = (label: string, p95: number): Measurement => ({
  label,
  metrics: [
    { name: "latency p50", unit: "ms", value: p95 / 2, better: "lower" },
    { name: "latency p95", unit: "ms", value: p95, better: "lower" },
  ],
  details: [],
  problems: [],
  breakdown: { title: "median per query", unit: "ms", better: "lower", rows: [{ name: "q=a", value: p95 / 2 }] },
});

describe("[BENCH] harness", () => {
  it("shares a setup between both sides, and a shared fixture between benchmarks until the run ends", async () => {
    const events: string[] = [];
    let created = 0;
    const benchmark = (name: string) =>
      defineBenchmark<number>({
        name,
        title: "fixture",
        async setup(context) {
          const shared = await context.shared("library", async (sharedContext) => {
            created++;
            sharedContext.defer("drop library", () => events.push("drop library"));
            return 40;
          });
          context.defer("setup cleanup", () => events.push(`${name} setup cleanup`));
          return shared + 2;
        },
        async baseline(_context, fixture) {
          events.push(`${name} baseline ${fixture}`);
          return latency("b", 10);
        },
        async subject(_context, fixture) {
          events.push(`${name} subject ${fixture}`);
          return latency("s", 12);
        },
      });
    await runBenchmark(benchmark("one"), settings);
    await runBenchmark(benchmark("two"), settings);
    expect(await closeSharedFixtures()).toEqual([]);
    expect(created).toBe(1);
    expect(events).toEqual([
      "one baseline 42",
      "one subject 42",
      "one setup cleanup",
      "two baseline 42",
      "two subject 42",
      "two setup cleanup",
      "drop library",
    ]);
  });

  it("judges targets on a subject's own value and on ratios of named metrics", async () => {
    const run = (subjectP95: number) =>
      runBenchmark(
        defineBenchmark({
          name: "targets",
          title: "targets",
          targets: [
            { metric: "latency p95", of: "subject", atMost: 50 },
            { metric: "latency p95", of: "ratio", atMost: 2 },
          ],
          baseline: async () => latency("b", 20),
          subject: async () => latency("s", subjectP95),
        }),
        settings,
      );
    const met = await run(30);
    expect(met.verdict).toBe("met");
    const printed = formatResult(met);
    expect(printed).toContain("target: latency p95 <= 50 ms (subject): MET at 30 ms");
    expect(printed).toContain("target: ratio <= 2 (latency p95 in ms, subject/baseline): MET at 1.50");
    expect(printed).toMatch(/median per query\s+unit\s+baseline\s+subject\s+subject\/baseline/);
    const missed = await run(45);
    expect(missed.verdict).toBe("not met");
    expect(formatResult(missed)).toContain("ratio <= 2 (latency p95 in ms, subject/baseline): NOT MET at 2.25");
  });

  it("measures whole rounds of in-process calls", async () => {
    const calls: string[] = [];
    const measurement = await measureCalls(
      { settings: { ...settings, seconds: 0.05 }, defer: () => {}, progress: () => {} },
      {
        label: "two calls",
        calls: [
          { name: "a", run: async () => calls.push("a") },
          { name: "b", run: async () => calls.push("b") },
        ],
        minRounds: 2,
        breakdownTitle: "median",
      },
    );
    expect(calls.length % 2).toBe(0);
    expect(calls.slice(0, 4)).toEqual(["a", "b", "a", "b"]);
    expect(measurement.metrics.map((m) => m.name)).toContain("latency p95");
    expect(measurement.breakdown?.rows.map((r) => r.name)).toEqual(["a", "b"]);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });
});
