import Fastify from "fastify";
import { buildApp } from "../server/src/app.ts";
import { createOrganization, issueApiKey } from "../server/src/modules/identity/index.ts";
import { createSecretBox, loadSecretBoxKey } from "../server/src/platform/crypto/secret-box.ts";
import { openBenchDatabase } from "./database.ts";
import { defineBenchmark } from "./harness.ts";
import { listenOnLoopback, measureGet } from "./http.ts";

/**
 * Throughput of an authenticated API read (an API key reading its organization) against a bare
 * Fastify route on the same machine. The ratio says how much of raw Fastify the real request path
 * keeps: helmet, rate limiting, identity resolution (API key lookup), access checks, Zod
 * validation and serialization, and the database.
 */
export default defineBenchmark({
  name: "authenticated-read",
  title: "requests/second of an authenticated API read vs a bare Fastify route",
  target: { atLeast: 0.05 },
  notes: [
    "the embedded database (PGlite) runs one query at a time inside the server process " +
      "(stack notes: ~1,200 req/s for a lookup route vs ~22,000 req/s bare, so a ratio near 0.05): " +
      "the target is informational for now; set DATABASE_URL to measure on PostgreSQL instead.",
    "the load generator shares the 2 CPUs with the server: numbers are lower bounds and vary 10-30 % between runs.",
  ],

  async baseline(context) {
    const app = Fastify();
    app.get("/hello", async () => ({ hello: "world" }));
    context.defer("close the bare Fastify app", () => app.close());
    const base = await listenOnLoopback(app);
    return measureGet(context, {
      label: "bare Fastify() GET /hello -> {hello: world}",
      url: `${base}/hello`,
      checkBody: (body) => ((body as { hello?: unknown }).hello === "world" ? undefined : "expected {hello: world}"),
    });
  },

  async subject(context) {
    const started = performance.now();
    const { config, database } = await openBenchDatabase(context, { GUILDHALL_RATE_LIMIT_PER_MINUTE: "100000000" });
    const secretBox = await createSecretBox(await loadSecretBoxKey(config.dataDir, undefined));
    const app = await buildApp({ config, db: database.db, secretBox });
    context.defer("close the Guildhall app", () => app.close());

    const organization = await createOrganization(database.db, { name: "Bench Union", kind: "union", country: "DE" });
    if (database.engine === "postgres") {
      // A shared database: leave nothing behind (the API key goes with it, ON DELETE CASCADE).
      context.defer("delete the bench organization", () =>
        database.db.deleteFrom("organizations").where("id", "=", organization.id).execute(),
      );
    }
    const key = await issueApiKey(database.db, organization.id, "bench", null);
    const base = await listenOnLoopback(app);
    const setupSeconds = (performance.now() - started) / 1000;

    return measureGet(context, {
      label: `Guildhall GET /api/v1/organizations/:orgId with an API key (${database.engine === "postgres" ? "PostgreSQL via DATABASE_URL" : "embedded PGlite"})`,
      url: `${base}/api/v1/organizations/${organization.id}`,
      headers: { authorization: `Bearer ${key.secret}` },
      checkBody: (body) =>
        (body as { id?: unknown }).id === organization.id ? undefined : `expected organization ${organization.id}`,
      details: [
        `setup ${setupSeconds.toFixed(1)} s (database${database.engine === "pglite" ? " creation" : ""}, migrations, app build)`,
      ],
    });
  },
});
