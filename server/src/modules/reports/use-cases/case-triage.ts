import {
  type CaseReminders,
  type CaseSettings,
  type CaseSummary,
  DUE_SOON_DAYS,
} from "../../../../../common/reports.ts";
import { type Actor, belongsToOrganization, hasOrganizationRole } from "../../../platform/auth/actor.ts";
import { decryptText, encryptWithKey } from "../../../platform/crypto/envelope.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { listOfficers, userDisplayNames } from "../../identity/index.ts";
import {
  countDeadlines,
  findCaseSettings,
  findSealedKey,
  insertNote,
  listNotes,
  recordEvent,
  saveCaseSettings,
  updateCase,
} from "../reports.repository.ts";
import { authorizeCaseWork, caseOf, summarize, withCaseKey } from "./case-access.ts";
import { addDays } from "./deadlines.ts";

/** The organization's officers, for assigning cases and sharing keys. */
export async function listCaseOfficers(db: Db, actor: Actor, organizationId: string) {
  authorizeCaseWork(actor, organizationId);
  return (await listOfficers(db, organizationId)).map(({ userId, displayName, hasKey }) => ({
    userId,
    displayName,
    hasKey,
  }));
}

/** Puts an officer in charge of a case (or nobody); they must be able to open it. */
export async function assignCase(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  assigneeId: string | null,
  now: Date,
): Promise<CaseSummary> {
  const userId = authorizeCaseWork(actor, organizationId);
  await caseOf(db, organizationId, reportId);
  if (assigneeId !== null) {
    const isOfficer = (await listOfficers(db, organizationId)).some((officer) => officer.userId === assigneeId);
    if (!isOfficer) {
      throw new AppError("validation_failed", "Cases can only be assigned to an officer of this organization.", {
        fields: [{ path: "body.userId", message: "Not an officer of this organization" }],
      });
    }
    if (!(await findSealedKey(db, reportId, assigneeId))) {
      throw new AppError("conflict", "This officer cannot open the case yet: share your cases with them first.");
    }
  }
  return inTransaction(db, async (trx) => {
    await updateCase(trx, reportId, { assigned_to: assigneeId });
    const action = assigneeId ? `assigned:${assigneeId}` : "unassigned";
    await recordEvent(trx, { reportId, organizationId, userId, action, at: now });
    return summarize(await caseOf(trx, organizationId, reportId), now);
  });
}

/** Replaces the case's labels (sorted, without duplicates). */
export async function labelCase(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  labels: string[],
  now: Date,
): Promise<CaseSummary> {
  const userId = authorizeCaseWork(actor, organizationId);
  await caseOf(db, organizationId, reportId);
  const unique = [...new Set(labels)].sort((a, b) => a.localeCompare(b));
  return inTransaction(db, async (trx) => {
    await updateCase(trx, reportId, { labels: unique });
    await recordEvent(trx, { reportId, organizationId, userId, action: "labelled", at: now });
    return summarize(await caseOf(trx, organizationId, reportId), now);
  });
}

/** An internal note, encrypted with the case's key like everything else in it; never shown to the reporter. */
export async function addNote(
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
      await insertNote(trx, {
        report_id: reportId,
        organization_id: organizationId,
        author_user_id: userId,
        created_at: now,
        content,
      });
      await recordEvent(trx, { reportId, organizationId, userId, action: "note", at: now });
    });
  });
}

/** The case's notes, decrypted with its key, with their authors' names. */
export async function readNotes(db: Db, reportId: string, recordKey: Uint8Array) {
  const rows = await listNotes(db, reportId);
  const names = await userDisplayNames(
    db,
    rows.flatMap((row) => (row.author_user_id ? [row.author_user_id] : [])),
  );
  return Promise.all(
    rows.map(async (row) => ({
      authorUserId: row.author_user_id,
      authorName: row.author_user_id ? (names.get(row.author_user_id) ?? null) : null,
      at: row.created_at.toISOString(),
      text: await decryptText(Uint8Array.from(row.content), recordKey),
    })),
  );
}

/** Counts of cases past or near a deadline, for the in-app reminder. */
export async function caseReminders(db: Db, actor: Actor, organizationId: string, now: Date): Promise<CaseReminders> {
  authorizeCaseWork(actor, organizationId);
  return countDeadlines(db, organizationId, now, addDays(now, DUE_SOON_DAYS));
}

/** Officers and admins of the organization set its deadlines and retention. */
function authorizeSettings(actor: Actor, organizationId: string): string {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
  if (!belongsToOrganization(actor, organizationId)) throw notFound("organization");
  if (!hasOrganizationRole(actor, organizationId, ["officer", "admin"])) {
    throw new AppError("forbidden", "Only the organization's officers and administrators set case deadlines.");
  }
  return actor.userId;
}

export async function getCaseSettings(db: Db, actor: Actor, organizationId: string): Promise<CaseSettings> {
  authorizeSettings(actor, organizationId);
  return caseSettingsOf(db, organizationId);
}

/** New deadlines apply to cases received from now on; cases already received keep theirs. */
export async function updateCaseSettings(
  db: Db,
  actor: Actor,
  organizationId: string,
  settings: CaseSettings,
): Promise<CaseSettings> {
  authorizeSettings(actor, organizationId);
  await saveCaseSettings(db, {
    organization_id: organizationId,
    acknowledge_days: settings.acknowledgeDays,
    feedback_months: settings.feedbackMonths,
    retention_days: settings.retentionDays,
  });
  return caseSettingsOf(db, organizationId);
}

/** The organization's settings, without authorization: for filing and referring reports. */
export async function caseSettingsOf(db: Db, organizationId: string): Promise<CaseSettings> {
  const row = await findCaseSettings(db, organizationId);
  return {
    acknowledgeDays: row.acknowledge_days,
    feedbackMonths: row.feedback_months,
    retentionDays: row.retention_days,
  };
}
