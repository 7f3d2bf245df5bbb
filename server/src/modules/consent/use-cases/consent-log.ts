import type { ConsentStatus, Scope } from "../../../../../common/consent.ts";
import type { Db } from "../../../platform/db/database.ts";
import { appendEntryToLog, commitTo } from "../../transparency/index.ts";

/**
 * What the transparency log learns about consent: which union's member (a commitment, never who),
 * which asset and request (commitments), which organization asked, the scope's shape and the DPV
 * status. Project names are commitments too: they can be confidential.
 */
export async function logConsentEvent(
  trx: Db,
  event: {
    kind: string;
    requestId: string;
    assetId: string;
    unionId: string;
    requesterId: string;
    status: ConsentStatus;
    scope: Scope;
    clauses?: string[];
  },
  now: Date,
): Promise<number> {
  const request = await commitTo(trx, `consent-request:${event.requestId}`, event.requestId, now);
  const asset = await commitTo(trx, `consent-asset:${event.assetId}`, event.assetId, now);
  const project =
    event.scope.project === null
      ? null
      : await commitTo(trx, `consent-request:${event.requestId}`, `project:${event.scope.project}`, now);
  return appendEntryToLog(
    trx,
    {
      kind: event.kind,
      request,
      asset,
      union: event.unionId,
      requester: event.requesterId,
      status: event.status,
      useTypes: event.scope.useTypes,
      generative: event.scope.generative,
      project,
      territories: event.scope.territories,
      from: event.scope.from,
      to: event.scope.to,
      ...(event.clauses ? { clauses: event.clauses } : {}),
    },
    now,
  );
}

export async function logAssetRegistered(trx: Db, asset: { id: string; unionId: string; kind: string }, now: Date) {
  const commitment = await commitTo(trx, `consent-asset:${asset.id}`, asset.id, now);
  return appendEntryToLog(
    trx,
    { kind: "consent.asset", asset: commitment, union: asset.unionId, assetKind: asset.kind },
    now,
  );
}

export async function logStrike(trx: Db, strike: { unionId: string; onStrike: boolean }, now: Date) {
  return appendEntryToLog(trx, { kind: "consent.strike", union: strike.unionId, onStrike: strike.onStrike }, now);
}
