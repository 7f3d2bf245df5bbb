import type { ConsentReceipt, ConsentRecord } from "../../../../../common/consent.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { hasOrganizationRole } from "../../../platform/auth/actor.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { organizationNames } from "../../identity/index.ts";
import { withProofBundle } from "../../transparency/index.ts";
import type { ConsentContext } from "../consent.context.ts";
import { findAsset, listEvents, listGrants, listRequests } from "../consent.repository.ts";
import { logEntry } from "./views.ts";

/**
 * The consent record (ISO/IEC TS 27560 fields, as the W3C DPV guide maps them) and the receipt
 * (Kantara v1.1) of one request, for the member and for the requester. Each event names its
 * transparency-log entry, with the proof bundle when asked. The requester sees the asset, never who
 * the member is.
 */
export async function consentRecord(
  context: ConsentContext,
  actor: Actor,
  requestId: string,
  withProof: boolean,
): Promise<{ record: ConsentRecord; receipt: ConsentReceipt }> {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
  const [request] = await listRequests(context.db, { requestId });
  if (!request || request.status === "ConsentInvalidated") throw notFound("consent request");
  const isMember = actor.userId === request.member_id;
  if (!isMember && !hasOrganizationRole(actor, request.requester_id, ["producer", "developer"])) {
    throw notFound("consent request");
  }
  const [asset, [grant], events, names] = await Promise.all([
    findAsset(context.db, request.asset_id),
    listGrants(context.db, { requestIds: [requestId] }),
    listEvents(context.db, requestId),
    organizationNames(context.db, [request.requester_id]),
  ]);
  if (!asset) throw notFound("consent request");
  const scope = grant?.scope ?? request.scope;
  const requesterName = names.get(request.requester_id) ?? request.requester_id;
  const principal = isMember ? `urn:guildhall:member:${request.member_id}` : `urn:guildhall:asset:${asset.id}`;
  const category = asset.kind === "attribute" ? `attribute:${asset.attribute}` : `work:${asset.work_kind}`;
  const notice = `urn:guildhall:consent-request:${requestId}`;
  const service = scope.project ?? "any project within the scope";
  const purposes = scope.useTypes.map((use) => (scope.generative ? `${use} (generative)` : use));
  const record: ConsentRecord = {
    schema_version: "ISO/IEC TS 27560:2023",
    record_id: grant?.id ?? request.id,
    pii_principal_id: principal,
    processing: {
      purposes,
      purpose_type: "dpv:ServiceProvision",
      lawful_basis: "dpv:Consent",
      pii_information: [category],
      pii_controllers: [requesterName],
      processing_locations: scope.territories,
      geographic_restrictions: scope.territories,
      retention_period: `until ${scope.to}`,
      jurisdiction: scope.territories,
      withdrawal_method: `The member withdraws in Guildhall (POST /api/v1/consent/requests/${requestId}/withdraw); the next permission check says no.`,
      privacy_notice: notice,
      language: "en",
      storage_locations: ["Guildhall"],
      recipient_third_parties: [],
      service,
      terms: grant?.terms ?? request.terms,
    },
    events: await Promise.all(
      events.map(async (event) => ({
        event_time: event.at.toISOString(),
        validity_duration: event.status === "ConsentGiven" ? `${scope.from}/${scope.to}` : null,
        entity_id: event.kind === "requested" ? `urn:guildhall:organization:${request.requester_id}` : principal,
        event_type: event.kind,
        event_state: event.status,
        log: await withProofBundle(context.db, logEntry(event.log_index), withProof),
      })),
    ),
  };
  const receipt: ConsentReceipt = {
    version: "KI-CR-v1.1.0",
    jurisdiction: scope.territories.join(","),
    consentTimestamp: Math.floor((grant?.granted_at ?? request.requested_at).getTime() / 1000),
    collectionMethod: "Consent request in Guildhall, answered by the member",
    consentReceiptID: grant?.id ?? request.id,
    language: "en",
    piiPrincipalId: principal,
    piiControllers: [
      {
        piiController: requesterName,
        onBehalf: false,
        contact: requesterName,
        piiControllerUrl: `urn:guildhall:organization:${request.requester_id}`,
      },
    ],
    policyUrl: notice,
    services: [
      {
        service,
        purposes: purposes.map((purpose) => ({
          purpose,
          purposeCategory: [purpose],
          consentType: "EXPLICIT" as const,
          piiCategory: [category],
          primaryPurpose: true,
          termination: `${scope.to}, or when withdrawn`,
          thirdPartyDisclosure: false,
        })),
      },
    ],
    sensitive: asset.kind === "attribute",
    spiCat: asset.kind === "attribute" ? ["biometric"] : [],
  };
  return { record, receipt };
}
