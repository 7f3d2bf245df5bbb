import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { agreementSchema, taxonomyCodeSchema } from "../../../../common/agreements.ts";
import {
  agreementChangeSchema,
  agreementDetailSchema,
  agreementSearchQuerySchema,
  agreementSearchResultSchema,
  compareQuerySchema,
  compareResultSchema,
} from "../../../../common/agreements-api.ts";
import { IMPORT_LIMITS, libraryFileSchema } from "../../../../common/agreements-import.ts";
import { proofQuerySchema } from "../../../../common/transparency.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { errorResponses } from "../../platform/http/error-schema.ts";
import { withProofBundle } from "../transparency/index.ts";
import { compareAgreements, compareToCsv } from "./use-cases/compare-agreements.ts";
import { exportLibrary, libraryToCsv } from "./use-cases/export-library.ts";
import { importAgreements } from "./use-cases/import-library.ts";
import { getAgreement, getTaxonomy, listChanges } from "./use-cases/read-library.ts";
import { putAgreement, unionsOf } from "./use-cases/save-agreement.ts";
import { searchAgreements } from "./use-cases/search-agreements.ts";

const PUBLIC = { kind: "public" } as const;
const agreementParams = z.object({
  agreementId: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(120),
});
const savedSchema = z.object({ id: z.string(), created: z.boolean() });
const tags = ["agreements"];

/** The public library: search, compare, export, one agreement, the taxonomy. */
export const agreementsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  app.put(
    "/agreements/:agreementId",
    {
      config: { access: { kind: "any_organization", roles: ["officer"] } },
      schema: {
        tags,
        summary: "Create or replace an agreement with its clauses and findings (officers of a union)",
        params: agreementParams,
        body: agreementSchema,
        response: { 200: savedSchema, 201: savedSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      if (request.body.id !== request.params.agreementId) {
        throw new AppError("validation_failed", "The agreement's id must match the address.", {
          fields: [{ path: "body.id", message: "Must equal the id in the address" }],
        });
      }
      const actor = request.actor;
      const { created } = await putAgreement(db, actor, request.body, await unionsOf(db, actor), now());
      return reply.code(created ? 201 : 200).send({ id: request.body.id, created });
    },
  );

  app.post(
    "/agreements/library",
    {
      config: { access: { kind: "any_organization", roles: ["officer"] } },
      bodyLimit: IMPORT_LIMITS.maxLibraryFileBytes,
      schema: {
        tags,
        summary:
          "Bulk import: the JSON of GET /agreements/export, all or nothing; each agreement as if PUT by its curating union's officer",
        body: libraryFileSchema,
        response: {
          200: z.object({ created: z.int(), updated: z.int(), unchanged: z.int() }),
          ...errorResponses(400, 401, 403, 409, 413),
        },
      },
    },
    async (request) => {
      return importAgreements(db, request.actor, request.body, await unionsOf(db, request.actor), now());
    },
  );

  app.get(
    "/agreements",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "Search the library: full text in each clause's language, filters, facets, highlighted snippets",
        querystring: agreementSearchQuerySchema,
        response: { 200: agreementSearchResultSchema, ...errorResponses(400) },
      },
    },
    async (request) => searchAgreements(db, request.query),
  );

  app.get(
    "/agreements/taxonomy",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "The clause taxonomy (newest version), with labels in en, es, fr and de",
        response: { 200: z.object({ version: z.string(), codes: z.array(taxonomyCodeSchema) }) },
      },
    },
    async () => getTaxonomy(db),
  );

  app.get(
    "/agreements/compare",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary:
          "Compare agreements on taxonomy codes: rows are codes, columns agreements, cells the findings with evidence",
        querystring: compareQuerySchema,
        response: { 200: compareResultSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => compareAgreements(db, request.query),
  );

  app.get(
    "/agreements/compare.csv",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "The same comparison as CSV: one row per code, one column per agreement",
        querystring: compareQuerySchema,
      },
    },
    async (request, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="guildhall-comparison.csv"')
        .send(compareToCsv(await compareAgreements(db, request.query))),
  );

  app.get(
    "/agreements/export",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "The whole library: JSON (loads back losslessly) or CSV (one row per finding)",
        querystring: z.object({ format: z.enum(["json", "csv"]).default("json") }),
      },
    },
    async (request, reply) => {
      const library = await exportLibrary(db);
      const csv = request.query.format === "csv";
      return reply
        .type(csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="guildhall-agreements.${csv ? "csv" : "json"}"`)
        .send(csv ? libraryToCsv(library.agreements) : JSON.stringify(library));
    },
  );

  app.get(
    "/agreements/:agreementId/changes",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "When the agreement was created and changed, and by which union (newest first)",
        params: agreementParams,
        response: { 200: z.object({ changes: z.array(agreementChangeSchema) }), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ changes: await listChanges(db, request.params.agreementId) }),
  );

  app.get(
    "/agreements/:agreementId",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary:
          "One agreement with its clauses, coded findings and evidence, its countries' statutory baselines, and its latest version's transparency log entry (`?proof=bundle` adds the proof bundle)",
        params: z.object({
          agreementId: z
            .string()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
            .max(120),
        }),
        querystring: proofQuerySchema,
        response: { 200: agreementDetailSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const agreement = await getAgreement(db, request.params.agreementId);
      return { ...agreement, log: await withProofBundle(db, agreement.log, request.query.proof === "bundle") };
    },
  );
};
