import type { ColumnType, Generated } from "kysely";
import type { ConsentStatus, Scope, Terms, UseType } from "../../../../common/consent.ts";
import type { TermProblem } from "./terms-check.ts";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint columns arrive as strings (PostgreSQL) or numbers (PGlite): read them with Number(). */
type BigIntColumn = ColumnType<string | number, number, number>;
/** jsonb: written through `jsonb()` (platform/db/jsonb.ts), read as parsed JSON. */
type Json<T> = ColumnType<T, T, T>;

/** A member's work or personal attribute; the member's union is its organization. */
export interface ConsentAssetsTable {
  id: Generated<string>;
  organization_id: string;
  member_id: string;
  kind: "work" | "attribute";
  work_kind: "text" | "image" | "audio" | "video" | "performance" | null;
  attribute: "voice" | "likeness" | "name" | "signature_style" | null;
  title: string;
  sha256: string | null;
  fingerprint: string | null;
  /** Uses anyone may make without asking; empty by default (unknown means no). */
  permitted_uses: ColumnType<UseType[], UseType[] | undefined, UseType[]>;
  /** The member, or an officer of their union acting as agent. */
  registered_by: string;
  created_at: Timestamp;
  log_index: BigIntColumn | null;
}

/** Identifiers of a work in canonical form (common/identifiers.ts). */
export interface ConsentAssetIdentifiersTable {
  organization_id: string;
  asset_id: string;
  scheme: string;
  value: string;
}

export interface ConsentRequestsTable {
  id: Generated<string>;
  organization_id: string;
  asset_id: string;
  /** The producer's or AI developer's organization. */
  requester_id: string;
  requested_by: string;
  agreement_id: string | null;
  scope: Json<Scope>;
  terms: Json<Terms>;
  starts_at: Timestamp;
  requested_at: Timestamp;
  status: ConsentStatus;
  /** What the agreement check refused or flagged, with the clauses. */
  problems: Json<TermProblem[]>;
  decided_at: Timestamp | null;
  log_index: BigIntColumn | null;
}

/** Consent given on a request, possibly narrower than asked; its status changes, the row stays. */
export interface ConsentGrantsTable {
  id: Generated<string>;
  organization_id: string;
  request_id: string;
  asset_id: string;
  requester_id: string;
  scope: Json<Scope>;
  terms: Json<Terms>;
  status: ConsentStatus;
  granted_at: Timestamp;
  changed_at: Timestamp;
  log_index: BigIntColumn | null;
}

export interface ConsentEventsTable {
  id: Generated<string>;
  organization_id: string;
  request_id: string;
  kind: string;
  status: ConsentStatus;
  actor_id: string | null;
  at: Timestamp;
  log_index: BigIntColumn | null;
}

/** A union on strike: its members' consents are suspended until the row goes. */
export interface ConsentStrikesTable {
  organization_id: string;
  started_at: Timestamp;
  started_by: string | null;
}

export interface ConsentTables {
  consent_assets: ConsentAssetsTable;
  consent_asset_identifiers: ConsentAssetIdentifiersTable;
  consent_requests: ConsentRequestsTable;
  consent_grants: ConsentGrantsTable;
  consent_events: ConsentEventsTable;
  consent_strikes: ConsentStrikesTable;
}
