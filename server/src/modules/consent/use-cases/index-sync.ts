import type { IdentifierScheme } from "../../../../../common/consent.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { ConsentContext } from "../consent.context.ts";
import {
  type AssetRow,
  type ConsentChange,
  type GrantRow,
  isOnStrike,
  listAssets,
  listGrants,
  listIdentifiers,
  listStrikes,
} from "../consent.repository.ts";
import { DecisionIndex, type IndexedAsset, type IndexedGrant } from "../decision-index.ts";

export function indexedAsset(row: AssetRow, identifiers: { scheme: string; value: string }[]): IndexedAsset {
  return {
    id: row.id,
    organizationId: row.organization_id,
    identifiers: identifiers.map(({ scheme, value }) => ({ scheme: scheme as IdentifierScheme, value })),
    sha256: row.sha256,
    fingerprint: row.fingerprint,
    permittedUses: row.permitted_uses,
  };
}

export function indexedGrant(row: GrantRow): IndexedGrant {
  return {
    id: row.id,
    assetId: row.asset_id,
    requesterId: row.requester_id,
    scope: row.scope,
    terms: row.terms,
    status: row.status,
    logIndex: row.log_index === null ? null : Number(row.log_index),
  };
}

/** The whole index from the database, as on start. */
export async function buildDecisionIndex(db: Db): Promise<DecisionIndex> {
  const index = new DecisionIndex();
  const identifiers = new Map<string, { scheme: string; value: string }[]>();
  for (const row of await listIdentifiers(db)) {
    identifiers.set(row.asset_id, [...(identifiers.get(row.asset_id) ?? []), row]);
  }
  for (const asset of await listAssets(db)) index.putAsset(indexedAsset(asset, identifiers.get(asset.id) ?? []));
  for (const grant of await listGrants(db)) index.putGrant(indexedGrant(grant));
  for (const unionId of await listStrikes(db)) index.setStrike(unionId, true);
  return index;
}

/** Reloads what a NOTIFY names (or, for "*", everything) into the index. */
export async function applyChange(context: ConsentContext, payload: string): Promise<void> {
  if (payload === "*") {
    context.index = await buildDecisionIndex(context.db);
    return;
  }
  const change = JSON.parse(payload) as ConsentChange;
  if (change.kind === "strike") {
    context.index.setStrike(change.unionId, await isOnStrike(context.db, change.unionId));
  } else if (change.kind === "asset") {
    const [asset] = await listAssets(context.db, { ids: [change.id] });
    if (!asset) context.index.removeAsset(change.id);
    else context.index.putAsset(indexedAsset(asset, await listIdentifiers(context.db, [change.id])));
  } else {
    const [grant] = await listGrants(context.db, { grantId: change.id });
    if (grant) context.index.putGrant(indexedGrant(grant));
    else context.index.removeGrant(change.id);
  }
}
