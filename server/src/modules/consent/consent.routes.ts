import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assetInputSchema,
  assetSchema,
  checkAnswerSchema,
  checkRequestSchema,
  consentAnswerInputSchema,
  consentReceiptSchema,
  consentRecordSchema,
  consentRequestInputSchema,
  consentRequestSchema,
  MAX_CHECK_ITEMS,
  WORK_KINDS,
} from "../../../../common/consent.ts";
import { logReferenceSchema, proofQuerySchema } from "../../../../common/transparency.ts";
import { errorResponses } from "../../platform/http/error-schema.ts";
import type { ConsentContext } from "./consent.context.ts";
import { listMyAssets, registerAsset } from "./use-cases/assets.ts";
import { checkPermissions } from "./use-cases/check.ts";
import { fingerprintFile } from "./use-cases/fingerprints.ts";
import { consentRecord } from "./use-cases/records.ts";
import { answerRequest, listInbox, listSentRequests, requestConsent, revokeGrant } from "./use-cases/requests.ts";
import { setUnionStrike, strikeStatus } from "./use-cases/strike.ts";

const MEMBERS = { kind: "organization", roles: ["member"] } as const;
const MEMBERS_AND_OFFICERS = { kind: "organization", roles: ["member", "officer"] } as const;
const REQUESTERS = { kind: "organization", roles: ["producer", "developer"] } as const;
const UNION_OFFICERS = { kind: "organization", roles: ["officer", "admin"] } as const;
const SIGNED_IN = { kind: "signed_in" } as const;
const API_KEY = { kind: "api_key" } as const;
const orgParams = z.object({ orgId: z.uuid() });
const requestParams = z.object({ requestId: z.uuid() });
const NO_STORE = { "cache-control": "no-store" };
const tags = ["AI consent"];
const MAX_WORK_FILE_BYTES = 25 * 1024 * 1024;
const fingerprintsSchema = z.object({
  sha256: z.string(),
  fingerprint: z.string().nullable(),
  method: z.enum(["simhash-text-v1", "dhash-image-v1"]).nullable(),
});
/** 10,000 check items of a few hundred bytes each. */
const CHECK_BODY_LIMIT = 8 * 1024 * 1024;

export const consentRoutes: FastifyPluginAsyncZod<{ context: ConsentContext }> = async (app, { context }) => {
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: MAX_WORK_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/consent/fingerprints",
    {
      bodyLimit: MAX_WORK_FILE_BYTES,
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: "SHA-256 and near-duplicate fingerprint of a work's file (the file is not kept)",
        description:
          "Send the file itself as `application/octet-stream`. Texts (UTF-8) get a 64-bit SimHash, pictures (JPEG, PNG, " +
          "WebP) a 64-bit difference hash; sound and video SHA-256 only. See decision 0009.",
        querystring: z.object({ kind: z.enum(WORK_KINDS) }),
        body: z.instanceof(Buffer),
        response: { 200: fingerprintsSchema, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request) => fingerprintFile(request.actor, request.body, request.query.kind),
  );

  app.post(
    "/organizations/:orgId/consent/assets",
    {
      config: { access: MEMBERS },
      schema: {
        tags,
        summary:
          "Register one of my works or personal attributes with my union (not permitted for any use until I say so)",
        params: orgParams,
        body: assetInputSchema,
        response: { 201: assetSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerAsset(context, request.actor, request.params.orgId, request.body)),
  );

  app.get(
    "/organizations/:orgId/consent/assets",
    {
      config: { access: MEMBERS_AND_OFFICERS },
      schema: {
        tags,
        summary: "My registered assets (an officer sees every member's)",
        params: orgParams,
        response: { 200: z.object({ assets: z.array(assetSchema) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.headers(NO_STORE).send({ assets: await listMyAssets(context, request.actor, request.params.orgId) }),
  );

  app.post(
    "/organizations/:orgId/consent/requests",
    {
      config: { access: REQUESTERS },
      schema: {
        tags,
        summary: "Ask for consent to a scoped use, checked against the agreement's AI clauses first",
        description:
          "Answers 201 with the request. When it falls short of the agreement its status is ConsentInvalidated and " +
          "`problems` cite the clauses; it does not reach the member. Flagged problems go to the member with it.",
        params: orgParams,
        body: consentRequestInputSchema,
        response: { 201: consentRequestSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requestConsent(context, request.actor, request.params.orgId, request.body)),
  );

  app.get(
    "/organizations/:orgId/consent/requests",
    {
      config: { access: REQUESTERS },
      schema: {
        tags,
        summary: "The consent requests my organization sent, with their answers",
        params: orgParams,
        response: { 200: z.object({ requests: z.array(consentRequestSchema) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.headers(NO_STORE).send({ requests: await listSentRequests(context, request.actor, request.params.orgId) }),
  );

  app.get(
    "/consent/inbox",
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: "Consent requests about my assets",
        response: { 200: z.object({ requests: z.array(consentRequestSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => reply.headers(NO_STORE).send({ requests: await listInbox(context, request.actor) }),
  );

  app.post(
    "/consent/requests/:requestId/answer",
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: "Grant (possibly narrower) or decline a request about my asset",
        params: requestParams,
        body: consentAnswerInputSchema,
        response: { 200: consentRequestSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => answerRequest(context, request.actor, request.params.requestId, request.body),
  );

  app.post(
    "/consent/requests/:requestId/withdraw",
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary: "Withdraw consent I gave: the very next check says no",
        params: requestParams,
        response: { 200: consentRequestSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => revokeGrant(context, request.actor, request.params.requestId),
  );

  app.get(
    "/consent/requests/:requestId/record",
    {
      config: { access: SIGNED_IN },
      schema: {
        tags,
        summary:
          "The consent record (ISO/IEC TS 27560) and receipt (Kantara v1.1) of a request, for its member or requester",
        description:
          "`?proof=bundle` puts each event's transparency-log proof bundle in (null until a checkpoint covers it).",
        params: requestParams,
        querystring: proofQuerySchema,
        response: {
          200: z.object({ record: consentRecordSchema, receipt: consentReceiptSchema }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) =>
      reply
        .headers(NO_STORE)
        .send(await consentRecord(context, request.actor, request.params.requestId, request.query.proof === "bundle")),
  );

  app.get(
    "/organizations/:orgId/consent/strike",
    {
      config: { access: UNION_OFFICERS },
      schema: {
        tags,
        summary: "Whether the union is on strike (its members' consents suspended)",
        params: orgParams,
        response: { 200: z.object({ onStrike: z.boolean() }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => strikeStatus(context, request.actor, request.params.orgId),
  );

  app.put(
    "/organizations/:orgId/consent/strike",
    {
      config: { access: UNION_OFFICERS },
      schema: {
        tags,
        summary: "Call or end a strike: every consent the union's members gave is suspended while it lasts",
        params: orgParams,
        body: z.object({ onStrike: z.boolean() }),
        response: {
          200: z.object({ onStrike: z.boolean(), log: logReferenceSchema.nullable() }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => setUnionStrike(context, request.actor, request.params.orgId, request.body.onStrike),
  );

  app.post(
    "/consent/check",
    {
      bodyLimit: CHECK_BODY_LIMIT,
      // The answers are built by the index from typed values; checking them again against the schema
      // on the way out cost a third of the route's time (bench consent-check). The schema stays for the docs.
      serializerCompiler: () => (data) => JSON.stringify(data),
      config: { access: API_KEY },
      schema: {
        tags,
        summary: `May these uses happen? Up to ${MAX_CHECK_ITEMS.toLocaleString("en-US")} items, answered in order`,
        description:
          "Authenticate with your organization's API key (`Authorization: Bearer gh_…`). Unknown assets and uses " +
          "nobody consented to are not permitted. Answers come from an index kept current with every grant, " +
          "withdrawal and strike; a withdrawal is in force for the very next check.",
        body: checkRequestSchema,
        response: {
          200: z.object({ answers: z.array(checkAnswerSchema) }),
          ...errorResponses(400, 401, 403, 413, 429),
        },
      },
    },
    async (request, reply) =>
      reply.headers(NO_STORE).send({ answers: checkPermissions(context, request.actor, request.body.items) }),
  );
};
