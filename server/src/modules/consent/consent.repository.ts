import { sql } from "kysely";
import type { ConsentStatus, IdentifierScheme, Scope, Terms, UseType } from "../../../../common/consent.ts";
import type { Db } from "../../platform/db/database.ts";
import { jsonb } from "../../platform/db/jsonb.ts";
import type { ConsentAssetsTable } from "./consent.tables.ts";
import type { TermProblem } from "./terms-check.ts";

/** SQL for the consent tables only; every function takes the executor. */

export interface NewAsset {
  organizationId: string;
  memberId: string;
  kind: ConsentAssetsTable["kind"];
  workKind: ConsentAssetsTable["work_kind"];
  attribute: ConsentAssetsTable["attribute"];
  title: string;
  identifiers: { scheme: IdentifierScheme; value: string }[];
  sha256: string | null;
  fingerprint: string | null;
  permittedUses: UseType[];
  registeredBy: string;
  createdAt: Date;
}

export async function insertAsset(db: Db, asset: NewAsset): Promise<string> {
  const { id } = await db
    .insertInto("consent_assets")
    .values({
      organization_id: asset.organizationId,
      member_id: asset.memberId,
      kind: asset.kind,
      work_kind: asset.workKind,
      attribute: asset.attribute,
      title: asset.title,
      sha256: asset.sha256,
      fingerprint: asset.fingerprint,
      permitted_uses: asset.permittedUses,
      registered_by: asset.registeredBy,
      created_at: asset.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (asset.identifiers.length > 0) {
    await db
      .insertInto("consent_asset_identifiers")
      .values(asset.identifiers.map((i) => ({ organization_id: asset.organizationId, asset_id: id, ...i })))
      .onConflict((c) => c.doNothing())
      .execute();
  }
  return id;
}

export async function setAssetLogIndex(db: Db, assetId: string, logIndex: number): Promise<void> {
  await db.updateTable("consent_assets").set({ log_index: logIndex }).where("id", "=", assetId).execute();
}

const ASSET_COLUMNS = [
  "id",
  "organization_id",
  "member_id",
  "kind",
  "work_kind",
  "attribute",
  "title",
  "sha256",
  "fingerprint",
  "permitted_uses",
  "created_at",
  "log_index",
] as const;

export function listAssets(db: Db, filter: { organizationId?: string; memberId?: string; ids?: string[] } = {}) {
  let query = db.selectFrom("consent_assets").select(ASSET_COLUMNS).orderBy("created_at").orderBy("id");
  if (filter.organizationId) query = query.where("organization_id", "=", filter.organizationId);
  if (filter.memberId) query = query.where("member_id", "=", filter.memberId);
  if (filter.ids) query = query.where("id", "in", filter.ids.length > 0 ? filter.ids : [""]);
  return query.execute();
}

export type AssetRow = Awaited<ReturnType<typeof listAssets>>[number];

export function findAsset(db: Db, assetId: string) {
  return db.selectFrom("consent_assets").select(ASSET_COLUMNS).where("id", "=", assetId).executeTakeFirst();
}

export function listIdentifiers(db: Db, assetIds?: string[]) {
  let query = db.selectFrom("consent_asset_identifiers").select(["asset_id", "scheme", "value"]).orderBy("scheme");
  if (assetIds)
    query = query.where("asset_id", "in", assetIds.length > 0 ? assetIds : ["00000000-0000-0000-0000-000000000000"]);
  return query.execute();
}

export interface NewRequest {
  organizationId: string;
  assetId: string;
  requesterId: string;
  requestedBy: string;
  agreementId: string | null;
  scope: Scope;
  terms: Terms;
  startsAt: Date;
  requestedAt: Date;
  status: ConsentStatus;
  problems: TermProblem[];
}

export async function insertRequest(db: Db, request: NewRequest): Promise<string> {
  const { id } = await db
    .insertInto("consent_requests")
    .values({
      organization_id: request.organizationId,
      asset_id: request.assetId,
      requester_id: request.requesterId,
      requested_by: request.requestedBy,
      agreement_id: request.agreementId,
      scope: jsonb(request.scope),
      terms: jsonb(request.terms),
      starts_at: request.startsAt,
      requested_at: request.requestedAt,
      status: request.status,
      problems: jsonb(request.problems),
      decided_at: request.status === "ConsentRequested" ? null : request.requestedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateRequest(
  db: Db,
  requestId: string,
  change: { status?: ConsentStatus; decidedAt?: Date; logIndex?: number },
): Promise<void> {
  await db
    .updateTable("consent_requests")
    .set({
      ...statusChange(change),
      ...(change.decidedAt ? { decided_at: change.decidedAt } : {}),
    })
    .where("id", "=", requestId)
    .execute();
}

/** The columns a request and a grant share, set only when given. */
function statusChange(change: { status?: ConsentStatus; logIndex?: number }) {
  return {
    ...(change.status ? { status: change.status } : {}),
    ...(change.logIndex !== undefined ? { log_index: change.logIndex } : {}),
  };
}

const REQUEST_COLUMNS = [
  "consent_requests.id",
  "consent_requests.organization_id",
  "consent_requests.asset_id",
  "consent_assets.title as asset_title",
  "consent_assets.member_id",
  "consent_requests.requester_id",
  "consent_requests.agreement_id",
  "consent_requests.scope",
  "consent_requests.terms",
  "consent_requests.starts_at",
  "consent_requests.requested_at",
  "consent_requests.status",
  "consent_requests.problems",
  "consent_requests.log_index",
] as const;

/** Requests with their asset's title and member, newest first. */
export function listRequests(db: Db, filter: { memberId?: string; requesterId?: string; requestId?: string }) {
  let query = db
    .selectFrom("consent_requests")
    .innerJoin("consent_assets", "consent_assets.id", "consent_requests.asset_id")
    .select(REQUEST_COLUMNS)
    .orderBy("consent_requests.requested_at", "desc")
    .orderBy("consent_requests.id");
  if (filter.memberId) query = query.where("consent_assets.member_id", "=", filter.memberId);
  if (filter.requesterId) query = query.where("consent_requests.requester_id", "=", filter.requesterId);
  if (filter.requestId) query = query.where("consent_requests.id", "=", filter.requestId);
  return query.limit(500).execute();
}

export type RequestRow = Awaited<ReturnType<typeof listRequests>>[number];

export interface NewGrant {
  organizationId: string;
  requestId: string;
  assetId: string;
  requesterId: string;
  scope: Scope;
  terms: Terms;
  status: ConsentStatus;
  at: Date;
}

export async function insertGrant(db: Db, grant: NewGrant): Promise<string> {
  const { id } = await db
    .insertInto("consent_grants")
    .values({
      organization_id: grant.organizationId,
      request_id: grant.requestId,
      asset_id: grant.assetId,
      requester_id: grant.requesterId,
      scope: jsonb(grant.scope),
      terms: jsonb(grant.terms),
      status: grant.status,
      granted_at: grant.at,
      changed_at: grant.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateGrant(
  db: Db,
  grantId: string,
  change: { status?: ConsentStatus; changedAt?: Date; logIndex?: number },
): Promise<void> {
  await db
    .updateTable("consent_grants")
    .set({
      ...statusChange(change),
      ...(change.changedAt ? { changed_at: change.changedAt } : {}),
    })
    .where("id", "=", grantId)
    .execute();
}

const GRANT_COLUMNS = [
  "id",
  "organization_id",
  "request_id",
  "asset_id",
  "requester_id",
  "scope",
  "terms",
  "status",
  "granted_at",
  "changed_at",
  "log_index",
] as const;

export function listGrants(db: Db, filter: { requestIds?: string[]; grantId?: string } = {}) {
  let query = db.selectFrom("consent_grants").select(GRANT_COLUMNS).orderBy("granted_at");
  if (filter.requestIds) {
    query = query.where(
      "request_id",
      "in",
      filter.requestIds.length > 0 ? filter.requestIds : ["00000000-0000-0000-0000-000000000000"],
    );
  }
  if (filter.grantId) query = query.where("id", "=", filter.grantId);
  return query.execute();
}

export type GrantRow = Awaited<ReturnType<typeof listGrants>>[number];

export async function insertEvent(
  db: Db,
  event: {
    organizationId: string;
    requestId: string;
    kind: string;
    status: ConsentStatus;
    actorId: string | null;
    at: Date;
    logIndex: number;
  },
): Promise<void> {
  await db
    .insertInto("consent_events")
    .values({
      organization_id: event.organizationId,
      request_id: event.requestId,
      kind: event.kind,
      status: event.status,
      actor_id: event.actorId,
      at: event.at,
      log_index: event.logIndex,
    })
    .execute();
}

export async function listStrikes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("consent_strikes").select("organization_id").execute();
  return rows.map((row) => row.organization_id);
}

export async function isOnStrike(db: Db, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom("consent_strikes")
    .select("organization_id")
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Starts or ends a strike; true when that changed anything. */
export async function setStrike(
  db: Db,
  organizationId: string,
  onStrike: boolean,
  by: string,
  at: Date,
): Promise<boolean> {
  if (onStrike) {
    const result = await db
      .insertInto("consent_strikes")
      .values({ organization_id: organizationId, started_at: at, started_by: by })
      .onConflict((c) => c.column("organization_id").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const result = await db
    .deleteFrom("consent_strikes")
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every instance listens here and reloads what changed into its decision index. */
export const CONSENT_CHANNEL = "consent_index";

export type ConsentChange = { kind: "asset" | "grant"; id: string } | { kind: "strike"; unionId: string };

/** Sent when the caller's transaction commits, and only then. */
export async function notifyChange(db: Db, change: ConsentChange): Promise<void> {
  await sql`SELECT pg_notify(${CONSENT_CHANNEL}, ${JSON.stringify(change)})`.execute(db);
}

export function listEvents(db: Db, requestId: string) {
  return (
    db
      .selectFrom("consent_events")
      .select(["kind", "status", "at", "log_index"])
      .where("request_id", "=", requestId)
      // Events in one instant keep the log's order.
      .orderBy("at")
      .orderBy("log_index")
      .execute()
  );
}
