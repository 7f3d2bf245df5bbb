import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assignCaseRequestSchema,
  attachmentSchema,
  caseLabelsRequestSchema,
  caseNoteRequestSchema,
  caseOfficerSchema,
  caseRemindersSchema,
  caseSettingsSchema,
  caseStatusRequestSchema,
  caseSummarySchema,
  caseViewSchema,
  figuresQuerySchema,
  followUpRequestSchema,
  officerMessageRequestSchema,
  queueQuerySchema,
  receiptResponseSchema,
  receiversQuerySchema,
  referCaseRequestSchema,
  reporterMessageRequestSchema,
  reporterViewSchema,
  reportFiguresSchema,
  reportReceiverSchema,
  reportSubmissionSchema,
  shareCasesRequestSchema,
  shareCasesResponseSchema,
} from "../../../../common/reports.ts";
import { proofQuerySchema } from "../../../../common/transparency.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { errorResponses } from "../../platform/http/error-schema.ts";
import { withProofBundle } from "../transparency/index.ts";
import { fieldOf, readPostedForm, refuseOversized } from "./multipart-form.ts";
import { prepareAttachments } from "./use-cases/attachments.ts";
import {
  addNote,
  assignCase,
  caseReminders,
  getCaseSettings,
  labelCase,
  listCaseOfficers,
  updateCaseSettings,
} from "./use-cases/case-triage.ts";
import {
  acknowledgeCase,
  changeCaseStatus,
  deleteCase,
  listQueue,
  openAttachment,
  openCase,
  referCase,
  replyToReporter,
  shareCases,
} from "./use-cases/case-work.ts";
import { figuresToCsv, reportFigures } from "./use-cases/figures.ts";
import { addReporterMessage, followUpReport } from "./use-cases/follow-up.ts";
import { reportReceivers } from "./use-cases/receivers.ts";
import { submitReport } from "./use-cases/submit-report.ts";
import type { WrongReceiptDelays } from "./wrong-receipt-delays.ts";

const PUBLIC = { kind: "public" } as const;
const OFFICERS = { kind: "organization", roles: ["officer"] } as const;
const SETTINGS = { kind: "organization", roles: ["officer", "admin"] } as const;
const orgParams = z.object({ orgId: z.uuid() });
const caseParams = z.object({ orgId: z.uuid(), reportId: z.uuid() });
const attachmentParams = caseParams.extend({ attachmentId: z.uuid() });
const MULTIPART = ["multipart/form-data"];
const FILES_DESCRIPTION =
  "Files in multipart field `attachments` (at most 5, 10 MiB each: JPEG, PNG, WebP, PDF, MP3, M4A, 3GP, OGG, WAV, AMR); location, camera and author details are removed unless field `keepMetadata` is `true`.";
const NO_STORE = { "cache-control": "no-store" };
const tags = ["reports"];

/**
 * The reporter's side: no account, the receipt is the only credential, and it travels in request
 * bodies only (never in an address, which ends up in histories and logs).
 */
export const reportsRoutes: FastifyPluginAsyncZod<{
  db: Db;
  now: () => Date;
  followUpLimitPerMinute: number;
  wrongReceiptDelays: WrongReceiptDelays;
}> = async (app, { db, now, followUpLimitPerMinute, wrongReceiptDelays }) => {
  app.get(
    "/reports/receivers",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary:
          "Organizations that receive reports (unions and authorities with an officer able to read them), by country and sector",
        querystring: receiversQuerySchema,
        response: { 200: z.array(reportReceiverSchema), ...errorResponses(400) },
      },
    },
    async (request) => reportReceivers(db, request.query),
  );

  app.get(
    "/reports/figures",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "Public figures per organization and/or country; counts under 5 suppressed",
        querystring: figuresQuerySchema,
        response: { 200: reportFiguresSchema, ...errorResponses(400) },
      },
    },
    async (request) => reportFigures(db, request.query, now()),
  );

  app.get(
    "/reports/figures.csv",
    {
      config: { access: PUBLIC },
      schema: { tags, summary: "The same figures as CSV, one row per cell", querystring: figuresQuerySchema },
    },
    async (request, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="guildhall-report-figures.csv"')
        .send(figuresToCsv(await reportFigures(db, request.query, now()))),
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
      const { receipt, attachments } = await submitReport(db, request.body, now());
      return reply.code(201).headers(NO_STORE).send({ receipt, attachments });
    },
  );

  app.post(
    "/reports/with-files",
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "File a report with attachments: multipart field `report` holds the report as JSON",
        description: FILES_DESCRIPTION,
        consumes: MULTIPART,
        response: { 201: receiptResponseSchema, ...errorResponses(400, 413, 429) },
      },
    },
    async (request, reply) => {
      const form = await readPostedForm(request, "attachments");
      refuseOversized(form);
      const submission = parseField(reportSubmissionSchema, fieldOf(form, "report"), "report");
      const prepared = await prepareAttachments(form.files, fieldOf(form, "keepMetadata") === "true");
      const { receipt, attachments } = await submitReport(db, submission, now(), prepared);
      return reply.code(201).headers(NO_STORE).send({ receipt, attachments });
    },
  );

  app.post(
    "/reports/follow-up",
    {
      config: { access: PUBLIC, rateLimit: { max: followUpLimitPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary:
          "A report's status (with its transparency log entry; `?proof=bundle` adds the proof bundle), content and messages, with its receipt",
        querystring: proofQuerySchema,
        body: followUpRequestSchema,
        response: { 200: reporterViewSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const view = await wrongReceiptDelays.attempt(request.ip, () => followUpReport(db, request.body.receipt));
      const log = await withProofBundle(db, view.log, request.query.proof === "bundle");
      return reply.headers(NO_STORE).send({ ...view, log });
    },
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
      const { receipt, text } = request.body;
      await wrongReceiptDelays.attempt(request.ip, () => addReporterMessage(db, receipt, text, now()));
      return reply.code(204).headers(NO_STORE).send(null);
    },
  );

  app.post(
    "/reports/follow-up/messages/with-files",
    {
      config: { access: PUBLIC, rateLimit: { max: followUpLimitPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Add a message with attachments to a report: multipart fields `receipt` and `text`",
        description: FILES_DESCRIPTION,
        consumes: MULTIPART,
        response: { 201: z.object({ attachments: z.array(attachmentSchema) }), ...errorResponses(400, 401, 413, 429) },
      },
    },
    async (request, reply) => {
      const form = await readPostedForm(request, "attachments");
      refuseOversized(form);
      const { receipt, text } = parseField(
        reporterMessageRequestSchema,
        { receipt: fieldOf(form, "receipt"), text: fieldOf(form, "text") },
        "",
      );
      const prepared = await prepareAttachments(form.files, fieldOf(form, "keepMetadata") === "true");
      const attachments = await wrongReceiptDelays.attempt(request.ip, () =>
        addReporterMessage(db, receipt, text, now(), prepared),
      );
      return reply.code(201).headers(NO_STORE).send({ attachments });
    },
  );
  app.get(
    "/organizations/:orgId/reports",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary:
          "The organization's newest 500 cases, filtered by status, label or assignee; overdue ones marked (officers)",
        params: orgParams,
        querystring: queueQuerySchema,
        response: { 200: z.array(caseSummarySchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.headers(NO_STORE).send(await listQueue(db, request.actor, request.params.orgId, now(), request.query)),
  );

  app.get(
    "/organizations/:orgId/reports/officers",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "The organization's officers, to assign cases and share keys (officers)",
        params: orgParams,
        response: { 200: z.array(caseOfficerSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listCaseOfficers(db, request.actor, request.params.orgId),
  );

  app.get(
    "/organizations/:orgId/reports/reminders",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "How many cases are overdue or due soon (counts only; officers)",
        params: orgParams,
        response: { 200: caseRemindersSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.headers(NO_STORE).send(await caseReminders(db, request.actor, request.params.orgId, now())),
  );

  app.get(
    "/organizations/:orgId/reports/settings",
    {
      config: { access: SETTINGS },
      schema: {
        tags,
        summary: "The organization's case deadlines and retention of closed cases (officers, admins)",
        params: orgParams,
        response: { 200: caseSettingsSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getCaseSettings(db, request.actor, request.params.orgId),
  );

  app.put(
    "/organizations/:orgId/reports/settings",
    {
      config: { access: SETTINGS },
      schema: {
        tags,
        summary: "Set deadlines for new cases and how long closed cases are kept (officers, admins)",
        params: orgParams,
        body: caseSettingsSchema,
        response: { 200: caseSettingsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => updateCaseSettings(db, request.actor, request.params.orgId, request.body),
  );

  app.post(
    "/organizations/:orgId/reports/:reportId/assign",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Put an officer who can open the case in charge of it, or nobody (officers)",
        params: caseParams,
        body: assignCaseRequestSchema,
        response: { 200: caseSummarySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId, reportId } = request.params;
      return assignCase(db, request.actor, orgId, reportId, request.body.userId, now());
    },
  );

  app.put(
    "/organizations/:orgId/reports/:reportId/labels",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Replace the case's labels: short tags, never personal data (officers)",
        params: caseParams,
        body: caseLabelsRequestSchema,
        response: { 200: caseSummarySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { orgId, reportId } = request.params;
      return labelCase(db, request.actor, orgId, reportId, request.body.labels, now());
    },
  );

  app.post(
    "/organizations/:orgId/reports/:reportId/notes",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Add an internal note, encrypted; the reporter never sees it (officers)",
        params: caseParams,
        body: caseNoteRequestSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { orgId, reportId } = request.params;
      await addNote(db, request.actor, orgId, reportId, request.body.text, now());
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/organizations/:orgId/reports/:reportId",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary:
          "One case, decrypted with the officer's key, its status's transparency log entry (`?proof=bundle` adds the proof bundle); the access is recorded (officers)",
        params: caseParams,
        querystring: proofQuerySchema,
        response: { 200: caseViewSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { orgId, reportId } = request.params;
      const view = await openCase(db, request.actor, orgId, reportId, now());
      const log = await withProofBundle(db, view.log, request.query.proof === "bundle");
      return reply.headers(NO_STORE).send({ ...view, log });
    },
  );

  app.get(
    "/organizations/:orgId/reports/:reportId/attachments/:attachmentId",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "One attached file, decrypted, as a download; the access is recorded (officers)",
        params: attachmentParams,
        response: { 200: z.any().describe("The file, in its own media type"), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { orgId, reportId, attachmentId } = request.params;
      const { attachment, bytes } = await openAttachment(db, request.actor, orgId, reportId, attachmentId, now());
      return reply
        .headers(NO_STORE)
        .type(attachment.mediaType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}`)
        .header("content-security-policy", "sandbox; default-src 'none'")
        .send(Buffer.from(bytes));
    },
  );

  app.post(
    "/organizations/:orgId/reports/:reportId/acknowledge",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Confirm receipt to the reporter (officers)",
        params: caseParams,
        response: { 200: caseSummarySchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId, reportId } = request.params;
      return acknowledgeCase(db, request.actor, orgId, reportId, now());
    },
  );

  app.post(
    "/organizations/:orgId/reports/:reportId/status",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Move a case on: in progress, resolved or closed with an outcome (officers)",
        params: caseParams,
        body: caseStatusRequestSchema,
        response: { 200: caseSummarySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { orgId, reportId } = request.params;
      return changeCaseStatus(db, request.actor, orgId, reportId, request.body, now());
    },
  );

  app.post(
    "/organizations/:orgId/reports/:reportId/messages",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Write to the reporter, who reads it with the receipt (officers)",
        params: caseParams,
        body: officerMessageRequestSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { orgId, reportId } = request.params;
      await replyToReporter(db, request.actor, orgId, reportId, request.body.text, now());
      return reply.code(204).send(null);
    },
  );
  app.post(
    "/organizations/:orgId/reports/share",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Give another officer access to every case you can open and they cannot (officers)",
        params: orgParams,
        body: shareCasesRequestSchema,
        response: { 200: shareCasesResponseSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => shareCases(db, request.actor, request.params.orgId, request.body.userId, now()),
  );

  app.post(
    "/organizations/:orgId/reports/:reportId/refer",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Send a case to another organization that receives reports; this one loses its keys (officers)",
        params: caseParams,
        body: referCaseRequestSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { orgId, reportId } = request.params;
      await referCase(db, request.actor, orgId, reportId, request.body.organizationId, now());
      return reply.code(204).send(null);
    },
  );

  app.delete(
    "/organizations/:orgId/reports/:reportId",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Delete a closed case with every copy of its key (officers)",
        params: caseParams,
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { orgId, reportId } = request.params;
      await deleteCase(db, request.actor, orgId, reportId, now());
      return reply.code(204).send(null);
    },
  );
};

/** Validates a value that arrived in a multipart form against its schema, as the JSON routes do. */
function parseField<T>(schema: z.ZodType<T>, raw: unknown, field: string): T {
  let value: unknown = raw;
  if (field && typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    path: ["body", field, ...issue.path].filter((part) => part !== "").join("."),
    message: issue.message,
  }));
  throw new AppError("validation_failed", fields.map((f) => `${f.path}: ${f.message}`).join("; "), { fields });
}
