import { bareCheckRoute, sharedConsentRegistry } from "./consent-registry.ts";
import { defineBenchmark } from "./harness.ts";
import { measureGet } from "./http.ts";

const BODIES = 200;

/** One item per call: the permission API against a bare Fastify route that answers a constant. */
export default defineBenchmark({
  name: "consent-check",
  title: "POST /api/v1/consent/check, one item per call, 1 M registered assets, vs a bare Fastify POST route",
  target: { atLeast: 0.5 },
  setupTimeoutSeconds: 1800,
  notes: [
    "subject: the whole request path (rate limit, API key from memory, access check, zod validation of the body " +
      "and the answer, the in-memory decision index); each connection sends 200 different one-item bodies in turn.",
    "baseline: Fastify() with one POST route answering a constant { answers: [{ permitted: false }] } to the same bodies.",
    "target (issue 6): at least 50 % of the bare route's requests per second.",
  ],
  setup: (context) => sharedConsentRegistry(context),

  async baseline(context, fixture) {
    const url = await bareCheckRoute(context);
    return measureGet(context, {
      label: "bare Fastify() POST /check -> constant",
      url,
      postJson: bodies(fixture.items),
      checkBody: (body) =>
        (body as { answers?: unknown[] }).answers?.length === 1 ? undefined : "one answer expected",
    });
  },

  async subject(context, fixture) {
    return measureGet(context, {
      label: "Guildhall POST /api/v1/consent/check, 1 item, API key (embedded PGlite)",
      url: `${fixture.base}/api/v1/consent/check`,
      headers: { authorization: `Bearer ${fixture.apiKey}` },
      postJson: bodies(fixture.items),
      checkBody: (body) =>
        typeof (body as { answers?: { permitted?: unknown }[] }).answers?.[0]?.permitted === "boolean"
          ? undefined
          : "an answer expected",
      details: fixture.details,
    });
  },
});

function bodies(items: object[]): string[] {
  return items.slice(0, BODIES).map((item) => JSON.stringify({ items: [item] }));
}
