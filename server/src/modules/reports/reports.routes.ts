import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  followUpRequestSchema,
  receiptResponseSchema,
  receiversQuerySchema,
  reporterMessageRequestSchema,
  reporterViewSchema,
  reportReceiverSchema,
  reportSubmissionSchema,
} from "../../../../common/reports.ts";
import type { Db } from "../../platform/db/database.ts";
import { errorResponses } from "../../platform/http/error-schema.ts";
import { listReportReceivers } from "../identity/index.ts";
import { addReporterMessage, followUpReport } from "./use-cases/follow-up.ts";
import { submitReport } from "./use-cases/submit-report.ts";

const PUBLIC = { kind: "public" } as const;
const NO_STORE = { "cache-control": "no-store" };
const tags = ["reports"];

/**
 * The reporter's side: no account, the receipt is the only credential, and it travels in request
 * bodies only (never in an address, which ends up in histories and logs).
 */
export const reportsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date; followUpLimitPerMinute: number }> = async (
  app,
  { db, now, followUpLimitPerMinute },
) => {
  app.get(
    "/reports/receivers",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "Organizations that receive reports (unions and authorities with an officer able to read them)",
        querystring: receiversQuerySchema,
        response: { 200: z.array(reportReceiverSchema), ...errorResponses(400) },
      },
    },
    async (request) => listReportReceivers(db, request.query),
  );

  app.post(
    "/reports",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "File a report, anonymously or not; answers with the receipt, shown once",
        body: reportSubmissionSchema,
        response: { 201: receiptResponseSchema, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const { receipt } = await submitReport(db, request.body, now());
      return reply.code(201).headers(NO_STORE).send({ receipt });
    },
  );

  app.post(
    "/reports/follow-up",
    {
      config: { access: PUBLIC, rateLimit: { max: followUpLimitPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "A report's status, content and messages, with its receipt",
        body: followUpRequestSchema,
        response: { 200: reporterViewSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => reply.headers(NO_STORE).send(await followUpReport(db, request.body.receipt)),
  );

  app.post(
    "/reports/follow-up/messages",
    {
      config: { access: PUBLIC, rateLimit: { max: followUpLimitPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Add a message or more information to a report, with its receipt",
        body: reporterMessageRequestSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      await addReporterMessage(db, request.body.receipt, request.body.text, now());
      return reply.code(204).headers(NO_STORE).send(null);
    },
  );
};
