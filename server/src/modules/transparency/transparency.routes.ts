import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  consistencyProofSchema,
  consistencyQuerySchema,
  inclusionProofSchema,
  inclusionQuerySchema,
  logEntriesQuerySchema,
  logEntriesSchema,
} from "../../../../common/transparency.ts";
import type { Db } from "../../platform/db/database.ts";
import { errorResponses } from "../../platform/http/error-schema.ts";
import { proveConsistency, proveInclusion } from "./use-cases/proofs.ts";
import { logSize, readLogEntries } from "./use-cases/read-log.ts";

const PUBLIC = { kind: "public" } as const;
const tags = ["transparency log"];
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** The log is public: anyone may read every entry and check every proof. */
export const transparencyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
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
