import type { Asset, AssetInput } from "../../../../../common/consent.ts";
import { normalizeIdentifier } from "../../../../../common/identifiers.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { inTransaction } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { ConsentContext } from "../consent.context.ts";
import { authorizeListOwnAssets, authorizeRegisterAsset } from "../consent.policies.ts";
import {
  findAsset,
  insertAsset,
  listAssets,
  listIdentifiers,
  notifyChange,
  setAssetLogIndex,
} from "../consent.repository.ts";
import { logAssetRegistered } from "./consent-log.ts";
import { indexedAsset } from "./index-sync.ts";
import { toAsset } from "./views.ts";

/** A member registers a work or a personal attribute with their union; it is not permitted for any use until they say so. */
export async function registerAsset(
  context: ConsentContext,
  actor: Actor,
  unionId: string,
  input: AssetInput,
): Promise<Asset> {
  const memberId = authorizeRegisterAsset(actor, unionId);
  const identifiers = input.kind === "work" ? normalizedIdentifiers(input.identifiers) : [];
  const now = context.now();
  const id = await inTransaction(context.db, async (trx) => {
    const assetId = await insertAsset(trx, {
      organizationId: unionId,
      memberId,
      kind: input.kind,
      workKind: input.kind === "work" ? input.workKind : null,
      attribute: input.kind === "attribute" ? input.attribute : null,
      title: input.title,
      identifiers,
      sha256: input.kind === "work" ? (input.sha256 ?? null) : null,
      fingerprint: input.kind === "work" ? (input.fingerprint ?? null) : null,
      permittedUses: input.permittedUses,
      registeredBy: memberId,
      createdAt: now,
    });
    await setAssetLogIndex(
      trx,
      assetId,
      await logAssetRegistered(trx, { id: assetId, unionId, kind: input.kind }, now),
    );
    await notifyChange(trx, { kind: "asset", id: assetId });
    return assetId;
  });
  const row = await findAsset(context.db, id);
  if (!row) throw new Error(`Asset ${id} vanished after it was registered.`);
  context.index.putAsset(indexedAsset(row, identifiers));
  return toAsset(row, identifiers);
}

function normalizedIdentifiers(identifiers: { scheme: Asset["identifiers"][number]["scheme"]; value: string }[]) {
  const problems: { path: string; message: string }[] = [];
  const normalized = identifiers.flatMap(({ scheme, value }, i) => {
    const result = normalizeIdentifier(scheme, value);
    if (result.ok) return [{ scheme, value: result.value }];
    problems.push({ path: `body.identifiers.${i}.value`, message: result.message });
    return [];
  });
  if (problems.length > 0)
    throw new AppError("validation_failed", "Some identifiers are not valid.", { fields: problems });
  return normalized;
}

/** The member's own assets (an officer of the union sees every member's). */
export async function listMyAssets(context: ConsentContext, actor: Actor, unionId: string): Promise<Asset[]> {
  const userId = authorizeListOwnAssets(actor, unionId);
  const isOfficer =
    actor.kind === "user" && actor.memberships.some((m) => m.organizationId === unionId && m.role === "officer");
  const rows = await listAssets(context.db, { organizationId: unionId, ...(isOfficer ? {} : { memberId: userId }) });
  const identifiers = await listIdentifiers(
    context.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    toAsset(
      row,
      identifiers.filter((i) => i.asset_id === row.id),
    ),
  );
}
