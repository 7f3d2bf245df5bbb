import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  IMPORT_LIMITS,
  importCommitSchema,
  importDraftSchema,
  importSummarySchema,
  pastedImportSchema,
  suggestionDecisionSchema,
  suggestionSchema,
} from "../../../../common/agreements-import.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { errorResponses } from "../../platform/http/error-schema.ts";
import { type ExtractedText, extractText, pastedText } from "./import/extract-text.ts";
import {
  commitImport,
  createImport,
  decideSuggestion,
  discardImport,
  getImport,
  type ImportCaller,
  listImportsOf,
} from "./use-cases/import-agreement.ts";
import { unionsOf } from "./use-cases/save-agreement.ts";

const OFFICERS = { kind: "any_organization", roles: ["officer"] } as const;
const tags = ["agreements"];
const importParams = z.object({ importId: z.uuid() });
const suggestionParams = importParams.extend({ suggestionId: z.string().regex(/^s\d{1,7}$/) });
const importErrors = errorResponses(400, 401, 403, 404, 409, 413);

/**
 * Importing agreement documents: upload or paste, review the suggested findings, commit. Only
 * officers of a union; a draft is visible to the officers of its union alone.
 */
export const agreementImportsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  await app.register(multipart, {
    limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 },
  });

  const callerOf = async (request: FastifyRequest): Promise<ImportCaller> => ({
    actor: request.actor,
    unions: await unionsOf(db, request.actor),
    now: now(),
  });

  app.post(
    "/agreements/imports",
    {
      config: { access: OFFICERS },
      bodyLimit: IMPORT_LIMITS.maxPastedCharacters * 4 + 1024,
      schema: {
        tags,
        summary:
          "Import a document (multipart field `file`: .txt, .md, .pdf with a text layer, .docx) or pasted text (JSON `{ text }`): split into clauses, detect the language, suggest findings",
        consumes: ["multipart/form-data", "application/json"],
        response: { 201: importDraftSchema, ...importErrors },
      },
    },
    async (request, reply) => {
      const caller = await callerOf(request);
      const { extracted, filename, bytes } = await readUpload(request);
      return reply.code(201).send(await createImport(db, caller, extracted, { filename, bytes }));
    },
  );

  app.get(
    "/agreements/imports",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Import drafts of the caller's union, newest first",
        response: { 200: z.object({ imports: z.array(importSummarySchema) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ imports: await listImportsOf(db, await callerOf(request)) }),
  );

  app.get(
    "/agreements/imports/:importId",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "One import draft: its clauses and suggested findings with their explanations and decisions",
        params: importParams,
        response: { 200: importDraftSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getImport(db, await callerOf(request), request.params.importId),
  );

  app.patch(
    "/agreements/imports/:importId/suggestions/:suggestionId",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Accept, reject or reset one suggestion, optionally with an edited value",
        params: suggestionParams,
        body: suggestionDecisionSchema,
        response: { 200: suggestionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      decideSuggestion(db, await callerOf(request), request.params.importId, request.params.suggestionId, request.body),
  );

  app.post(
    "/agreements/imports/:importId/commit",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Create the agreement from the draft: its clauses verbatim, accepted suggestions as verified findings",
        params: importParams,
        body: importCommitSchema,
        response: {
          201: z.object({ id: z.string(), created: z.boolean() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await commitImport(db, await callerOf(request), request.params.importId, request.body)),
  );

  app.delete(
    "/agreements/imports/:importId",
    {
      config: { access: OFFICERS },
      schema: {
        tags,
        summary: "Discard a draft that was never committed, with its text",
        params: importParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await discardImport(db, await callerOf(request), request.params.importId);
      return reply.code(204).send(null);
    },
  );
};

async function readUpload(
  request: FastifyRequest,
): Promise<{ extracted: ExtractedText; filename: string | null; bytes: number }> {
  if (!request.isMultipart()) {
    const parsed = pastedImportSchema.safeParse(request.body);
    if (!parsed.success) {
      throw new AppError("validation_failed", "Send a file as multipart field `file`, or JSON { text }.", {
        fields: [{ path: "body.text", message: "Required" }],
      });
    }
    return { extracted: pastedText(parsed.data.text), filename: null, bytes: Buffer.byteLength(parsed.data.text) };
  }
  let file: Awaited<ReturnType<FastifyRequest["file"]>>;
  let content: Buffer;
  try {
    file = await request.file();
    if (file?.fieldname !== "file") {
      throw new AppError("validation_failed", "Send the document as multipart field `file`.", {
        fields: [{ path: "body.file", message: "Required" }],
      });
    }
    content = await file.toBuffer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isTooLarge(error)) {
      throw new AppError(
        "import_too_large",
        `The file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MiB.`,
      );
    }
    throw new AppError("validation_failed", "The upload could not be read: send one file as multipart field `file`.", {
      cause: error,
    });
  }
  const filename = file.filename ? file.filename.slice(0, 255) : null;
  return { extracted: await extractText({ filename, bytes: content }), filename, bytes: content.length };
}

function isTooLarge(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "FST_REQ_FILE_TOO_LARGE";
}
