import { followUpReport, submitReport } from "../server/src/modules/reports/index.ts";
import { deriveReceiptSecrets, normalizeReceipt } from "../server/src/platform/crypto/receipts.ts";
import { getSodium } from "../server/src/platform/crypto/sodium.ts";
import { defineBenchmark } from "./harness.ts";
import { measureCalls } from "./latency.ts";
import { engineLabel, openReportsFixture, type ReportsFixture } from "./reports-fixture.ts";

/** Follow-up sign-ins with a receipt at the chosen Argon2id cost, against one Argon2id run alone. */
export default defineBenchmark<ReportsFixture & { receipts: string[] }>({
  name: "reports-follow-up",
  title: "follow-ups with a receipt vs one Argon2id run of the receipt",
  notes: [
    "in-process calls, one at a time: followUpReport(db, receipt) finds the report by the receipt's lookup value, " +
      "opens its key and decrypts content and messages; the baseline is deriveReceiptSecrets alone (one Argon2id at the receipt cost, " +
      "2 passes over 19 MiB). The ratio says how much a follow-up costs beyond the Argon2id run; calls/s says how " +
      "many follow-ups one core serves.",
  ],

  async setup(context) {
    const fixture = await openReportsFixture(context);
    const receipts: string[] = [];
    for (let index = 0; index < 20; index++) {
      receipts.push((await submitReport(fixture.db, fixture.submission, new Date())).receipt);
    }
    return { ...fixture, receipts };
  },

  async baseline(context, fixture) {
    const salt = (await getSodium()).randombytes_buf(16);
    let n = 0;
    return measureCalls(context, {
      label: "deriveReceiptSecrets: one Argon2id run (2 passes, 19 MiB)",
      calls: [
        {
          name: "argon2id",
          run: () => deriveReceiptSecrets(normalizeReceipt(fixture.receipts[n++ % 20] as string) as string, salt),
        },
      ],
    });
  },

  async subject(context, fixture) {
    let n = 0;
    return measureCalls(context, {
      label: `followUpReport with a receipt (${engineLabel(fixture)})`,
      calls: [{ name: "follow-up", run: () => followUpReport(fixture.db, fixture.receipts[n++ % 20] as string) }],
    });
  },
});
