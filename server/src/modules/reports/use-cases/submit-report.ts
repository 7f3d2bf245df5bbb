import type { Attachment, ReportContent, ReportSubmission } from "../../../../../common/reports.ts";
import { createRecordKey, encryptWithKey, sealToReader } from "../../../platform/crypto/envelope.ts";
import { createReceipt, deriveReceiptSecrets, normalizeReceipt } from "../../../platform/crypto/receipts.ts";
import { getSodium } from "../../../platform/crypto/sodium.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { agreementReferenceExists } from "../../agreements/index.ts";
import { listReportReceivers, officerReaderKeys } from "../../identity/index.ts";
import { insertReport, receiptSalt, recordEvent, updateCase } from "../reports.repository.ts";
import { type PreparedAttachment, storeAttachments } from "./attachments.ts";
import { logCaseStatus } from "./case-log.ts";
import { caseSettingsOf } from "./case-triage.ts";
import { addDays, addMonths } from "./deadlines.ts";

export interface FiledReport {
  receipt: string;
  reportId: string;
  organizationName: string;
  acknowledgeBy: Date;
  feedbackBy: Date;
  attachments: Attachment[];
}

/**
 * Public, no account: files a report with the chosen organization. Everything the reporter wrote is
 * encrypted with a new key, sealed to each of the organization's officers and wrapped with the
 * receipt's key, and so are the attached files (already prepared). Returns the receipt, which exists
 * nowhere else: show it once.
 */
export async function submitReport(
  db: Db,
  submission: ReportSubmission,
  now: Date,
  attachments: PreparedAttachment[] = [],
): Promise<FiledReport> {
  const receivers = await listReportReceivers(db, { organizationId: submission.organizationId });
  if (receivers.length === 0) {
    throw new AppError("validation_failed", "This organization does not receive reports. Choose another one.", {
      fields: [{ path: "body.organizationId", message: "Does not receive reports" }],
    });
  }
  await checkAgreementReference(db, submission);
  const officers = await officerReaderKeys(db, submission.organizationId);
  const { organizationId, sector, ...content } = submission;

  const sodium = await getSodium();
  const receipt = await createReceipt();
  const receiptKey = await deriveReceiptSecrets(normalizeReceipt(receipt) as string, await receiptSalt(db));
  const recordKey = await createRecordKey();
  try {
    const encrypted = await encryptWithKey(JSON.stringify(content satisfies ReportContent), recordKey);
    const keyForReporter = await encryptWithKey(recordKey, receiptKey.key);
    const seals = await Promise.all(
      officers.map(async (officer) => ({
        userId: officer.userId,
        sealedKey: await sealToReader(recordKey, officer.publicKey),
      })),
    );
    const deadlines = await caseSettingsOf(db, organizationId);
    const acknowledgeBy = addDays(now, deadlines.acknowledgeDays);
    const feedbackBy = addMonths(now, deadlines.feedbackMonths);
    return await inTransaction(db, async (trx) => {
      const id = await insertReport(
        trx,
        {
          organization_id: organizationId,
          kind: submission.kind,
          category: submission.kind === "violation" ? submission.category : "accident",
          country: submission.workplace.country,
          sector: sector ?? null,
          received_at: now,
          acknowledge_by: acknowledgeBy,
          feedback_by: feedbackBy,
          receipt_lookup: receiptKey.lookup,
          key_for_reporter: keyForReporter,
          content: encrypted,
        },
        seals,
      );
      const stored = await storeAttachments(trx, { id, organizationId }, attachments, recordKey, now);
      // Last, because appending holds the log's lock until this transaction commits.
      const logIndex = await logCaseStatus(trx, { reportId: id, organizationId, status: "new" }, now);
      await updateCase(trx, id, { status_log_index: logIndex });
      await recordEvent(trx, { reportId: id, organizationId, userId: null, action: "received", at: now, logIndex });
      const organizationName = receivers[0]?.name ?? "";
      return { receipt, reportId: id, organizationName, acknowledgeBy, feedbackBy, attachments: stored };
    });
  } finally {
    sodium.memzero(recordKey);
    sodium.memzero(receiptKey.key);
  }
}

/** A breach must name an agreement (and clause) the library holds, so officers can look it up. */
async function checkAgreementReference(db: Db, submission: ReportSubmission): Promise<void> {
  if (submission.kind !== "violation" || !submission.agreement) return;
  const found = await agreementReferenceExists(db, submission.agreement);
  if (!found.agreement) {
    throw new AppError("validation_failed", "This agreement is not in the library.", {
      fields: [{ path: "body.agreement.agreementId", message: "Not in the library" }],
    });
  }
  if (!found.clause) {
    throw new AppError("validation_failed", "This clause is not part of the agreement named.", {
      fields: [{ path: "body.agreement.clauseId", message: "Not a clause of this agreement" }],
    });
  }
}
