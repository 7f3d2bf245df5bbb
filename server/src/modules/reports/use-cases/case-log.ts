import type { CaseSummary } from "../../../../../common/reports.ts";
import type { Db } from "../../../platform/db/database.ts";
import { appendToLog, commitTo, eraseSubject } from "../../transparency/index.ts";

/**
 * What the transparency log learns about a case: that it moved, where and to which status, under a
 * commitment to its id — never what it says. Deleting the case erases the commitment's salt.
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
): Promise<void> {
  const report = await commitTo(trx, subjectOf(change.reportId), change.reportId, now);
  await appendToLog(
    trx,
    [
      {
        kind: "report.status",
        report,
        organization: change.organizationId,
        status: change.status,
        outcome: change.outcome ?? null,
      },
    ],
    now,
  );
}

export async function logCaseReferred(
  trx: Db,
  referral: { reportId: string; from: string; to: string },
  now: Date,
): Promise<void> {
  const report = await commitTo(trx, subjectOf(referral.reportId), referral.reportId, now);
  await appendToLog(trx, [{ kind: "report.referred", report, from: referral.from, to: referral.to }], now);
}

/** The case is gone (deleted by an officer, or expired): logged, then its commitment can no longer be opened. */
export async function logCaseRemoved(
  trx: Db,
  removal: { reportId: string; organizationId: string; reason: "deleted" | "expired" },
  now: Date,
): Promise<void> {
  const report = await commitTo(trx, subjectOf(removal.reportId), removal.reportId, now);
  await appendToLog(
    trx,
    [{ kind: "report.removed", report, organization: removal.organizationId, reason: removal.reason }],
    now,
  );
  await eraseSubject(trx, subjectOf(removal.reportId));
}
