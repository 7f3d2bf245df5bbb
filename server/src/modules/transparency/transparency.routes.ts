import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  bundleQuerySchema,
  checkpointsQuerySchema,
  checkpointsSchema,
  consistencyProofSchema,
  consistencyQuerySchema,
  inclusionProofSchema,
  inclusionQuerySchema,
  logEntriesQuerySchema,
  logEntriesSchema,
  logKeysSchema,
  logStatsSchema,
  proofBundleSchema,
} from "../../../../common/transparency.ts";
import type { Db } from "../../platform/db/database.ts";
import { notFound } from "../../platform/http/app-error.ts";
import { errorResponses } from "../../platform/http/error-schema.ts";
import { countEntriesByDay, findLatestCheckpoint, listCheckpoints, listKeys } from "./transparency.repository.ts";
import { proofBundle } from "./use-cases/bundles.ts";
import { proveConsistency, proveInclusion } from "./use-cases/proofs.ts";
import { logSize, readLogEntries } from "./use-cases/read-log.ts";

const PUBLIC = { kind: "public" } as const;
const tags = ["transparency log"];
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** The log is public: anyone may read every entry and check every proof. */
export const transparencyRoutes: FastifyPluginAsyncZod<{ db: Db; origin: string }> = async (app, { db, origin }) => {
  app.get(
    "/log/checkpoint",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "The latest signed checkpoint: a C2SP signed note (origin, size, root), as text",
        response: { 200: z.string(), ...errorResponses(404) },
      },
    },
    async (_request, reply) => {
      const latest = await findLatestCheckpoint(db);
      if (!latest) throw notFound("checkpoint");
      return reply.type("text/plain; charset=utf-8").header("cache-control", "no-cache").send(latest.note);
    },
  );

  app.get(
    "/log/checkpoints",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "Every signed checkpoint larger than `after`, smallest first, 1,000 at a time",
        querystring: checkpointsQuerySchema,
        response: { 200: checkpointsSchema, ...errorResponses(400) },
      },
    },
    async (request) => ({
      checkpoints: (await listCheckpoints(db, request.query.after, 1000)).map((row) => row.note),
    }),
  );

  app.get(
    "/log/keys",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "The keys that sign (and signed) checkpoints, as C2SP verifier keys",
        response: { 200: logKeysSchema },
      },
    },
    async () => ({
      origin,
      keys: (await listKeys(db)).map((key) => ({
        verifierKey: key.verifier_key,
        name: key.name,
        active: key.retired_at === null,
        createdAt: key.created_at.toISOString(),
        retiredAt: key.retired_at?.toISOString() ?? null,
      })),
    }),
  );

  app.get(
    "/log/entries",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "Entries [from, to) of the log, at most 1,000, exactly as hashed",
        querystring: logEntriesQuerySchema,
        response: { 200: logEntriesSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const entries = await readLogEntries(db, request.query.from, request.query.to);
      return {
        size: await logSize(db),
        entries: entries.map(({ index, kind, json }) => ({ index, kind, entry: json })),
      };
    },
  );

  app.get(
    "/log/bundle",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "A self-contained proof bundle for one entry: the entry, its audit path and a signed checkpoint",
        querystring: bundleQuerySchema,
        response: { 200: proofBundleSchema, ...errorResponses(400, 409) },
      },
    },
    async (request) => proofBundle(db, request.query.index),
  );

  app.get(
    "/log/stats",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "The log's size and its entries per kind and day",
        response: { 200: logStatsSchema },
      },
    },
    async () => ({ size: await logSize(db), byDay: await countEntriesByDay(db) }),
  );

  app.get(
    "/log/proofs/inclusion",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "Audit path of an entry in the tree of a given size (RFC 9162 §2.1.3), with that tree's root",
        querystring: inclusionQuerySchema,
        response: { 200: inclusionProofSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const proved = await proveInclusion(db, request.query.index, request.query.size);
      return { ...proved, root: base64(proved.root), proof: proved.proof.map(base64) };
    },
  );

  app.get(
    "/log/proofs/consistency",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "Proof that the tree of `from` entries is a prefix of the tree of `to` (RFC 9162 §2.1.4)",
        querystring: consistencyQuerySchema,
        response: { 200: consistencyProofSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const proved = await proveConsistency(db, request.query.from, request.query.to);
      return {
        ...proved,
        oldRoot: base64(proved.oldRoot),
        newRoot: base64(proved.newRoot),
        proof: proved.proof.map(base64),
      };
    },
  );
};
