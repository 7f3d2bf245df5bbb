import type { Asset, ConsentRequest } from "../../../../../common/consent.ts";
import { logReference } from "../../../../../common/transparency.ts";
import type { AssetRow, GrantRow, RequestRow } from "../consent.repository.ts";

export function logEntry(index: string | number | null) {
  return index === null ? null : logReference(Number(index));
}

export function toAsset(row: AssetRow, identifiers: { scheme: string; value: string }[]): Asset {
  return {
    id: row.id,
    memberId: row.member_id,
    kind: row.kind,
    workKind: row.work_kind,
    attribute: row.attribute,
    title: row.title,
    identifiers: identifiers as Asset["identifiers"],
    sha256: row.sha256,
    fingerprint: row.fingerprint,
    permittedUses: row.permitted_uses,
    createdAt: row.created_at.toISOString(),
    log: logEntry(row.log_index),
  };
}

export function toRequest(row: RequestRow, grant: GrantRow | undefined, requesterName: string): ConsentRequest {
  return {
    id: row.id,
    assetId: row.asset_id,
    assetTitle: row.asset_title,
    requesterId: row.requester_id,
    requesterName,
    agreementId: row.agreement_id,
    scope: row.scope,
    terms: row.terms,
    startsAt: row.starts_at.toISOString(),
    requestedAt: row.requested_at.toISOString(),
    status: row.status,
    problems: row.problems,
    grant: grant
      ? {
          id: grant.id,
          scope: grant.scope,
          terms: grant.terms,
          status: grant.status,
          grantedAt: grant.granted_at.toISOString(),
          changedAt: grant.changed_at.toISOString(),
          log: logEntry(grant.log_index),
        }
      : null,
    log: logEntry(row.log_index),
  };
}
