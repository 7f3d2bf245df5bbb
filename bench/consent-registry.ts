import Fastify, { type FastifyInstance } from "fastify";
import { sql } from "kysely";
import { buildApp } from "../server/src/app.ts";
import { createOrganization, grantRole, issueApiKey } from "../server/src/modules/identity/index.ts";
import { createSecretBox, loadSecretBoxKey } from "../server/src/platform/crypto/secret-box.ts";
import { openBenchDatabase } from "./database.ts";
import type { MeasureContext, SetupContext } from "./harness.ts";
import { listenOnLoopback } from "./http.ts";
import { prng } from "./log-fixture.ts";

export interface ConsentRegistryFixture {
  app: FastifyInstance;
  base: string;
  apiKey: string;
  /** Check items naming registered assets (by SHA-256, id or fingerprint) and unknown ones, seeded. */
  items: object[];
  details: string[];
}

const ASSETS = Number(process.env.BENCH_CONSENT_ASSETS ?? 1_000_000);
const GRANTS = Math.min(10_000, ASSETS);
const CHUNK = 200_000;
const SCOPE = {
  useTypes: ["training", "inference"],
  generative: true,
  project: null,
  media: ["any"],
  territories: ["WORLD"],
  from: "2026-01-01",
  to: "2030-12-31",
};

/** A registry of BENCH_CONSENT_ASSETS (1,000,000) works, 10,000 of them granted to the bench's requester; built once per run. */
export function sharedConsentRegistry(context: SetupContext): Promise<ConsentRegistryFixture> {
  return context.shared(`consent-registry ${ASSETS}`, (shared) => openRegistry(shared));
}

async function openRegistry(context: MeasureContext): Promise<ConsentRegistryFixture> {
  const { config, database } = await openBenchDatabase(context, { GUILDHALL_RATE_LIMIT_PER_MINUTE: "100000000" });
  if (database.engine === "postgres")
    throw new Error("The consent benchmarks need the embedded database (unset DATABASE_URL).");
  const { db } = database;
  const union = await createOrganization(db, { name: "Bench Union", kind: "union", country: "FR" });
  const member = await grantRole(db, union.id, {
    email: "member@bench.test",
    displayName: "Bench member",
    role: "member",
    password: "correct horse battery staple",
  });
  const studio = await createOrganization(db, { name: "Bench Studio", kind: "ai_developer", country: "FR" });
  const producer = await grantRole(db, studio.id, {
    email: "producer@bench.test",
    displayName: "Bench producer",
    role: "developer",
    password: "correct horse battery staple",
  });
  const key = await issueApiKey(db, studio.id, "bench", null);

  const started = performance.now();
  for (let from = 1; from <= ASSETS; from += CHUNK) {
    const to = Math.min(ASSETS, from + CHUNK - 1);
    await sql`
      INSERT INTO consent_assets (organization_id, member_id, kind, work_kind, title, sha256, fingerprint,
        permitted_uses, registered_by, created_at)
      SELECT ${union.id}::uuid, ${member.userId}::uuid, 'work', 'image', 'Work ' || i,
        encode(sha256(convert_to('work ' || i, 'UTF8')), 'hex'), substr(md5('fingerprint ' || i), 1, 16),
        CASE WHEN i % 10 = 0 THEN ARRAY['inference'] ELSE ARRAY[]::text[] END, ${member.userId}::uuid, now()
      FROM generate_series(${from}::int, ${to}::int) AS i`.execute(db);
    context.progress(`assets ${to.toLocaleString("en-US")} / ${ASSETS.toLocaleString("en-US")}`);
  }
  await sql`
    INSERT INTO consent_requests (organization_id, asset_id, requester_id, requested_by, scope, terms, starts_at,
      requested_at, status)
    SELECT organization_id, id, ${studio.id}::uuid, ${producer.userId}::uuid, ${JSON.stringify(SCOPE)}::jsonb,
      '{"fee":null,"royaltyPercent":1,"credit":null}'::jsonb, now(), now(), 'ConsentGiven'
    FROM consent_assets ORDER BY id LIMIT ${GRANTS}`.execute(db);
  await sql`
    INSERT INTO consent_grants (organization_id, request_id, asset_id, requester_id, scope, terms, status, granted_at, changed_at)
    SELECT organization_id, id, asset_id, requester_id, scope, terms, 'ConsentGiven', now(), now() FROM consent_requests`.execute(
    db,
  );
  const loaded = (performance.now() - started) / 1000;

  context.progress("building the app (the decision index is built from the database)");
  const secretBox = await createSecretBox(await loadSecretBoxKey(config.dataDir, undefined));
  const builtAt = performance.now();
  const memoryBefore = process.memoryUsage().heapUsed;
  const app = await buildApp({ config, db, secretBox, listen: database.listen });
  await app.ready();
  const buildSeconds = (performance.now() - builtAt) / 1000;
  const heapMiB = (process.memoryUsage().heapUsed - memoryBefore) / 2 ** 20;
  context.defer("close the Guildhall app", () => app.close());
  const base = await listenOnLoopback(app);

  const granted = await db.selectFrom("consent_grants").select("asset_id").limit(500).execute();
  const sampled = await sql<{ id: string; sha256: string; fingerprint: string }>`
    SELECT id, sha256, fingerprint FROM consent_assets TABLESAMPLE SYSTEM (1) LIMIT 1500`.execute(db);
  const random = prng(6);
  const item = (asset: object, useType = "training") => ({
    asset,
    useType,
    generative: true,
    territory: "FR",
    date: "2027-06-01",
    medium: "film",
  });
  const items = [
    ...granted.map((g) => item({ assetId: g.asset_id })),
    ...sampled.rows.slice(0, 700).map((a) => item({ sha256: a.sha256 }, random() < 0.5 ? "training" : "inference")),
    ...sampled.rows.slice(700, 900).map((a) => item({ fingerprint: a.fingerprint })),
    ...Array.from({ length: 200 }, (_, i) => item({ sha256: `${i.toString(16).padStart(4, "0")}${"e".repeat(60)}` })),
  ].sort(() => random() - 0.5);
  return {
    app,
    base,
    apiKey: key.secret,
    items,
    details: [
      `${ASSETS.toLocaleString("en-US")} assets and ${GRANTS.toLocaleString("en-US")} grants loaded by SQL in ${loaded.toFixed(1)} s; ` +
        `app built in ${buildSeconds.toFixed(1)} s, its decision index from the database (heap grew ${heapMiB.toFixed(0)} MiB, ` +
        "garbage not collected: the rows read are in it too)",
      `items: ${items.length} seeded, mixed: ${granted.length} granted assets by id, 700 by SHA-256 (policy or no consent), ` +
        "200 by fingerprint, 200 unknown SHA-256",
    ],
  };
}

/** The baseline of both consent benchmarks: Fastify parsing the same body and answering a constant. */
export async function bareCheckRoute(context: MeasureContext): Promise<string> {
  const app = Fastify({ bodyLimit: 8 * 1024 * 1024 });
  app.post("/check", async () => ({ answers: [{ permitted: false }] }));
  context.defer("close the bare Fastify app", () => app.close());
  return `${await listenOnLoopback(app)}/check`;
}
