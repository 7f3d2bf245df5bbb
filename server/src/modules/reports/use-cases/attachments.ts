import { ATTACHMENT_LIMITS, type Attachment } from "../../../../../common/reports.ts";
import { decryptText, decryptWithKey, encryptWithKey } from "../../../platform/crypto/envelope.ts";
import type { Db } from "../../../platform/db/database.ts";
import { sniffFileType } from "../../../platform/files/file-type.ts";
import { removeIdentifyingMetadata, UnreadableFileError } from "../../../platform/files/metadata.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { findAttachment, insertAttachment, listAttachmentHeaders } from "../reports.repository.ts";

/** A file as it arrived: the name the reporter's device gave it, and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file ready to be stored: recognized, and cleaned of identifying details unless kept. */
export interface PreparedAttachment {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
  metadata: Attachment["metadata"];
}

type AttachmentHeader = Omit<PreparedAttachment, "bytes"> & { size: number };

/** Why a file is refused. */
export type FileRefusal = "too_large" | "not_accepted" | "damaged";

const REFUSAL_MESSAGES: Record<FileRefusal, string> = {
  too_large: `larger than ${ATTACHMENT_LIMITS.maxFileBytes / 1024 / 1024} MiB`,
  not_accepted: "not a photo (JPEG, PNG, WebP), a PDF or a sound recording (MP3, M4A, 3GP, OGG, WAV, AMR)",
  damaged: "the file is damaged or incomplete",
};

/**
 * Checks a file by its bytes (never its name or declared type) and removes location, camera and
 * author details from the copy officers will see, unless the reporter chose to keep them.
 */
export async function checkAttachment(
  file: UploadedFile,
  keepMetadata: boolean,
  position: number,
): Promise<PreparedAttachment | FileRefusal> {
  if (file.bytes.length > ATTACHMENT_LIMITS.maxFileBytes) return "too_large";
  const type = sniffFileType(file.bytes);
  if (!type) return "not_accepted";
  let cleaned: Awaited<ReturnType<typeof removeIdentifyingMetadata>>;
  try {
    cleaned = await removeIdentifyingMetadata(file.bytes, type);
  } catch (error) {
    if (error instanceof UnreadableFileError) return "damaged";
    throw error;
  }
  const kept = keepMetadata && cleaned.outcome === "removed";
  return {
    name: safeName(file.name) || `attachment-${position}.${type.extension}`,
    mediaType: type.mediaType,
    bytes: kept ? file.bytes : cleaned.bytes,
    metadata: kept ? "kept" : cleaned.outcome,
  };
}

/** Checks every file; the first one refused refuses the request, naming it. */
export async function prepareAttachments(files: UploadedFile[], keepMetadata: boolean): Promise<PreparedAttachment[]> {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) {
    throw new AppError("validation_failed", `Attach at most ${ATTACHMENT_LIMITS.maxFiles} files.`, {
      fields: [{ path: "attachments", message: `At most ${ATTACHMENT_LIMITS.maxFiles} files` }],
    });
  }
  const prepared: PreparedAttachment[] = [];
  for (const [index, file] of files.entries()) {
    const checked = await checkAttachment(file, keepMetadata, index + 1);
    if (typeof checked !== "string") {
      prepared.push(checked);
      continue;
    }
    const message = `${safeName(file.name)}: ${REFUSAL_MESSAGES[checked]}`;
    throw new AppError(checked === "too_large" ? "payload_too_large" : "validation_failed", message, {
      fields: [{ path: `attachments.${index}`, message: REFUSAL_MESSAGES[checked] }],
    });
  }
  return prepared;
}

/** The base name only, without control characters, at most 120 characters. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .slice(0, 120);
}

/** Stores prepared files with the report, each encrypted with the report's key. */
export async function storeAttachments(
  db: Db,
  report: { id: string; organizationId: string },
  attachments: PreparedAttachment[],
  recordKey: Uint8Array,
  now: Date,
): Promise<Attachment[]> {
  const stored: Attachment[] = [];
  for (const { bytes, ...described } of attachments) {
    const header: AttachmentHeader = { ...described, size: bytes.length };
    const id = await insertAttachment(db, {
      report_id: report.id,
      organization_id: report.organizationId,
      created_at: now,
      header: await encryptWithKey(JSON.stringify(header), recordKey),
      content: await encryptWithKey(bytes, recordKey),
    });
    stored.push(describe(id, header, now));
  }
  return stored;
}

/** The report's files, described (name, type, size, what was removed), without their bytes. */
export async function listAttachments(db: Db, reportId: string, recordKey: Uint8Array): Promise<Attachment[]> {
  const rows = await listAttachmentHeaders(db, reportId);
  return Promise.all(
    rows.map(async (row) =>
      describe(row.id, JSON.parse(await decryptText(Uint8Array.from(row.header), recordKey)), row.created_at),
    ),
  );
}

/** One file, decrypted: its description and bytes. */
export async function readAttachment(
  db: Db,
  reportId: string,
  attachmentId: string,
  recordKey: Uint8Array,
): Promise<{ attachment: Attachment; bytes: Uint8Array } | undefined> {
  const row = await findAttachment(db, reportId, attachmentId);
  if (!row) return undefined;
  const header = JSON.parse(await decryptText(Uint8Array.from(row.header), recordKey)) as AttachmentHeader;
  return {
    attachment: describe(row.id, header, row.created_at),
    bytes: await decryptWithKey(Uint8Array.from(row.content), recordKey),
  };
}

function describe(id: string, header: AttachmentHeader, addedAt: Date): Attachment {
  return {
    id,
    name: header.name,
    mediaType: header.mediaType,
    size: header.size,
    metadata: header.metadata,
    addedAt: addedAt.toISOString(),
  };
}
