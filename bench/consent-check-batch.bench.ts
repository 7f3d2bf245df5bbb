import { bareCheckRoute, sharedConsentRegistry } from "./consent-registry.ts";
import { defineBenchmark, type Measurement } from "./harness.ts";
import { measureGet } from "./http.ts";

const BATCH = 1000;

/** Batches of 1,000 items: items per second of the permission API against a bare route given the same bodies. */
export default defineBenchmark({
  name: "consent-check-batch",
  title: `POST /api/v1/consent/check, ${BATCH.toLocaleString("en-US")} items per call, 1 M registered assets, vs a bare Fastify POST route`,
  setupTimeoutSeconds: 1800,
  notes: [
    "subject: as consent-check, with one body of 1,000 mixed items (about 150 KB); the first metric is items per second.",
    "baseline: Fastify() parsing the same body and answering a constant; no target (issue 6 asks for the numbers).",
  ],
  setup: (context) => sharedConsentRegistry(context),

  async baseline(context, fixture) {
    const url = await bareCheckRoute(context);
    return perItem(
      await measureGet(context, {
        label: `bare Fastify() POST /check with ${BATCH} items -> constant`,
        url,
        postJson: body(fixture.items),
      }),
    );
  },

  async subject(context, fixture) {
    return perItem(
      await measureGet(context, {
        label: `Guildhall POST /api/v1/consent/check, ${BATCH} items, API key (embedded PGlite)`,
        url: `${fixture.base}/api/v1/consent/check`,
        headers: { authorization: `Bearer ${fixture.apiKey}` },
        postJson: body(fixture.items),
        checkBody: (answer) =>
          (answer as { answers?: unknown[] }).answers?.length === BATCH ? undefined : `${BATCH} answers expected`,
        details: fixture.details,
      }),
    );
  },
});

function body(items: object[]): string {
  return JSON.stringify({ items: Array.from({ length: BATCH }, (_, i) => items[i % items.length]) });
}

function perItem(measured: Measurement): Measurement {
  const [throughput, ...rest] = measured.metrics;
  if (!throughput) return measured;
  return {
    ...measured,
    metrics: [
      { name: "items/s", unit: "items/s", value: throughput.value * BATCH, better: "higher" },
      { ...throughput, name: "calls/s" },
      ...rest,
    ],
  };
}
