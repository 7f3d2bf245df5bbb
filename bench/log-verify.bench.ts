import { hash } from "node:crypto";
import canonicalize from "canonicalize";
import { type LogSource, verifyLog } from "../server/src/platform/transparency/verify-log.ts";
import { defineBenchmark, type Measurement } from "./harness.ts";
import { measureCalls } from "./latency.ts";
import { reportStatusEvent } from "./log-fixture.ts";

const ENTRIES = readCount("BENCH_VERIFY_ENTRIES", 1_000_000, 1000, 20_000_000);
const PAGE = 1000;

interface VerifyFixture {
  /** Every entry's bytes, back to back, and where each starts (offsets[n] = total length). */
  bytes: Buffer;
  offsets: Uint32Array;
}

/**
 * Full verification of a log (verifyLog: every entry rehashed, the tree's right edge kept, the root
 * compared at each checkpoint) against raw SHA-256 over the same entry bytes with the same one-shot
 * primitive, both in seconds per million entries.
 */
export default defineBenchmark<VerifyFixture>({
  name: "log-verify",
  title: `full verification of a log of ${ENTRIES.toLocaleString("en-US")} entries vs SHA-256 of each entry`,
  target: { atMost: 3 },
  notes: [
    `entries: canonical JSON of report.status events (with "at"), as appendToLog writes them, held in memory ` +
      `(BENCH_VERIFY_ENTRIES, default 1,000,000).`,
    `subject: verifyLog over an in-memory LogSource (pages of ${PAGE}, subarrays of one buffer, no database, no ` +
      "checkpoints): each entry's leaf hash, the right edge of the tree (TreeFrontier.append), the final root.",
    "baseline: crypto.hash('sha256', entry, 'binary') once per entry, over the same bytes: the fastest form in " +
      "Node 20 (a Buffer digest costs about twice as much), and the one merkle.ts uses.",
    "time per million entries from the median of whole verifications; target: ratio <= 3 (the issue).",
  ],
  setupTimeoutSeconds: 600,

  async setup(context) {
    const at = new Date("2026-11-23T12:00:00Z").toISOString();
    const encoder = new TextEncoder();
    const parts: Uint8Array[] = [];
    const offsets = new Uint32Array(ENTRIES + 1);
    let total = 0;
    for (let i = 0; i < ENTRIES; i++) {
      const entry = encoder.encode(canonicalize({ ...reportStatusEvent(i), at }));
      parts.push(entry);
      offsets[i] = total;
      total += entry.length;
    }
    offsets[ENTRIES] = total;
    context.progress(`${ENTRIES.toLocaleString("en-US")} entries, ${(total / 2 ** 20).toFixed(0)} MiB`);
    return { bytes: Buffer.concat(parts, total), offsets };
  },

  async baseline(context, fixture) {
    const { bytes, offsets } = fixture;
    const measured = await measureCalls(context, {
      label: `SHA-256 of each of ${ENTRIES.toLocaleString("en-US")} entries (node:crypto hash)`,
      calls: [
        {
          name: "hash all",
          run: async () => {
            let check = 0;
            for (let i = 0; i < ENTRIES; i++) {
              const digest = hash("sha256", bytes.subarray(offsets[i], offsets[i + 1]), "binary");
              check ^= digest.charCodeAt(0);
            }
            return check;
          },
        },
      ],
    });
    return perMillion(measured);
  },

  async subject(context, fixture) {
    const { bytes, offsets } = fixture;
    const source: LogSource = {
      size: async () => ENTRIES,
      entries: async (from, to) => {
        const page: { index: number; entry: Uint8Array }[] = [];
        for (let i = from; i < to; i++) page.push({ index: i, entry: bytes.subarray(offsets[i], offsets[i + 1]) });
        return page;
      },
      checkpoints: async () => [],
    };
    const measured = await measureCalls(context, {
      label: `verifyLog over an in-memory LogSource of ${ENTRIES.toLocaleString("en-US")} entries`,
      calls: [{ name: "verify", run: () => verifyLog(source, { origin: "bench", keys: [], pageSize: PAGE }) }],
    });
    return perMillion(measured);
  },
});

/** Whole-run latencies → seconds per million entries and entries per second. */
function perMillion(measured: Measurement): Measurement {
  const value = (name: string) => measured.metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
  const median = value("latency p50");
  return {
    ...measured,
    metrics: [
      { name: "time per million entries (median)", unit: "s", value: median / 1000 / (ENTRIES / 1e6), better: "lower" },
      { name: "entries/s", unit: "entries/s", value: ENTRIES / (median / 1000), better: "higher" },
      { name: "slowest run", unit: "s", value: value("latency max") / 1000, better: "lower" },
    ],
  };
}

function readCount(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)}).`);
  }
  return value;
}
