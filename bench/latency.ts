import type { Breakdown, MeasureContext, Measurement } from "./harness.ts";

/** One call of a mix: a name for the breakdown, and the work, awaited one call at a time. */
export interface Call {
  name: string;
  run: () => Promise<unknown>;
}

export interface CallMix {
  /** What is being measured, in a few words. */
  label: string;
  /** One round calls each of these once, in order. */
  calls: Call[];
  /** Measured rounds at least, even when they take longer than BENCH_SECONDS (default 3). */
  minRounds?: number;
  /** Title of the per-call breakdown (median latency of each call); none when absent. */
  breakdownTitle?: string;
  /** Extra lines for the report. */
  details?: string[];
}

/**
 * Latency of in-process calls, one at a time (no HTTP, no concurrency): warm-up rounds for
 * BENCH_WARMUP_SECONDS (at least one round unless it is 0), then whole rounds of the mix until
 * BENCH_SECONDS have passed and at least `minRounds` rounds ran. Whole rounds keep every call of
 * the mix equally represented, so two sides measured on the same mix have comparable percentiles.
 * A call that throws stops the measurement: failures are never measured.
 */
export async function measureCalls(context: MeasureContext, mix: CallMix): Promise<Measurement> {
  const { settings } = context;
  if (mix.calls.length === 0) throw new Error(`${mix.label}: no calls to measure`);
  if (settings.warmupSeconds > 0) {
    context.progress(`warming up for ${settings.warmupSeconds} s (whole rounds of ${mix.calls.length} calls)`);
    const until = performance.now() + settings.warmupSeconds * 1000;
    do {
      for (const call of mix.calls) await call.run();
    } while (performance.now() < until);
  }

  context.progress(`measuring for ${settings.seconds} s`);
  const minRounds = mix.minRounds ?? 3;
  const perCall = new Map<string, number[]>(mix.calls.map((call) => [call.name, []]));
  const all: number[] = [];
  const started = performance.now();
  const until = started + settings.seconds * 1000;
  let rounds = 0;
  let lastProgress = started;
  while (rounds < minRounds || performance.now() < until) {
    for (const call of mix.calls) {
      const start = performance.now();
      await call.run();
      const elapsed = performance.now() - start;
      all.push(elapsed);
      perCall.get(call.name)?.push(elapsed);
    }
    rounds++;
    if (performance.now() - lastProgress > 10_000) {
      lastProgress = performance.now();
      context.progress(`${rounds} round(s), ${all.length} calls so far`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...all].sort((a, b) => a - b);
  const mean = all.reduce((sum, value) => sum + value, 0) / all.length;

  const breakdown: Breakdown | undefined = mix.breakdownTitle
    ? {
        title: mix.breakdownTitle,
        unit: "ms",
        better: "lower",
        rows: mix.calls.map((call) => ({
          name: call.name,
          value: percentile(
            [...(perCall.get(call.name) ?? [])].sort((a, b) => a - b),
            50,
          ),
        })),
      }
    : undefined;
  return {
    label: mix.label,
    metrics: [
      { name: "latency p50", unit: "ms", value: percentile(sorted, 50), better: "lower" },
      { name: "latency p95", unit: "ms", value: percentile(sorted, 95), better: "lower" },
      { name: "latency max", unit: "ms", value: sorted[sorted.length - 1] ?? 0, better: "lower" },
      { name: "latency mean", unit: "ms", value: mean, better: "lower" },
      { name: "calls/s (one at a time)", unit: "calls/s", value: all.length / seconds, better: "higher" },
    ],
    details: [
      ...(mix.details ?? []),
      `${all.length.toLocaleString("en-US")} calls in ${rounds} round(s) of ${mix.calls.length} in ${seconds.toFixed(1)} s; ` +
        `latency p99 ${percentile(sorted, 99).toFixed(2)} ms, min ${(sorted[0] ?? 0).toFixed(2)} ms`,
    ],
    problems: [],
    ...(breakdown ? { breakdown } : {}),
  };
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** For long calls (a full export, an import): the median and slowest call, in seconds. */
export function inSeconds(measurement: Measurement, what: string): Measurement {
  const pick = (name: string, as: string) => {
    const metric = measurement.metrics.find((m) => m.name === name);
    return metric ? [{ ...metric, name: as, unit: "s", value: metric.value / 1000 }] : [];
  };
  return {
    ...measurement,
    metrics: [
      ...pick("latency p50", `time per ${what} (median)`),
      ...pick("latency max", `time per ${what} (slowest)`),
    ],
  };
}
