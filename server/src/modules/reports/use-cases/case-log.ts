import type { CaseSummary } from "../../../../../common/reports.ts";
import type { Db } from "../../../platform/db/database.ts";
import { appendEntryToLog, commitTo, eraseSubject } from "../../transparency/index.ts";

/**
 * What the transparency log learns about a case: that it moved, where and to which status, under a
 * commitment to its id — never what it says. Deleting the case erases the commitment's salt. Each
 * returns the entry's index, for the case's own records.
 */
const subjectOf = (reportId: string) => `report:${reportId}`;

export async function logCaseStatus(
  trx: Db,
  change: {
    reportId: string;
    organizationId: string;
    status: CaseSummary["status"];
    outcome?: CaseSummary["outcome"];
  },
  now: Date,
): Promise<number> {
  const report = await commitTo(trx, subjectOf(change.reportId), change.reportId, now);
  return appendEntryToLog(
    trx,
    {
      kind: "report.status",
      report,
      organization: change.organizationId,
      status: change.status,
      outcome: change.outcome ?? null,
    },
    now,
  );
}

export async function logCaseReferred(
  trx: Db,
  referral: { reportId: string; from: string; to: string },
  now: Date,
): Promise<number> {
  const report = await commitTo(trx, subjectOf(referral.reportId), referral.reportId, now);
  return appendEntryToLog(trx, { kind: "report.referred", report, from: referral.from, to: referral.to }, now);
}

/** The case is gone (deleted by an officer, or expired): logged, then its commitment can no longer be opened. */
export async function logCaseRemoved(
  trx: Db,
  removal: { reportId: string; organizationId: string; reason: "deleted" | "expired" },
  now: Date,
): Promise<number> {
  const report = await commitTo(trx, subjectOf(removal.reportId), removal.reportId, now);
  const index = await appendEntryToLog(
    trx,
    { kind: "report.removed", report, organization: removal.organizationId, reason: removal.reason },
    now,
  );
  await eraseSubject(trx, subjectOf(removal.reportId));
  return index;
}
