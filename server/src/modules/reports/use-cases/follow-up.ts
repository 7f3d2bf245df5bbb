import type { Attachment, ReporterView } from "../../../../../common/reports.ts";
import { decryptWithKey, encryptWithKey } from "../../../platform/crypto/envelope.ts";
import { deriveReceiptSecrets, normalizeReceipt, RECEIPT_DIGITS } from "../../../platform/crypto/receipts.ts";
import { getSodium } from "../../../platform/crypto/sodium.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { organizationNames } from "../../identity/index.ts";
import { findReportByReceiptLookup, insertMessage, receiptSalt, recordEvent } from "../reports.repository.ts";
import { type PreparedAttachment, storeAttachments } from "./attachments.ts";
import { readCaseFile, timelineOf } from "./case-file.ts";

/** Typed receipts that cannot be one still cost one Argon2id run, so every wrong receipt takes as long. */
const DECOY_DIGITS = "0".repeat(RECEIPT_DIGITS);

/**
 * The report a receipt opens, with its key. Every wrong receipt, malformed or not, gets the same
 * error after the same work.
 */
async function openWithReceipt(db: Db, typedReceipt: string) {
  const digits = normalizeReceipt(typedReceipt);
  const secrets = await deriveReceiptSecrets(digits ?? DECOY_DIGITS, await receiptSalt(db));
  const sodium = await getSodium();
  try {
    const report = digits === null ? undefined : await findReportByReceiptLookup(db, secrets.lookup);
    if (!report) throw wrongReceipt();
    const recordKey = await decryptWithKey(Uint8Array.from(report.key_for_reporter), secrets.key).catch(() => {
      throw wrongReceipt();
    });
    return { report, recordKey };
  } finally {
    sodium.memzero(secrets.key);
  }
}

function wrongReceipt(): AppError {
  return new AppError("invalid_receipt", "This receipt does not match a report.");
}

/** Public, with the receipt alone: the report's status, what the reporter wrote, and the messages. */
export async function followUpReport(db: Db, typedReceipt: string): Promise<ReporterView> {
  const { report, recordKey } = await openWithReceipt(db, typedReceipt);
  try {
    const caseFile = await readCaseFile(db, report.id, report.content, recordKey);
    const names = await organizationNames(db, [report.organization_id]);
    return { ...timelineOf(report), organizationName: names.get(report.organization_id) ?? "", ...caseFile };
  } finally {
    (await getSodium()).memzero(recordKey);
  }
}

/** Public, with the receipt alone: the reporter adds a message (an answer, or more information) and files. */
export async function addReporterMessage(
  db: Db,
  typedReceipt: string,
  text: string,
  now: Date,
  attachments: PreparedAttachment[] = [],
): Promise<Attachment[]> {
  const { report, recordKey } = await openWithReceipt(db, typedReceipt);
  try {
    const content = await encryptWithKey(text, recordKey);
    return await inTransaction(db, async (trx) => {
      await insertMessage(trx, {
        reportId: report.id,
        organizationId: report.organization_id,
        author: "reporter",
        userId: null,
        at: now,
        content,
      });
      await recordEvent(trx, {
        reportId: report.id,
        organizationId: report.organization_id,
        userId: null,
        action: "reporter_message",
        at: now,
      });
      const target = { id: report.id, organizationId: report.organization_id };
      return storeAttachments(trx, target, attachments, recordKey, now);
    });
  } finally {
    (await getSodium()).memzero(recordKey);
  }
}
