import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type BenchmarkResult,
  cleanUpActiveMeasurements,
  closeSharedFixtures,
  describeMachineLoad,
  describeSettings,
  formatResult,
  isBenchmark,
  loadSettings,
  runBenchmark,
} from "./harness.ts";

/**
 * npm run bench [-- [--strict] [name ...]]
 *
 * Runs every bench/*.bench.ts (or the ones named) one after the other and prints their results.
 * Exits 0 unless a benchmark crashed, or --strict is given and a target was missed or a
 * measurement was invalid.
 */

const USAGE = `usage: npm run bench -- [--strict] [name ...]

  name       a benchmark to run (authenticated-read, or bench/authenticated-read.bench.ts); all when none
  --strict   exit 1 when a target is not met or a measurement is invalid

environment: BENCH_SECONDS (5), BENCH_WARMUP_SECONDS (1), BENCH_CONNECTIONS (50), BENCH_WORKERS (0),
             BENCH_SETUP_TIMEOUT_SECONDS (120), DATABASE_URL (subject on PostgreSQL instead of PGlite),
             BENCH_AGREEMENTS (10000), BENCH_CLAUSES_PER_AGREEMENT (50), BENCH_SEED (agreements-* benchmarks),
             BENCH_QUEUE_CASES (100000), BENCH_BURST_RATE (50), BENCH_BURST_SECONDS (10),
             BENCH_BURST_FILES_RATE (50), BENCH_BURST_FILES_SECONDS (10) (reports-* benchmarks)`;

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SUFFIX = ".bench.ts";

async function main(argv: string[]): Promise<number> {
  const strict = argv.includes("--strict");
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const unknownFlag = argv.find((arg) => arg.startsWith("-") && arg !== "--strict");
  if (unknownFlag) {
    console.error(`Unknown option ${unknownFlag}.\n\n${USAGE}`);
    return 2;
  }

  const available = (await readdir(BENCH_DIR)).filter((file) => file.endsWith(SUFFIX)).sort();
  const wanted = argv
    .filter((arg) => !arg.startsWith("-"))
    .map((arg) => path.basename(arg).replace(/\.bench\.ts$/, ""));
  const missing = wanted.filter((name) => !available.includes(`${name}${SUFFIX}`));
  if (missing.length > 0) {
    console.error(
      `No benchmark named ${missing.join(", ")}. Available: ${available.map((f) => f.slice(0, -SUFFIX.length)).join(", ")}`,
    );
    return 2;
  }
  const files = wanted.length > 0 ? wanted.map((name) => `${name}${SUFFIX}`) : available;

  const settings = loadSettings();
  console.log(`guildhall bench: ${describeSettings(settings)}`);
  console.log(`machine before: ${describeMachineLoad()}`);
  console.log("ratio = subject/baseline; for req/s higher is better, for latency lower is better.\n");

  const results: BenchmarkResult[] = [];
  for (const file of files) {
    const name = file.slice(0, -SUFFIX.length);
    process.stderr.write(`running ${name}\n`);
    let result: BenchmarkResult;
    try {
      const module = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as { default?: unknown };
      if (!isBenchmark(module.default)) throw new Error(`${file} does not default-export a defineBenchmark(...)`);
      result = await runBenchmark(module.default, settings);
    } catch (error) {
      result = crashed(name, error);
    }
    results.push(result);
    console.log(`${formatResult(result)}\n`);
  }

  // Fixtures shared between benchmarks (a loaded database) live until every benchmark has run.
  const sharedCleanupErrors = await closeSharedFixtures();
  for (const error of sharedCleanupErrors) console.log(`!! shared fixture: ${error.message}`);

  console.log(`machine after: ${describeMachineLoad()}`);
  const count = (verdict: BenchmarkResult["verdict"]) => results.filter((r) => r.verdict === verdict).length;
  const cleanupFailures =
    results.filter((r) => r.cleanupErrors.length > 0).length + (sharedCleanupErrors.length > 0 ? 1 : 0);
  console.log(
    `summary: ${results.length} benchmark(s): ${count("met")} met, ${count("not met")} not met, ` +
      `${count("no target")} without target, ${count("invalid")} invalid, ${count("crashed")} crashed` +
      (cleanupFailures > 0 ? `, ${cleanupFailures} with failed cleanup` : "") +
      (strict ? " (strict)" : ""),
  );
  if (count("crashed") > 0 || cleanupFailures > 0) return 1;
  if (strict && count("not met") + count("invalid") > 0) return 1;
  return 0;
}

function crashed(name: string, error: unknown): BenchmarkResult {
  return {
    name,
    title: "could not be loaded",
    notes: [],
    target: undefined,
    targets: [],
    baseline: undefined,
    subject: undefined,
    ratio: undefined,
    verdict: "crashed",
    error: error instanceof Error ? error : new Error(String(error)),
    cleanupErrors: [],
  };
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: cleaning up\n`);
    const code = signal === "SIGINT" ? 130 : 143;
    setTimeout(() => process.exit(code), 10_000).unref();
    void cleanUpActiveMeasurements()
      .then((errors) => {
        for (const error of errors) process.stderr.write(`!! ${error.message}\n`);
      })
      .finally(() => process.exit(code));
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Everything should be closed by now; if a handle keeps the process alive, say so and stop anyway.
    setTimeout(() => {
      process.stderr.write("bench: something was still open 5 s after the last benchmark; exiting anyway.\n");
      process.exit(code);
    }, 5_000).unref();
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
