import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import multipart from "@fastify/multipart";
import Fastify from "fastify";
import { sql } from "kysely";
import { createOrganization, createReaderKeysIfMissing, grantRole } from "../server/src/modules/identity/index.ts";
import { loadConfig } from "../server/src/platform/config/config.ts";
import { openMigratedDatabase } from "../server/src/platform/db/open.ts";
import { startServer } from "../server/test/process/harness.ts";
import type { MeasureContext, Measurement } from "./harness.ts";
import { listenOnLoopback } from "./http.ts";
import { percentile } from "./latency.ts";
import { benchSubmission } from "./reports-fixture.ts";
import { photoOfSize } from "./reports-photo.ts";

/**
 * An open-loop burst: reports posted at a fixed rate, each on its own schedule whatever the server
 * answers (fetch opens as many connections as needed), to the real server in a child process.
 */

export interface BurstSettings {
  /** Reports per second (BENCH_BURST_RATE, default 50). */
  rate: number;
  /** Seconds of the burst (BENCH_BURST_SECONDS, default 10: 500 reports at 50/s). */
  seconds: number;
}

export function loadBurstSettings(prefix: string, env: NodeJS.ProcessEnv = process.env): BurstSettings {
  const read = (name: string, fallback: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || value > max) {
      throw new Error(`${name} must be a number above 0 and at most ${max} (got ${JSON.stringify(raw)}).`);
    }
    return value;
  };
  return { rate: read(`${prefix}_RATE`, 50, 2000), seconds: read(`${prefix}_SECONDS`, 10, 600) };
}

/** What each report is posted as. */
export type BurstBody = "json" | "multipart";

const REQUEST_TIMEOUT_MS = 180_000;

interface Outcome {
  scheduledAt: number;
  sentAt: number;
  doneAt: number;
  status: number | "error";
  receipt: string | undefined;
  error?: string;
}

function requestFor(kind: BurstBody, organizationId: string, photo: Uint8Array | undefined): () => RequestInit {
  const submission = JSON.stringify(benchSubmission(organizationId));
  if (kind === "json") {
    return () => ({ method: "POST", headers: { "content-type": "application/json" }, body: submission });
  }
  const file = new Blob([new Uint8Array(photo ?? [])], { type: "image/jpeg" });
  return () => {
    const form = new FormData();
    form.append("report", submission);
    form.append("attachments", file, "IMG_2041.jpg");
    return { method: "POST", body: form };
  };
}

async function postOne(url: string, init: RequestInit, scheduledAt: number): Promise<Outcome> {
  const sentAt = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    let receipt: string | undefined;
    try {
      receipt = (JSON.parse(text) as { receipt?: string }).receipt;
    } catch {
      receipt = undefined;
    }
    return { scheduledAt, sentAt, doneAt: performance.now(), status: response.status, receipt };
  } catch (error) {
    return {
      scheduledAt,
      sentAt,
      doneAt: performance.now(),
      status: "error",
      receipt: undefined,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Posts `rate × seconds` requests, request i at start + i/rate, and waits for every answer. */
async function paced(url: string, settings: BurstSettings, init: () => RequestInit): Promise<Outcome[]> {
  const total = Math.round(settings.rate * settings.seconds);
  const interval = 1000 / settings.rate;
  const start = performance.now() + 20;
  const pending: Promise<Outcome>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduledAt = start + i * interval;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(postOne(url, init(), scheduledAt));
  }
  return Promise.all(pending);
}

function summarize(
  label: string,
  outcomes: Outcome[],
  settings: BurstSettings,
  stored: number | undefined,
  extraDetails: string[],
): Measurement {
  const ok = outcomes.filter((o) => o.status === 201 || o.status === 200);
  const failed = outcomes.length - ok.length;
  const first = Math.min(...outcomes.map((o) => o.scheduledAt));
  const lastDone = Math.max(...outcomes.map((o) => o.doneAt));
  const lastSent = Math.max(...outcomes.map((o) => o.sentAt));
  const latencies = ok.map((o) => o.doneAt - o.scheduledAt).sort((a, b) => a - b);
  const sendLag = outcomes.map((o) => o.sentAt - o.scheduledAt).sort((a, b) => a - b);
  const receipts = new Set(ok.map((o) => o.receipt));
  const wellFormed = ok.filter((o) => /^\d{25}$/.test((o.receipt ?? "").replace(/\D/g, ""))).length;
  const statuses = new Map<string, number>();
  for (const o of outcomes) statuses.set(String(o.status), (statuses.get(String(o.status)) ?? 0) + 1);
  const lost = stored === undefined ? 0 : outcomes.length - stored;
  const errors = [...new Set(outcomes.filter((o) => o.error).map((o) => o.error))].slice(0, 3);
  return {
    label,
    metrics: [
      { name: "achieved rate", unit: "reports/s", value: ok.length / ((lastDone - first) / 1000), better: "higher" },
      { name: "latency p50", unit: "ms", value: percentile(latencies, 50), better: "lower" },
      { name: "latency p95", unit: "ms", value: percentile(latencies, 95), better: "lower" },
      { name: "latency p99", unit: "ms", value: percentile(latencies, 99), better: "lower" },
      { name: "latency max", unit: "ms", value: latencies[latencies.length - 1] ?? 0, better: "lower" },
      { name: "non-2xx or failed", unit: "requests", value: failed, better: "lower" },
      { name: "lost (answered but not stored)", unit: "reports", value: lost, better: "lower" },
    ],
    details: [
      ...extraDetails,
      `${outcomes.length} posted at ${settings.rate}/s for ${settings.seconds} s (sending took ${((lastSent - first) / 1000).toFixed(2)} s, ` +
        `send lag p99 ${percentile(sendLag, 99).toFixed(1)} ms, max ${(sendLag[sendLag.length - 1] ?? 0).toFixed(1)} ms); ` +
        `last answer ${((lastDone - first) / 1000).toFixed(2)} s after the first was due`,
      `statuses: ${[...statuses].map(([status, count]) => `${status} × ${count}`).join(", ")}; ` +
        `${receipts.size} distinct receipts, ${wellFormed} of 25 digits` +
        (stored === undefined ? "" : `; ${stored} new rows in reports`) +
        (errors.length > 0 ? `; errors: ${errors.join(" | ")}` : ""),
      "latency is from when each request was due (not when it was sent), so a late sender cannot hide a slow server",
    ],
    problems:
      ok.length > 0 && receipts.size !== ok.length && stored !== undefined
        ? [`${ok.length} answers 2xx but only ${receipts.size} distinct receipts`]
        : [],
  };
}

/**
 * Baseline: a bare Fastify route in this process that reads the same request (JSON, or the
 * multipart form with its file) and answers 201 with a random receipt, posted at the same rate.
 */
export async function measureBareBurst(
  context: MeasureContext,
  kind: BurstBody,
  settings: BurstSettings,
): Promise<Measurement> {
  const app = Fastify({ bodyLimit: 12 * 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024 } });
  app.post("/reports", async (request, reply) => {
    if (request.isMultipart()) {
      for await (const part of request.parts()) if (part.type === "file") await part.toBuffer();
    }
    const receipt = Array.from({ length: 25 }, () => Math.floor(Math.random() * 10)).join("");
    return reply.code(201).send({ receipt, attachments: [] });
  });
  context.defer("close the bare Fastify app", () => app.close());
  const base = await listenOnLoopback(app);
  const photo = kind === "multipart" ? photoOfSize() : undefined;
  const init = requestFor(kind, "00000000-0000-4000-8000-000000000000", photo);
  if (context.settings.warmupSeconds > 0) {
    await paced(`${base}/reports`, { rate: settings.rate, seconds: context.settings.warmupSeconds }, init);
  }
  context.progress(`posting ${settings.rate}/s for ${settings.seconds} s`);
  const outcomes = await paced(`${base}/reports`, settings, init);
  return summarize(`bare Fastify POST /reports in this process, ${kindLabel(kind)}`, outcomes, settings, undefined, []);
}

function kindLabel(kind: BurstBody): string {
  return kind === "json" ? "JSON report" : "multipart report + 1 MiB JPEG";
}

/**
 * Subject: `guildhall serve` in a child process on a database with a union whose officer holds a
 * reader key (embedded PGlite in a temporary folder, or DATABASE_URL), rate limits raised; the
 * reports are posted from this process and counted in the database afterwards.
 */
export async function measureGuildhallBurst(
  context: MeasureContext,
  kind: BurstBody,
  settings: BurstSettings,
): Promise<Measurement> {
  const started = performance.now();
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "guildhall-bench-"));
  context.defer(`remove ${tmpDir}`, () => rm(tmpDir, { recursive: true, force: true }));
  const databaseUrl = process.env.DATABASE_URL;
  const env: Record<string, string> = {
    GUILDHALL_DATA_DIR: tmpDir,
    GUILDHALL_SEED_DEMO: "false",
    GUILDHALL_RATE_LIMIT_PER_MINUTE: "100000000",
    GUILDHALL_LOG_LEVEL: "warn",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const config = loadConfig(env);
  context.progress(databaseUrl ? "migrating the PostgreSQL database at DATABASE_URL" : "creating an embedded database");
  let database = await openMigratedDatabase(config);
  let open = true;
  context.defer("close the database", () => (open ? database.close() : undefined));
  const union = await createOrganization(database.db, { name: "Bench Burst Union", kind: "union", country: "ES" });
  const { userId } = await grantRole(database.db, union.id, {
    email: `bench.burst.officer.${union.id}@bench.guildhall.test`,
    displayName: "Bench burst officer",
    role: "officer",
    password: "bench password",
  });
  await createReaderKeysIfMissing(database.db, userId, "bench password");
  if (database.engine === "postgres") {
    context.defer("delete the bench burst union, its officer and reports", async () => {
      const { db } = database;
      await db.deleteFrom("report_events").where("organization_id", "=", union.id).execute();
      await db.deleteFrom("reports").where("organization_id", "=", union.id).execute();
      await db.deleteFrom("users").where("id", "=", userId).execute();
      await db.deleteFrom("organizations").where("id", "=", union.id).execute();
    });
  } else {
    // The embedded database belongs to one process: the server's, while it runs.
    await database.close();
    open = false;
  }

  context.progress("starting guildhall serve");
  const server = await startServer(tmpDir, env);
  context.defer("stop the guildhall server", () => server.kill("SIGKILL"));
  await server.waitFor("/api/ready", 120_000);
  const url = `${server.baseUrl}/api/v1/reports${kind === "multipart" ? "/with-files" : ""}`;
  const init = requestFor(kind, union.id, kind === "multipart" ? photoOfSize() : undefined);
  const preflight = await fetch(url, init());
  const preflightBody = await preflight.text();
  if (preflight.status !== 201) {
    throw new Error(
      `preflight: POST ${url} answered ${preflight.status}, not 201; not measuring. ${preflightBody.slice(0, 300)}`,
    );
  }
  let warmedUp = 1;
  if (context.settings.warmupSeconds > 0) {
    context.progress(`warming up at ${settings.rate}/s for ${context.settings.warmupSeconds} s`);
    const warmup = await paced(url, { rate: settings.rate, seconds: context.settings.warmupSeconds }, init);
    warmedUp += warmup.length;
  }
  const setupSeconds = (performance.now() - started) / 1000;
  context.progress(`posting ${settings.rate}/s for ${settings.seconds} s`);
  const outcomes = await paced(url, settings, init);

  // Count what was stored: stop the server first on the embedded database (its folder is the server's).
  const exit = await server.kill("SIGTERM");
  if (database.engine === "pglite") {
    database = await openMigratedDatabase(loadConfig({ ...env, GUILDHALL_LOG_LEVEL: "silent" }));
    open = true;
  }
  const { count } = await database.db
    .selectFrom("reports")
    .select(sql<string>`count(*)`.as("count"))
    .where("organization_id", "=", union.id)
    .executeTakeFirstOrThrow();
  const stored = Number(count) - warmedUp;
  return summarize(
    `guildhall serve (child process), POST ${url.replace(server.baseUrl, "")}, ${kindLabel(kind)} (${database.engine === "postgres" ? "PostgreSQL via DATABASE_URL" : "embedded PGlite"})`,
    outcomes,
    settings,
    stored,
    [
      `setup ${setupSeconds.toFixed(1)} s (database, union with 1 officer holding a reader key, server start, ${warmedUp} warm-up reports); ` +
        `server stopped with SIGTERM: ${exit.code ?? exit.signal}`,
    ],
  );
}
