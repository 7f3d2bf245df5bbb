import { defineBenchmark } from "./harness.ts";
import { loadBurstSettings, measureBareBurst, measureGuildhallBurst } from "./reports-burst.ts";

const settings = loadBurstSettings("BENCH_BURST");

/** The issue: "The intake must hold a burst of 50 reports a second on this machine without losing one." */
export default defineBenchmark({
  name: "reports-burst",
  title: `a burst of ${settings.rate} reports/s for ${settings.seconds} s to POST /api/v1/reports (JSON), none lost`,
  targets: [
    { metric: "achieved rate", of: "subject", atLeast: settings.rate * 0.95 },
    { metric: "non-2xx or failed", of: "subject", atMost: 0 },
    { metric: "lost (answered but not stored)", of: "subject", atMost: 0 },
  ],
  notes: [
    "open loop: report i is posted at start + i/rate from this process with fetch, whatever the server answers; " +
      "the subject is `guildhall serve` in a child process (rate limit raised to 100,000,000/min, log level warn), " +
      "on a fresh embedded PGlite or DATABASE_URL, filing to a union whose officer holds a reader key. " +
      "Afterwards the server is stopped and the union's rows in reports are counted: lost = posted - stored.",
    "achieved rate = 2xx answers / (last answer - first due time): it falls below the posted rate when the server " +
      "falls behind. Held means >= 95 % of the rate, every answer 201 with a distinct receipt, no report lost. " +
      "BENCH_BURST_RATE / BENCH_BURST_SECONDS change the burst (defaults 50 and 10: 500 reports).",
  ],
  setupTimeoutSeconds: 300,
  baseline: (context) => measureBareBurst(context, "json", settings),
  subject: (context) => measureGuildhallBurst(context, "json", settings),
});
