import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ATTACHMENT_LIMITS } from "../../../../common/reports.ts";
import { AppError } from "../../platform/http/app-error.ts";
import type { UploadedFile } from "./use-cases/attachments.ts";

/** A posted form: its text fields (each name may repeat) and the files chosen in it. */
export interface PostedForm {
  fields: Map<string, string[]>;
  files: UploadedFile[];
  /** Names of files cut off at the size limit (left out of `files`). */
  oversized: string[];
}

const MAX_FIELD_BYTES = 64 * 1024;

/** Lets the routes of `app` read multipart forms with attachments, within the attachment limits. */
export async function acceptAttachments(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    // A file past the limit is cut off and the rest of the form still read, so the form can come back whole.
    throwFileSizeLimit: false,
    limits: {
      fileSize: ATTACHMENT_LIMITS.maxFileBytes,
      // One more than allowed, so that one file too many is refused with the form, not as a broken upload.
      files: ATTACHMENT_LIMITS.maxFiles + 1,
      fields: 60,
      fieldSize: MAX_FIELD_BYTES,
      parts: 60 + ATTACHMENT_LIMITS.maxFiles,
      headerPairs: 100,
    },
  });
}

/**
 * Reads a whole multipart form into memory, refusing it clearly past any limit. A file input left
 * empty in an HTML form arrives as a nameless empty part; it is skipped.
 */
export async function readPostedForm(request: FastifyRequest, fileField: string): Promise<PostedForm> {
  const form: PostedForm = { fields: new Map(), files: [], oversized: [] };
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        const bytes = await part.toBuffer();
        if (part.fieldname !== fileField) continue;
        if (bytes.length === 0 && !part.filename) continue;
        if (part.file.truncated) {
          form.oversized.push(part.filename ?? "");
          continue;
        }
        form.files.push({ name: part.filename ?? "", bytes: new Uint8Array(bytes) });
      } else {
        if (part.valueTruncated) throw new AppError("payload_too_large", "A field of the form is too long.");
        const values = form.fields.get(part.fieldname) ?? [];
        values.push(String(part.value));
        form.fields.set(part.fieldname, values);
      }
    }
  } catch (error) {
    throw error instanceof AppError ? error : refusal(error);
  }
  return form;
}

/** For the API: a file past the size limit refuses the whole request. */
export function refuseOversized(form: PostedForm): void {
  if (form.oversized.length > 0) {
    const mib = ATTACHMENT_LIMITS.maxFileBytes / 1024 / 1024;
    throw new AppError("payload_too_large", `${form.oversized.join(", ")}: each file may be at most ${mib} MiB.`);
  }
}

export function fieldOf(form: PostedForm, name: string): string | undefined {
  return form.fields.get(name)?.[0];
}

function refusal(error: unknown): AppError {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
    case "FST_PARTS_LIMIT":
      return new AppError("payload_too_large", "The form is too large.", { cause: error });
    default:
      return new AppError("validation_failed", "The form could not be read. Send it again.", { cause: error });
  }
}
