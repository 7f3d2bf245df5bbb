import { type Kysely, sql } from "kysely";

/**
 * The AI consent registry: members' assets (works and personal attributes) with the names they
 * can be checked by, consent requests and their check against the agreement, grants with their
 * DPV status, every event, and strikes that suspend a union's members' consents. Each row carries
 * the member's union (organization_id); requests and grants also name the requester.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE consent_assets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('work', 'attribute')),
      work_kind text CHECK (work_kind IN ('text', 'image', 'audio', 'video', 'performance')),
      attribute text CHECK (attribute IN ('voice', 'likeness', 'name', 'signature_style')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      fingerprint text CHECK (fingerprint ~ '^[0-9a-f]{16}$'),
      permitted_uses text[] NOT NULL DEFAULT '{}',
      registered_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL,
      log_index bigint,
      CHECK ((kind = 'work') = (work_kind IS NOT NULL)),
      CHECK ((kind = 'attribute') = (attribute IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX consent_assets_member_idx ON consent_assets (organization_id, member_id)`.execute(db);
  await sql`
    CREATE TABLE consent_asset_identifiers (
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      asset_id uuid NOT NULL REFERENCES consent_assets (id) ON DELETE CASCADE,
      scheme text NOT NULL,
      value text NOT NULL,
      PRIMARY KEY (asset_id, scheme, value)
    )`.execute(db);
  await sql`
    CREATE TABLE consent_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      asset_id uuid NOT NULL REFERENCES consent_assets (id) ON DELETE CASCADE,
      requester_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      requested_by uuid NOT NULL REFERENCES users (id),
      agreement_id text,
      scope jsonb NOT NULL,
      terms jsonb NOT NULL,
      starts_at timestamptz NOT NULL,
      requested_at timestamptz NOT NULL,
      status text NOT NULL,
      problems jsonb NOT NULL DEFAULT '[]',
      decided_at timestamptz,
      log_index bigint
    )`.execute(db);
  await sql`CREATE INDEX consent_requests_asset_idx ON consent_requests (organization_id, asset_id, requested_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX consent_requests_requester_idx ON consent_requests (requester_id, requested_at DESC)`.execute(
    db,
  );
  await sql`
    CREATE TABLE consent_grants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      request_id uuid NOT NULL UNIQUE REFERENCES consent_requests (id) ON DELETE CASCADE,
      asset_id uuid NOT NULL REFERENCES consent_assets (id) ON DELETE CASCADE,
      requester_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      scope jsonb NOT NULL,
      terms jsonb NOT NULL,
      status text NOT NULL,
      granted_at timestamptz NOT NULL,
      changed_at timestamptz NOT NULL,
      log_index bigint
    )`.execute(db);
  await sql`CREATE INDEX consent_grants_asset_idx ON consent_grants (organization_id, asset_id)`.execute(db);
  await sql`
    CREATE TABLE consent_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      request_id uuid NOT NULL REFERENCES consent_requests (id) ON DELETE CASCADE,
      kind text NOT NULL,
      status text NOT NULL,
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      at timestamptz NOT NULL,
      log_index bigint
    )`.execute(db);
  await sql`CREATE INDEX consent_events_request_idx ON consent_events (organization_id, request_id, at)`.execute(db);
  await sql`
    CREATE TABLE consent_strikes (
      organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
      started_at timestamptz NOT NULL,
      started_by uuid REFERENCES users (id) ON DELETE SET NULL
    )`.execute(db);
}
