import os from "node:os";

/**
 * A tiny benchmark harness. Each benchmark measures a baseline and a subject in the same process
 * run, and the harness prints both with the ratio subject/baseline. Benchmarks report; they only
 * fail the process when run with `--strict` (see run.ts).
 */

/** One number of a measurement. The first metric of a measurement is its primary one. */
export interface Metric {
  name: string;
  unit: string;
  value: number;
  /** Which way is good; a ratio above 1 is better for "higher" and worse for "lower". */
  better: "higher" | "lower";
}

export interface Measurement {
  /** What was measured, in a few words. */
  label: string;
  /** metrics[0] is the primary metric: the target's ratio is computed on it. */
  metrics: Metric[];
  /** Extra lines worth reading next to the numbers (response counts, setup time). */
  details: string[];
  /** Anything that makes the numbers untrustworthy (error responses, socket errors). */
  problems: string[];
  /**
   * Optional per-item numbers (for example the median latency of each query of a mix). When both
   * sides have one with the same title, they are printed side by side with their ratio.
   */
  breakdown?: Breakdown;
}

export interface Breakdown {
  title: string;
  unit: string;
  better: "higher" | "lower";
  rows: Array<{ name: string; value: number }>;
}

/** The primary metric's subject/baseline ratio must be at least / at most this. */
export type RatioTarget = { atLeast: number } | { atMost: number };

/**
 * A target on any metric, by name: on its ratio subject/baseline (`of: "ratio"`), or on the
 * subject's own value in the metric's unit (`of: "subject"`, e.g. "p95 at most 50 ms").
 */
export type MetricTarget = { metric: string; of: "ratio" | "subject" } & RatioTarget;

export interface MeasureContext {
  settings: BenchSettings;
  /** Registers a cleanup; cleanups run in reverse order when the measurement ends, fails or times out. */
  defer(what: string, cleanup: () => unknown): void;
  /** A progress line on stderr. */
  progress(line: string): void;
}

export interface SetupContext extends MeasureContext {
  /**
   * A fixture shared by every benchmark of this process run that asks for the same key (for
   * example a large database that takes minutes to load): created by the first one, reused by
   * the others. Its cleanups (registered with the context `create` gets) run when the run ends,
   * or on Ctrl-C. A failed creation is remembered and fails the later benchmarks too.
   */
  shared<T>(key: string, create: (context: MeasureContext) => Promise<T>): Promise<T>;
}

export interface Benchmark<Fixture = unknown> {
  name: string;
  title: string;
  notes?: string[];
  /** On the primary metric's ratio subject/baseline. */
  target?: RatioTarget;
  /** Further targets on named metrics; the benchmark meets its targets when it meets all of them. */
  targets?: MetricTarget[];
  /**
   * Seconds `setup` (and each side's own set-up) may take, when more than BENCH_SETUP_TIMEOUT_SECONDS:
   * for benchmarks that load large data sets.
   */
  setupTimeoutSeconds?: number;
  /**
   * Optional preparation shared by both sides, run once before the baseline (a loaded database,
   * checks that both sides give the same answers). Cleanups registered here run after the subject.
   */
  setup?(context: SetupContext): Promise<Fixture>;
  baseline(context: MeasureContext, fixture: Fixture): Promise<Measurement>;
  subject(context: MeasureContext, fixture: Fixture): Promise<Measurement>;
}

/** Identity function that gives a benchmark file its types. */
export function defineBenchmark<Fixture = unknown>(benchmark: Benchmark<Fixture>): Benchmark<Fixture> {
  return benchmark;
}

export function isBenchmark(value: unknown): value is Benchmark {
  const candidate = value as Partial<Benchmark> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.name === "string" &&
    typeof candidate.baseline === "function" &&
    typeof candidate.subject === "function"
  );
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface BenchSettings {
  /** Measured seconds per measurement (BENCH_SECONDS, default 5). */
  seconds: number;
  /** Unmeasured seconds before each measurement (BENCH_WARMUP_SECONDS, default 1; 0 turns it off). */
  warmupSeconds: number;
  /** Concurrent HTTP connections (BENCH_CONNECTIONS, default 50). */
  connections: number;
  /** Load-generator worker threads (BENCH_WORKERS, default 0: the load generator runs on the main thread). */
  workers: number;
  /** Budget for a measurement's setup before it is abandoned (BENCH_SETUP_TIMEOUT_SECONDS, default 120). */
  setupTimeoutSeconds: number;
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    seconds: readNumber(env, "BENCH_SECONDS", 5, { min: 1, max: 600, integer: true }),
    warmupSeconds: readNumber(env, "BENCH_WARMUP_SECONDS", 1, { min: 0, max: 60, integer: true }),
    connections: readNumber(env, "BENCH_CONNECTIONS", 50, { min: 1, max: 10_000, integer: true }),
    workers: readNumber(env, "BENCH_WORKERS", 0, { min: 0, max: 64, integer: true }),
    setupTimeoutSeconds: readNumber(env, "BENCH_SETUP_TIMEOUT_SECONDS", 120, { min: 1, max: 3600, integer: true }),
  };
}

function readNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  limits: { min: number; max: number; integer: boolean },
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (
    !Number.isFinite(value) ||
    value < limits.min ||
    value > limits.max ||
    (limits.integer && !Number.isInteger(value))
  ) {
    throw new Error(`${name} must be a whole number from ${limits.min} to ${limits.max} (got ${JSON.stringify(raw)}).`);
  }
  return value;
}

export function describeSettings(settings: BenchSettings): string {
  const warmup = settings.warmupSeconds > 0 ? ` (+${settings.warmupSeconds} s warm-up)` : "";
  const generator =
    settings.workers > 0 ? `${settings.workers} worker thread(s)` : "main thread, same process as the servers";
  return [
    `node ${process.version}, ${os.platform()} ${os.arch()}, ${os.availableParallelism()} CPUs`,
    `${settings.seconds} s per measurement${warmup}, ${settings.connections} connections, pipelining 1, loopback 127.0.0.1`,
    `load generator: autocannon on the ${generator}`,
  ].join("; ");
}

/**
 * Other processes on the box (test runs, browsers) take CPU from both sides of the measurement;
 * the load average at start and end says how much to trust a run.
 */
export function describeMachineLoad(): string {
  const [one, five] = os.loadavg();
  const cpus = os.availableParallelism();
  const busy =
    (one ?? 0) > cpus * 0.5 ? ` -- BUSY: other processes compete for the ${cpus} CPUs, expect low, noisy numbers` : "";
  return `load average ${one?.toFixed(2)} (1 min), ${five?.toFixed(2)} (5 min)${busy}`;
}

// ---------------------------------------------------------------------------------------------
// Running

export type Verdict = "met" | "not met" | "no target" | "invalid" | "crashed";

export interface BenchmarkResult {
  name: string;
  title: string;
  notes: string[];
  target: RatioTarget | undefined;
  targets: MetricTarget[];
  baseline: Measurement | undefined;
  subject: Measurement | undefined;
  /** subject/baseline of the primary metric. */
  ratio: number | undefined;
  verdict: Verdict;
  error: Error | undefined;
  cleanupErrors: Error[];
}

/**
 * Runs the benchmark's setup (if any), then the baseline, then the subject, each with its own
 * cleanups and time limit; the setup's cleanups run last.
 */
export async function runBenchmark(benchmark: Benchmark, settings: BenchSettings): Promise<BenchmarkResult> {
  const result: BenchmarkResult = {
    name: benchmark.name,
    title: benchmark.title,
    notes: benchmark.notes ?? [],
    target: benchmark.target,
    targets: benchmark.targets ?? [],
    baseline: undefined,
    subject: undefined,
    ratio: undefined,
    verdict: "crashed",
    error: undefined,
    cleanupErrors: [],
  };
  const setupScope = new Scope();
  activeScopes.add(setupScope);
  try {
    let fixture: unknown;
    if (benchmark.setup) {
      const setup = benchmark.setup;
      const context: SetupContext = {
        ...contextFor(benchmark, "setup", settings, setupScope),
        shared: (key, create) => sharedFixture(key, create, settings),
      };
      fixture = await withTimeLimit("setup", setupLimitSeconds(benchmark, settings), () => setup(context));
    }
    result.baseline = await measure(benchmark, "baseline", settings, result.cleanupErrors, fixture);
    result.subject = await measure(benchmark, "subject", settings, result.cleanupErrors, fixture);
  } catch (error) {
    result.error = error instanceof Error ? error : new Error(String(error));
    return result;
  } finally {
    result.cleanupErrors.push(...(await setupScope.close()));
    activeScopes.delete(setupScope);
  }
  result.ratio = ratioOf(result.baseline.metrics[0], result.subject.metrics[0]);
  const outcomes = targetOutcomes(result);
  if (result.baseline.problems.length > 0 || result.subject.problems.length > 0) result.verdict = "invalid";
  else if (outcomes.length === 0) result.verdict = "no target";
  else result.verdict = outcomes.every((outcome) => outcome.met) ? "met" : "not met";
  return result;
}

const activeScopes = new Set<Scope>();

/** Runs the cleanups of whatever is being measured, then those of the shared fixtures (for Ctrl-C). */
export async function cleanUpActiveMeasurements(): Promise<Error[]> {
  const errors: Error[] = [];
  for (const scope of [...activeScopes]) errors.push(...(await scope.close()));
  errors.push(...(await closeSharedFixtures()));
  return errors;
}

let sharedScope: Scope | undefined;
const sharedFixtures = new Map<string, Promise<unknown>>();

function sharedFixture<T>(
  key: string,
  create: (context: MeasureContext) => Promise<T>,
  settings: BenchSettings,
): Promise<T> {
  let fixture = sharedFixtures.get(key) as Promise<T> | undefined;
  if (!fixture) {
    sharedScope ??= new Scope();
    const scope = sharedScope;
    fixture = create({
      settings,
      defer: (what, cleanup) => scope.defer(what, cleanup),
      progress: (line) => process.stderr.write(`  [${key}] ${line}\n`),
    });
    sharedFixtures.set(key, fixture);
  }
  return fixture;
}

/** Runs the cleanups of every shared fixture (at the end of a run); later requests create them anew. */
export async function closeSharedFixtures(): Promise<Error[]> {
  const scope = sharedScope;
  sharedScope = undefined;
  sharedFixtures.clear();
  return scope ? scope.close() : [];
}

function contextFor(benchmark: Benchmark, step: string, settings: BenchSettings, scope: Scope): MeasureContext {
  return {
    settings,
    defer: (what, cleanup) => scope.defer(what, cleanup),
    progress: (line) => process.stderr.write(`  [${benchmark.name} ${step}] ${line}\n`),
  };
}

function setupLimitSeconds(benchmark: Benchmark, settings: BenchSettings): number {
  return Math.max(settings.setupTimeoutSeconds, benchmark.setupTimeoutSeconds ?? 0);
}

async function measure(
  benchmark: Benchmark,
  side: "baseline" | "subject",
  settings: BenchSettings,
  cleanupErrors: Error[],
  fixture: unknown,
): Promise<Measurement> {
  const scope = new Scope();
  activeScopes.add(scope);
  const context = contextFor(benchmark, side, settings, scope);
  const limitSeconds = setupLimitSeconds(benchmark, settings) + settings.warmupSeconds + settings.seconds + 30;
  try {
    return await withTimeLimit(side, limitSeconds, () => benchmark[side](context, fixture));
  } finally {
    cleanupErrors.push(...(await scope.close()));
    activeScopes.delete(scope);
  }
}

async function withTimeLimit<T>(step: string, limitSeconds: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${step} did not finish within ${limitSeconds} s; abandoned.`)),
      limitSeconds * 1000,
    );
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Cleanups run last-registered first; one failing does not stop the others. */
class Scope {
  private readonly cleanups: Array<{ what: string; cleanup: () => unknown }> = [];
  private closing: Promise<Error[]> | undefined;

  defer(what: string, cleanup: () => unknown): void {
    this.cleanups.push({ what, cleanup });
    // Registered after a timeout closed the scope: run it now rather than never.
    if (this.closing) void this.closing.then(() => this.runAll());
  }

  close(): Promise<Error[]> {
    this.closing ??= this.runAll();
    return this.closing;
  }

  private async runAll(): Promise<Error[]> {
    const errors: Error[] = [];
    for (let next = this.cleanups.pop(); next; next = this.cleanups.pop()) {
      try {
        await next.cleanup();
      } catch (error) {
        errors.push(new Error(`cleanup "${next.what}" failed: ${error instanceof Error ? error.message : error}`));
      }
    }
    return errors;
  }
}

function ratioOf(baseline: Metric | undefined, subject: Metric | undefined): number | undefined {
  if (!baseline || !subject || baseline.value === 0) return undefined;
  return subject.value / baseline.value;
}

function meetsBound(value: number | undefined, bound: RatioTarget): boolean {
  if (value === undefined || !Number.isFinite(value)) return false;
  return "atLeast" in bound ? value >= bound.atLeast : value <= bound.atMost;
}

export function describeTarget(target: RatioTarget): string {
  return "atLeast" in target ? `ratio >= ${target.atLeast}` : `ratio <= ${target.atMost}`;
}

interface TargetOutcome {
  /** "ratio <= 2 (latency p95 in ms, subject/baseline)" */
  description: string;
  value: number | undefined;
  formatted: string;
  met: boolean;
}

/** Every target of a result (the primary ratio target first) with the value it is judged on. */
function targetOutcomes(result: BenchmarkResult): TargetOutcome[] {
  const { baseline, subject } = result;
  const outcomes: TargetOutcome[] = [];
  if (result.target) {
    const primary = baseline?.metrics[0];
    const on = primary ? ` (${primary.name} in ${primary.unit}, subject/baseline)` : "";
    const ratio = ratioOf(primary, subject?.metrics[0]);
    outcomes.push({
      description: `${describeTarget(result.target)}${on}`,
      value: ratio,
      formatted: formatRatio(ratio),
      met: meetsBound(ratio, result.target),
    });
  }
  for (const target of result.targets) {
    const find = (m: Measurement | undefined) => m?.metrics.find((metric) => metric.name === target.metric);
    const bound = "atLeast" in target ? `>= ${target.atLeast}` : `<= ${target.atMost}`;
    if (target.of === "ratio") {
      const metric = find(baseline);
      const ratio = ratioOf(metric, find(subject));
      outcomes.push({
        description: `ratio ${bound} (${target.metric}${metric ? ` in ${metric.unit}` : ""}, subject/baseline)`,
        value: ratio,
        formatted: formatRatio(ratio),
        met: meetsBound(ratio, target),
      });
    } else {
      const metric = find(subject);
      outcomes.push({
        description: `${target.metric} ${bound}${metric ? ` ${metric.unit}` : ""} (subject)`,
        value: metric?.value,
        formatted: metric ? `${formatValue(metric.value)} ${metric.unit}` : "n/a",
        met: meetsBound(metric?.value, target),
      });
    }
  }
  return outcomes;
}

// ---------------------------------------------------------------------------------------------
// Printing

export function formatResult(result: BenchmarkResult): string {
  const lines = [`== ${result.name}: ${result.title}`];
  const { baseline, subject } = result;
  if (baseline) lines.push(`   baseline: ${baseline.label}`);
  if (subject) lines.push(`   subject:  ${subject.label}`);
  if (baseline && subject) {
    lines.push("", ...indent(table(baseline, subject)), "");
    if (baseline.breakdown && subject.breakdown && baseline.breakdown.title === subject.breakdown.title) {
      lines.push(...indent(breakdownTable(baseline.breakdown, subject.breakdown)), "");
    }
    for (const [side, measurement] of [
      ["baseline", baseline],
      ["subject", subject],
    ] as const) {
      for (const detail of measurement.details) lines.push(`   ${side}: ${detail}`);
    }
    for (const [side, measurement] of [
      ["baseline", baseline],
      ["subject", subject],
    ] as const) {
      for (const problem of measurement.problems) lines.push(`   !! ${side} INVALID: ${problem}`);
    }
  }
  const judged = result.verdict === "met" || result.verdict === "not met";
  for (const outcome of targetOutcomes(result)) {
    const verdict = judged
      ? `${outcome.met ? "MET" : "NOT MET"} at ${outcome.formatted}`
      : `NOT MET (${result.verdict})`;
    lines.push(`   target: ${outcome.description}: ${verdict}`);
  }
  for (const note of result.notes) lines.push(`   note: ${note}`);
  if (result.error) lines.push(`   !! CRASHED: ${result.error.stack ?? result.error.message}`);
  for (const error of result.cleanupErrors) lines.push(`   !! ${error.message}`);
  return lines.join("\n");
}

function table(baseline: Measurement, subject: Measurement): string[] {
  const rows: string[][] = [["metric", "unit", "baseline", "subject", "subject/baseline", "better"]];
  for (const metric of baseline.metrics) {
    const other = subject.metrics.find((m) => m.name === metric.name && m.unit === metric.unit);
    rows.push([
      metric.name,
      metric.unit,
      formatValue(metric.value),
      other ? formatValue(other.value) : "-",
      formatRatio(ratioOf(metric, other)),
      metric.better,
    ]);
  }
  return alignColumns(rows, [0, 1, 5]);
}

/** Pads the cells of each column to one width: text columns to the left, numbers to the right. */
function alignColumns(rows: string[][], textColumns: number[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) =>
        textColumns.includes(column) ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd(),
  );
}

/** Per-item numbers of both sides, side by side: the rows of the baseline, in its order. */
function breakdownTable(baseline: Breakdown, subject: Breakdown): string[] {
  const rows: string[][] = [[baseline.title, "unit", "baseline", "subject", "subject/baseline"]];
  for (const row of baseline.rows) {
    const other = subject.rows.find((r) => r.name === row.name);
    const ratio = other && row.value !== 0 ? other.value / row.value : undefined;
    rows.push([
      row.name,
      baseline.unit,
      formatValue(row.value),
      other ? formatValue(other.value) : "-",
      formatRatio(ratio),
    ]);
  }
  return alignColumns(rows, [0, 1]);
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `   ${line}`);
}

export function formatValue(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return "n/a";
  return ratio.toFixed(ratio < 1 ? 3 : 2);
}
