import { defineBenchmark } from "./harness.ts";
import { loadBurstSettings, measureBareBurst, measureGuildhallBurst } from "./reports-burst.ts";

const settings = loadBurstSettings("BENCH_BURST_FILES");

/** The burst of reports-burst, each report with a 1 MiB photo through the multipart route. */
export default defineBenchmark({
  name: "reports-burst-files",
  title: `a burst of ${settings.rate} reports/s for ${settings.seconds} s, each with a 1 MiB JPEG, to POST /api/v1/reports/with-files`,
  targets: [
    { metric: "achieved rate", of: "subject", atLeast: settings.rate * 0.95 },
    { metric: "non-2xx or failed", of: "subject", atMost: 0 },
    { metric: "lost (answered but not stored)", of: "subject", atMost: 0 },
  ],
  notes: [
    "as reports-burst, but multipart: field `report` holds the JSON, field `attachments` the 1 MiB photo of " +
      "reports-photo.ts (EXIF/GPS, XMP, IPTC and a comment, removed by the server before it encrypts the photo). " +
      "The baseline's bare route reads the whole form, file included. " +
      "BENCH_BURST_FILES_RATE / BENCH_BURST_FILES_SECONDS change the burst (defaults 50 and 10).",
  ],
  setupTimeoutSeconds: 300,
  baseline: (context) => measureBareBurst(context, "multipart", settings),
  subject: (context) => measureGuildhallBurst(context, "multipart", settings),
});
