import { readFileSync } from "node:fs";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { SECTORS } from "../../../../../common/agreements.ts";
import { ATTACHMENT_LIMITS } from "../../../../../common/reports.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { installErrorHandler } from "../../../platform/http/error-handler.ts";
import { agreementOutlines } from "../../agreements/index.ts";
import { listReportReceivers } from "../../identity/index.ts";
import { fieldOf, type PostedForm, readPostedForm } from "../multipart-form.ts";
import { checkAttachment, type FileRefusal, type PreparedAttachment } from "../use-cases/attachments.ts";
import { addReporterMessage, followUpReport } from "../use-cases/follow-up.ts";
import { reportReceivers } from "../use-cases/receivers.ts";
import { submitReport } from "../use-cases/submit-report.ts";
import { isWrongReceipt, type WrongReceiptDelays } from "../wrong-receipt-delays.ts";
import type { FieldErrors } from "./fields.tsx";
import { renderCasePage, renderReceiptForm, renderReceiptPage } from "./follow-up-pages.tsx";
import { renderProblemPage, STYLESHEET_PATH } from "./layout.tsx";
import { renderChooseStep, renderReportForm } from "./report-form-page.tsx";
import { formValues, isReportKind, submissionFromForm } from "./report-form-values.ts";
import { chooseLanguage, fill, type PageLanguage, type PageStrings, stringsFor } from "./strings.ts";

const PUBLIC = { kind: "public" } as const;
const HIDDEN = { hide: true };
const STYLESHEET = readFileSync(new URL("./report.css", import.meta.url));

interface PageOptions {
  db: Db;
  now: () => Date;
  followUpLimitPerMinute: number;
  wrongReceiptDelays: WrongReceiptDelays;
}

function sendPage(reply: FastifyReply, html: string, status = 200) {
  return (
    reply
      .code(status)
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("x-robots-tag", "noindex")
      // Browsers send `Origin: null` with forms posted under no-referrer, which the CSRF check refuses;
      // same-origin still sends nothing to any other site.
      .header("referrer-policy", "same-origin")
      .send(html)
  );
}

function languageOf(request: FastifyRequest, form?: PostedForm): PageLanguage {
  const asked = form ? fieldOf(form, "lang") : (request.query as { lang?: unknown } | undefined)?.lang;
  return chooseLanguage(asked, request.headers["accept-language"]);
}

/**
 * The reporter's pages: plain HTML forms that work without JavaScript on any phone, in the
 * reporter's language, loading nothing from anywhere else. They call the same use cases as the API.
 */
export const reportPages: FastifyPluginAsync<PageOptions> = async (
  app,
  { db, now, followUpLimitPerMinute, wrongReceiptDelays },
) => {
  /** Runs a step that needs the receipt, slowed down for a guessing client; undefined when the receipt opens nothing. */
  const withReceipt = async <T>(request: FastifyRequest, step: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await wrongReceiptDelays.attempt(request.ip, step);
    } catch (error) {
      if (isWrongReceipt(error)) return undefined;
      throw error;
    }
  };
  const followUpLimit = { max: followUpLimitPerMinute, timeWindow: "1 minute" };
  installErrorHandler(app, (request, reply, status, body) => {
    const t = stringsFor(languageOf(request));
    const message =
      status === 429
        ? t.tooMany
        : status === 413
          ? t.tooLarge
          : body.error.code === "csrf_failed"
            ? t.expired
            : status >= 500
              ? t.failed
              : body.error.message;
    const back = request.url.startsWith("/report/follow-up") ? "/report/follow-up" : "/report";
    return sendPage(reply, renderProblemPage(languageOf(request), message, back), status);
  });

  app.get(STYLESHEET_PATH, { config: { access: PUBLIC }, schema: HIDDEN }, async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(STYLESHEET),
  );

  const countriesWithReceivers = async () =>
    [...new Set((await listReportReceivers(db)).map((receiver) => receiver.country))].filter(
      (country): country is string => country !== null,
    );

  app.get("/report", { config: { access: PUBLIC }, schema: HIDDEN }, async (request, reply) => {
    const language = languageOf(request);
    const query = request.query as Record<string, unknown>;
    const kind = typeof query.kind === "string" ? query.kind : undefined;
    const country = typeof query.country === "string" ? query.country : undefined;
    const sector = (SECTORS as readonly unknown[]).includes(query.sector) ? (query.sector as string) : undefined;
    const countries = await countriesWithReceivers();
    const t = stringsFor(language).report;
    const errors: FieldErrors = {};
    if (kind !== undefined && !isReportKind(kind)) errors.kind = t.kindLegend;
    if (country !== undefined && !countries.includes(country)) errors.country = t.country;
    const asked = kind !== undefined || country !== undefined;
    if (kind === undefined && asked) errors.kind = t.kindLegend;
    if (country === undefined && asked) errors.country = t.country;
    if (!asked || query.change || Object.keys(errors).length > 0) {
      return sendPage(
        reply,
        renderChooseStep(language, countries, { kind, country }, errors),
        asked && !query.change ? 400 : 200,
      );
    }
    const receivers = await reportReceivers(db, { country, sector });
    const agreements = await agreementOutlines(db, country as string);
    return sendPage(reply, renderReportForm(language, receivers, agreements, { kind, country, sector }, {}, false));
  });

  app.post("/report", { config: { access: PUBLIC }, schema: HIDDEN }, async (request, reply) => {
    const form = await readPostedForm(request, "attachments");
    const language = languageOf(request, form);
    const t = stringsFor(language);
    const values = formValues(form);
    const countries = await countriesWithReceivers();
    if (!isReportKind(values.kind) || !values.country || !countries.includes(values.country)) {
      const errors = { kind: t.report.kindLegend, country: t.report.country };
      return sendPage(reply, renderChooseStep(language, countries, {}, errors), 400);
    }
    const errors: FieldErrors = {};
    const checked = submissionFromForm(values, language);
    if (checked.errors) {
      for (const [field, key] of checked.errors) {
        errors[field === "contact" ? "contact.email" : field] = t.report.errors[key];
      }
    }
    const attachments = await prepareFiles(form, values.keepMetadata === "true", t, errors);
    const refill = async (status: number) => {
      const receivers = await reportReceivers(db, { country: values.country, sector: values.sector });
      const agreements = await agreementOutlines(db, values.country as string);
      const dropped = form.files.length + form.oversized.length > 0;
      return sendPage(reply, renderReportForm(language, receivers, agreements, values, errors, dropped), status);
    };
    if (!checked.submission || !attachments) return refill(400);
    try {
      const filed = await submitReport(db, checked.submission, now(), attachments);
      const html = renderReceiptPage(
        language,
        {
          receipt: filed.receipt,
          organizationName: filed.organizationName,
          acknowledgeBy: filed.acknowledgeBy.toISOString(),
          feedbackBy: filed.feedbackBy.toISOString(),
        },
        filed.attachments,
      );
      return sendPage(reply, html);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      const onAgreement = error.fields?.some((field) => field.path.startsWith("body.agreement"));
      if (onAgreement) errors.agreement = t.report.errors.agreement;
      else errors.organizationId = t.report.errors.organizationId;
      return refill(400);
    }
  });

  app.get("/report/follow-up", { config: { access: PUBLIC }, schema: HIDDEN }, async (request, reply) =>
    sendPage(reply, renderReceiptForm(languageOf(request), "", false)),
  );

  app.post(
    "/report/follow-up",
    { config: { access: PUBLIC, rateLimit: followUpLimit }, schema: HIDDEN },
    async (request, reply) => {
      const form = await readPostedForm(request, "attachments");
      const language = languageOf(request, form);
      const receipt = fieldOf(form, "receipt") ?? "";
      const view = await withReceipt(request, () => followUpReport(db, receipt));
      if (!view) return sendPage(reply, renderReceiptForm(language, receipt, true), 401);
      return sendPage(reply, renderCasePage(language, receipt, view, {}));
    },
  );

  app.post(
    "/report/follow-up/messages",
    { config: { access: PUBLIC, rateLimit: followUpLimit }, schema: HIDDEN },
    async (request, reply) => {
      const form = await readPostedForm(request, "attachments");
      const language = languageOf(request, form);
      const t = stringsFor(language);
      const receipt = fieldOf(form, "receipt") ?? "";
      const text = (fieldOf(form, "text") ?? "").trim();
      const errors: FieldErrors = {};
      if (!text) errors.text = t.followUp.messageRequired;
      const attachments = await prepareFiles(form, fieldOf(form, "keepMetadata") === "true", t, errors);
      const sent = Object.keys(errors).length === 0 && attachments !== null;
      if (sent) {
        const stored = await withReceipt(request, () => addReporterMessage(db, receipt, text, now(), attachments));
        if (!stored) return sendPage(reply, renderReceiptForm(language, receipt, true), 401);
      }
      const view = await withReceipt(request, () => followUpReport(db, receipt));
      if (!view) return sendPage(reply, renderReceiptForm(language, receipt, true), 401);
      const notice = sent ? { sent: true } : { errors, text };
      return sendPage(reply, renderCasePage(language, receipt, view, notice), sent ? 200 : 400);
    },
  );
};

const REFUSAL_KEYS = {
  too_large: "fileTooLarge",
  not_accepted: "fileType",
  damaged: "fileDamaged",
} as const satisfies Record<FileRefusal, keyof PageStrings["report"]["errors"]>;

/** Checks and cleans the posted files; problems go to `errors` by file, in the reporter's language. */
async function prepareFiles(
  form: PostedForm,
  keepMetadata: boolean,
  t: PageStrings,
  errors: FieldErrors,
): Promise<PreparedAttachment[] | null> {
  const problems: string[] = form.oversized.map((name) => fill(t.report.errors.fileTooLarge, { name }));
  if (form.files.length + form.oversized.length > ATTACHMENT_LIMITS.maxFiles)
    problems.push(t.report.errors.attachments);
  const prepared: PreparedAttachment[] = [];
  for (const [index, file] of form.files.entries()) {
    const checked = await checkAttachment(file, keepMetadata, index + 1);
    if (typeof checked === "string") problems.push(fill(t.report.errors[REFUSAL_KEYS[checked]], { name: file.name }));
    else prepared.push(checked);
  }
  if (problems.length === 0) return prepared;
  errors.attachments = problems.join(" ");
  return null;
}
