import type { Db } from "../../../platform/db/database.ts";
import { sectorCoverage } from "../../agreements/index.ts";
import { listReportReceivers } from "../../identity/index.ts";

/**
 * Who can receive a report from this country and sector: labour authorities (every sector), unions
 * with an agreement in the sector, and unions whose agreements are not in the library (their
 * sectors are unknown, so they are not hidden).
 */
export async function reportReceivers(db: Db, filter: { country?: string | undefined; sector?: string | undefined }) {
  const receivers = await listReportReceivers(db, filter.country ? { country: filter.country } : {});
  if (!filter.sector) return receivers;
  const unions = receivers.filter((receiver) => receiver.kind === "union").map((receiver) => receiver.id);
  const { covering, unknown } = await sectorCoverage(db, unions, filter.sector);
  return receivers.filter((r) => r.kind === "authority" || covering.has(r.id) || unknown.has(r.id));
}
