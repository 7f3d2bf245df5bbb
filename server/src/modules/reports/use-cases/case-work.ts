import type { CaseSummary, CaseView } from "../../../../../common/reports.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { encryptWithKey, sealToReader } from "../../../platform/crypto/envelope.ts";
import { getSodium } from "../../../platform/crypto/sodium.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { listReportReceivers, officerReaderKeys } from "../../identity/index.ts";
import {
  deleteReport,
  insertMessage,
  insertSealRows,
  listCases,
  listCasesSealedToOnlyOne,
  moveCase,
  type QueueFilter,
  recordEvent,
  replaceSeals,
  updateCase,
} from "../reports.repository.ts";
import { readAttachment } from "./attachments.ts";
import { authorizeCaseWork, caseOf, openCaseKey, summarize, withCaseKey } from "./case-access.ts";
import { readCaseFile } from "./case-file.ts";
import { logCaseReferred, logCaseRemoved, logCaseStatus } from "./case-log.ts";
import { caseSettingsOf, readNotes } from "./case-triage.ts";
import { addDays } from "./deadlines.ts";

/** The organization's newest 500 cases matching the filter, overdue ones marked. Reads nothing encrypted. */
export async function listQueue(
  db: Db,
  actor: Actor,
  organizationId: string,
  now: Date,
  filter: { status?: QueueFilter["status"]; label?: string; assigned?: string } = {},
): Promise<CaseSummary[]> {
  const userId = authorizeCaseWork(actor, organizationId);
  const assignedTo =
    filter.assigned === undefined
      ? undefined
      : filter.assigned === "nobody"
        ? null
        : filter.assigned === "me"
          ? userId
          : filter.assigned;
  const rows = await listCases(db, organizationId, {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.label ? { label: filter.label } : {}),
    ...(assignedTo !== undefined ? { assignedTo } : {}),
  });
  return rows.map((row) => summarize(row, now));
}

/** One case, decrypted for the officer; the access is recorded (who, when; never what was read). */
export async function openCase(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  now: Date,
): Promise<CaseView> {
  return withCaseKey(db, actor, organizationId, reportId, async (recordKey, userId, row) => {
    const caseFile = await readCaseFile(db, reportId, row.content, recordKey);
    const notes = await readNotes(db, reportId, recordKey);
    await recordEvent(db, { reportId, organizationId, userId, action: "viewed", at: now });
    return { ...summarize(row, now), ...caseFile, notes };
  });
}

/** One attached file, decrypted for the officer; the access is recorded like opening the case. */
export async function openAttachment(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  attachmentId: string,
  now: Date,
) {
  return withCaseKey(db, actor, organizationId, reportId, async (recordKey, userId) => {
    const file = await readAttachment(db, reportId, attachmentId, recordKey);
    if (!file) throw notFound("attachment");
    await recordEvent(db, { reportId, organizationId, userId, action: "attachment_viewed", at: now });
    return file;
  });
}

/** Confirms receipt to the reporter (EU directive: within 7 days). */
export async function acknowledgeCase(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  now: Date,
): Promise<CaseSummary> {
  const userId = authorizeCaseWork(actor, organizationId);
  const row = await caseOf(db, organizationId, reportId);
  if (row.status !== "new") throw new AppError("conflict", "This case has already been acknowledged.");
  return inTransaction(db, async (trx) => {
    const logIndex = await logCaseStatus(trx, { reportId, organizationId, status: "acknowledged" }, now);
    await updateCase(trx, reportId, { status: "acknowledged", acknowledged_at: now, status_log_index: logIndex });
    await recordEvent(trx, { reportId, organizationId, userId, action: "acknowledged", at: now, logIndex });
    return summarize(await caseOf(trx, organizationId, reportId), now);
  });
}

/** Moves a case on; resolving or closing it records its outcome. */
export async function changeCaseStatus(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  change: { status: "in_progress" | "resolved" | "closed"; outcome?: CaseSummary["outcome"] },
  now: Date,
): Promise<CaseSummary> {
  const userId = authorizeCaseWork(actor, organizationId);
  const row = await caseOf(db, organizationId, reportId);
  if (row.status === "closed") throw new AppError("conflict", "This case is closed.");
  const outcome = change.status === "in_progress" ? null : (change.outcome ?? null);
  return inTransaction(db, async (trx) => {
    const logIndex = await logCaseStatus(trx, { reportId, organizationId, status: change.status, outcome }, now);
    await updateCase(trx, reportId, {
      status: change.status,
      outcome,
      acknowledged_at: row.acknowledged_at ?? now,
      resolved_at: change.status === "in_progress" ? null : (row.resolved_at ?? now),
      status_log_index: logIndex,
    });
    const action = `status:${change.status}`;
    await recordEvent(trx, { reportId, organizationId, userId, action, at: now, logIndex });
    return summarize(await caseOf(trx, organizationId, reportId), now);
  });
}

/** A message to the reporter, encrypted with the case's key; they read it with their receipt. */
export async function replyToReporter(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  text: string,
  now: Date,
): Promise<void> {
  await withCaseKey(db, actor, organizationId, reportId, async (recordKey, userId) => {
    const content = await encryptWithKey(text, recordKey);
    await inTransaction(db, async (trx) => {
      await insertMessage(trx, { reportId, organizationId, author: "officer", userId, at: now, content });
      await recordEvent(trx, { reportId, organizationId, userId, action: "officer_message", at: now });
    });
  });
}

/**
 * Gives another officer of the organization access to every case the acting officer can open and
 * they cannot yet: a new officer, or one who lost both password and recovery code (decision 0006).
 */
export async function shareCases(
  db: Db,
  actor: Actor,
  organizationId: string,
  recipientUserId: string,
  now: Date,
): Promise<{ shared: number }> {
  const userId = authorizeCaseWork(actor, organizationId);
  const recipient = (await officerReaderKeys(db, organizationId)).find((k) => k.userId === recipientUserId);
  if (!recipient) {
    throw new AppError(
      "validation_failed",
      "Cases can only be shared with an officer of this organization who has signed in once.",
      {
        fields: [{ path: "body.userId", message: "Not an officer with a key" }],
      },
    );
  }
  const missing = await listCasesSealedToOnlyOne(db, organizationId, userId, recipientUserId);
  const sodium = await getSodium();
  const seals: { reportId: string; sealedKey: Uint8Array }[] = [];
  for (const reportId of missing) {
    const recordKey = await openCaseKey(db, actor, reportId, userId);
    seals.push({ reportId, sealedKey: await sealToReader(recordKey, recipient.publicKey) });
    sodium.memzero(recordKey);
  }
  await inTransaction(db, async (trx) => {
    await insertSealRows(
      trx,
      seals.map((seal) => ({ ...seal, organizationId, userId: recipientUserId })),
    );
    for (const { reportId } of seals) {
      await recordEvent(trx, { reportId, organizationId, userId, action: `shared:${recipientUserId}`, at: now });
    }
  });
  return { shared: seals.length };
}

/**
 * Sends a case to another organization that receives reports: its key is sealed to that
 * organization's officers and this organization's copies are destroyed.
 */
export async function referCase(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  targetOrganizationId: string,
  now: Date,
): Promise<void> {
  const userId = authorizeCaseWork(actor, organizationId);
  const row = await caseOf(db, organizationId, reportId);
  if (row.status === "closed") throw new AppError("conflict", "This case is closed.");
  const receivers = await listReportReceivers(db, { organizationId: targetOrganizationId });
  if (targetOrganizationId === organizationId || receivers.length === 0) {
    throw new AppError("validation_failed", "Choose another organization that receives reports.", {
      fields: [{ path: "body.organizationId", message: "Does not receive reports" }],
    });
  }
  const officers = await officerReaderKeys(db, targetOrganizationId);
  const { acknowledgeDays } = await caseSettingsOf(db, targetOrganizationId);
  const recordKey = await openCaseKey(db, actor, reportId, userId);
  try {
    const seals = await Promise.all(
      officers.map(async (officer) => ({
        userId: officer.userId,
        sealedKey: await sealToReader(recordKey, officer.publicKey),
      })),
    );
    await inTransaction(db, async (trx) => {
      const logIndex = await logCaseReferred(trx, { reportId, from: organizationId, to: targetOrganizationId }, now);
      await recordEvent(trx, {
        reportId,
        organizationId,
        userId,
        action: `referred_to:${targetOrganizationId}`,
        at: now,
        logIndex,
      });
      const acknowledgeBy = addDays(now, acknowledgeDays);
      await moveCase(trx, reportId, { organizationId: targetOrganizationId, acknowledgeBy, logIndex });
      await replaceSeals(trx, reportId, targetOrganizationId, seals);
      await recordEvent(trx, {
        reportId,
        organizationId: targetOrganizationId,
        userId: null,
        action: `referred_from:${organizationId}`,
        at: now,
        logIndex,
      });
    });
  } finally {
    (await getSodium()).memzero(recordKey);
  }
}

/** Deletes a closed case with its messages and every copy of its key: what it said can no longer be read. */
export async function deleteCase(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  now: Date,
): Promise<void> {
  const userId = authorizeCaseWork(actor, organizationId);
  const row = await caseOf(db, organizationId, reportId);
  if (row.status !== "closed") throw new AppError("conflict", "Close the case before deleting it.");
  await inTransaction(db, async (trx) => {
    const logIndex = await logCaseRemoved(trx, { reportId, organizationId, reason: "deleted" }, now);
    await recordEvent(trx, { reportId, organizationId, userId, action: "deleted", at: now, logIndex });
    await deleteReport(trx, reportId);
  });
}
