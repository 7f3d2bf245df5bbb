import { type CaseSummary, DUE_SOON_DAYS } from "../../../../../common/reports.ts";
import { type Actor, belongsToOrganization, hasOrganizationRole } from "../../../platform/auth/actor.ts";
import { openSealed } from "../../../platform/crypto/envelope.ts";
import { getSodium } from "../../../platform/crypto/sodium.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { findCase, findSealedKey } from "../reports.repository.ts";
import { timelineOf } from "./case-file.ts";
import { addDays } from "./deadlines.ts";

/** Officers of the organization holding the case work on it; outsiders learn nothing, not even that it exists. */
export function authorizeCaseWork(actor: Actor, organizationId: string): string {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
  if (!belongsToOrganization(actor, organizationId)) throw notFound("organization");
  if (!hasOrganizationRole(actor, organizationId, ["officer"])) {
    throw new AppError("forbidden", "Only the organization's officers work on reports.");
  }
  return actor.userId;
}

type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function summarize(row: Omit<CaseRow, "content">, now: Date): CaseSummary {
  const open = row.status !== "resolved" && row.status !== "closed";
  const overdue =
    row.status === "new" && now > row.acknowledge_by
      ? "acknowledge"
      : open && now > row.feedback_by
        ? "feedback"
        : null;
  const soon = addDays(now, DUE_SOON_DAYS);
  const dueSoon =
    overdue !== null
      ? null
      : row.status === "new" && row.acknowledge_by <= soon
        ? "acknowledge"
        : open && row.status !== "new" && row.feedback_by <= soon
          ? "feedback"
          : null;
  return {
    ...timelineOf(row),
    id: row.id,
    kind: row.kind,
    category: row.category,
    country: row.country,
    sector: row.sector,
    overdue,
    dueSoon,
    assignedTo: row.assigned_to,
    labels: row.labels,
  };
}

export async function caseOf(db: Db, organizationId: string, reportId: string): Promise<CaseRow> {
  const row = await findCase(db, organizationId, reportId);
  if (!row) throw notFound("report");
  return row;
}

/** The case's key, opened with the officer's session key. */
export async function openCaseKey(db: Db, actor: Actor, reportId: string, userId: string): Promise<Uint8Array> {
  const readerKey = actor.kind === "user" ? await actor.session.readerKey() : null;
  if (!readerKey) {
    throw new AppError("forbidden", "Sign in again to open case files: your key is unlocked at sign-in.");
  }
  const sealed = await findSealedKey(db, reportId, userId);
  if (!sealed) throw new AppError("forbidden", "This case was not shared with you; another officer can share it.");
  return openSealed(Uint8Array.from(sealed), readerKey);
}

/**
 * Runs `use` with the case's key, opened for an officer of the organization holding the case;
 * the key is wiped afterwards, whatever happens.
 */
export async function withCaseKey<T>(
  db: Db,
  actor: Actor,
  organizationId: string,
  reportId: string,
  use: (recordKey: Uint8Array, userId: string, row: CaseRow) => Promise<T>,
): Promise<T> {
  const userId = authorizeCaseWork(actor, organizationId);
  const row = await caseOf(db, organizationId, reportId);
  const recordKey = await openCaseKey(db, actor, reportId, userId);
  try {
    return await use(recordKey, userId, row);
  } finally {
    (await getSodium()).memzero(recordKey);
  }
}
