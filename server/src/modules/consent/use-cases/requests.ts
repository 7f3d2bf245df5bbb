import {
  type ConsentAnswerInput,
  type ConsentRequest,
  type ConsentRequestInput,
  type ConsentStatus,
  isWithinScope,
} from "../../../../../common/consent.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import { aiConsentTerms } from "../../agreements/index.ts";
import { organizationNames } from "../../identity/index.ts";
import type { ConsentContext } from "../consent.context.ts";
import { authorizeListSentRequests, authorizeMemberDecision, authorizeRequestConsent } from "../consent.policies.ts";
import {
  findAsset,
  insertEvent,
  insertGrant,
  insertRequest,
  listGrants,
  listRequests,
  notifyChange,
  type RequestRow,
  updateGrant,
  updateRequest,
} from "../consent.repository.ts";
import { checkRequestTerms } from "../terms-check.ts";
import { logConsentEvent } from "./consent-log.ts";
import { indexedGrant } from "./index-sync.ts";
import { toRequest } from "./views.ts";

/**
 * A producer or AI developer asks for a scoped use of one asset. The agreement's AI clauses are
 * checked first: what falls short is refused (recorded as ConsentInvalidated, with the clauses,
 * and never shown to the member); what needs a second look is flagged and goes to the member.
 */
export async function requestConsent(
  context: ConsentContext,
  actor: Actor,
  requesterId: string,
  input: ConsentRequestInput,
): Promise<ConsentRequest> {
  const requestedBy = authorizeRequestConsent(actor, requesterId);
  const assets = context.index.resolve(input.asset);
  if (assets.length !== 1) {
    throw new AppError(
      "validation_failed",
      assets.length === 0 ? "No registered asset matches." : "Several assets match; name one by its id.",
      {
        fields: [{ path: "body.asset", message: assets.length === 0 ? "Not registered" : "Ambiguous" }],
      },
    );
  }
  const asset = await findAsset(context.db, (assets[0] as { id: string }).id);
  if (!asset) throw notFound("asset");
  const agreementTerms = input.agreementId === null ? [] : await aiConsentTerms(context.db, input.agreementId);
  if (!agreementTerms) {
    throw new AppError("validation_failed", "There is no agreement with this id.", {
      fields: [{ path: "body.agreementId", message: "Unknown agreement" }],
    });
  }
  const now = context.now();
  const problems = checkRequestTerms(
    {
      scope: input.scope,
      terms: input.terms,
      requestedAt: now,
      startsAt: new Date(input.startsAt),
      member: { minor: false, deceased: false },
      unionOnStrike: context.index.isOnStrike(asset.organization_id),
    },
    agreementTerms,
  );
  const refused = problems.filter((p) => p.outcome === "refuse");
  const status: ConsentStatus = refused.length > 0 ? "ConsentInvalidated" : "ConsentRequested";
  const requestId = await inTransaction(context.db, async (trx) => {
    const id = await insertRequest(trx, {
      organizationId: asset.organization_id,
      assetId: asset.id,
      requesterId,
      requestedBy,
      agreementId: input.agreementId,
      scope: input.scope,
      terms: input.terms,
      startsAt: new Date(input.startsAt),
      requestedAt: now,
      status,
      problems,
    });
    const logIndex = await logConsentEvent(
      trx,
      {
        kind: refused.length > 0 ? "consent.request.refused" : "consent.requested",
        requestId: id,
        assetId: asset.id,
        unionId: asset.organization_id,
        requesterId,
        status,
        scope: input.scope,
        ...(refused.length > 0 ? { clauses: refused.map((p) => `${p.clause.agreementId}#${p.clause.clauseId}`) } : {}),
      },
      now,
    );
    await updateRequest(trx, id, { logIndex });
    await insertEvent(trx, {
      organizationId: asset.organization_id,
      requestId: id,
      kind: "requested",
      status,
      actorId: requestedBy,
      at: now,
      logIndex,
    });
    return id;
  });
  return (await requestViews(context.db, { requestId }))[0] as ConsentRequest;
}

/** The requests an organization sent, with their answers. */
export async function listSentRequests(context: ConsentContext, actor: Actor, requesterId: string) {
  authorizeListSentRequests(actor, requesterId);
  return requestViews(context.db, { requesterId });
}

/** Requests about the signed-in member's assets; those the agreement check refused never reach them. */
export async function listInbox(context: ConsentContext, actor: Actor) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
  const views = await requestViews(context.db, { memberId: actor.userId });
  return views.filter((request) => request.status !== "ConsentInvalidated");
}

/** The member grants (possibly narrower than asked) or declines. */
export async function answerRequest(
  context: ConsentContext,
  actor: Actor,
  requestId: string,
  answer: ConsentAnswerInput,
): Promise<ConsentRequest> {
  const request = await memberRequest(context.db, actor, requestId);
  if (request.status !== "ConsentRequested") throw new AppError("conflict", "This request has already been answered.");
  const scope = answer.decision === "grant" ? (answer.scope ?? request.scope) : request.scope;
  if (!isWithinScope(scope, request.scope)) {
    throw new AppError("validation_failed", "A grant may narrow the request, never widen it.", {
      fields: [{ path: "body.scope", message: "Wider than the request" }],
    });
  }
  const status: ConsentStatus = answer.decision === "grant" ? "ConsentGiven" : "ConsentRefused";
  const now = context.now();
  const grantId = await inTransaction(context.db, async (trx) => {
    const logIndex = await logConsentEvent(
      trx,
      { kind: answer.decision === "grant" ? "consent.given" : "consent.refused", ...eventOf(request), status, scope },
      now,
    );
    await updateRequest(trx, requestId, { status, decidedAt: now, logIndex });
    await insertEvent(trx, {
      organizationId: request.organization_id,
      requestId,
      kind: answer.decision,
      status,
      actorId: request.member_id,
      at: now,
      logIndex,
    });
    if (answer.decision !== "grant") return null;
    const id = await insertGrant(trx, {
      organizationId: request.organization_id,
      requestId,
      assetId: request.asset_id,
      requesterId: request.requester_id,
      scope,
      terms: request.terms,
      status,
      at: now,
    });
    await updateGrant(trx, id, { logIndex });
    await notifyChange(trx, { kind: "grant", id });
    return id;
  });
  if (grantId) await refreshGrant(context, grantId);
  return (await requestViews(context.db, { requestId }))[0] as ConsentRequest;
}

/** The member withdraws consent they gave: the very next check says no. */
export async function revokeGrant(context: ConsentContext, actor: Actor, requestId: string): Promise<ConsentRequest> {
  const request = await memberRequest(context.db, actor, requestId);
  const [grant] = await listGrants(context.db, { requestIds: [requestId] });
  if (!grant || (grant.status !== "ConsentGiven" && grant.status !== "RenewedConsentGiven")) {
    throw new AppError("conflict", "There is no consent in force on this request to withdraw.");
  }
  const now = context.now();
  const status: ConsentStatus = "ConsentWithdrawn";
  // The index forgets the grant before the change commits, so no check can say "permitted" after it.
  context.index.putGrant({ ...indexedGrant(grant), status });
  try {
    await inTransaction(context.db, async (trx) => {
      const logIndex = await logConsentEvent(
        trx,
        { kind: "consent.withdrawn", ...eventOf(request), status, scope: grant.scope },
        now,
      );
      await updateGrant(trx, grant.id, { status, changedAt: now, logIndex });
      await notifyChange(trx, { kind: "grant", id: grant.id });
      await updateRequest(trx, requestId, { status });
      await insertEvent(trx, {
        organizationId: request.organization_id,
        requestId,
        kind: "withdrawn",
        status,
        actorId: request.member_id,
        at: now,
        logIndex,
      });
    });
  } finally {
    await refreshGrant(context, grant.id);
  }
  return (await requestViews(context.db, { requestId }))[0] as ConsentRequest;
}

async function memberRequest(db: Db, actor: Actor, requestId: string) {
  const [request] = await listRequests(db, { requestId });
  if (!request || request.status === "ConsentInvalidated") {
    if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
    throw notFound("consent request");
  }
  authorizeMemberDecision(actor, request.member_id);
  return request;
}

function eventOf(request: RequestRow) {
  return {
    requestId: request.id,
    assetId: request.asset_id,
    unionId: request.organization_id,
    requesterId: request.requester_id,
  };
}

async function refreshGrant(context: ConsentContext, grantId: string): Promise<void> {
  const [grant] = await listGrants(context.db, { grantId });
  if (grant) context.index.putGrant(indexedGrant(grant));
  else context.index.removeGrant(grantId);
}

async function requestViews(db: Db, filter: Parameters<typeof listRequests>[1]): Promise<ConsentRequest[]> {
  const rows = await listRequests(db, filter);
  const grants = await listGrants(db, { requestIds: rows.map((row) => row.id) });
  const names = await organizationNames(
    db,
    rows.map((row) => row.requester_id),
  );
  return rows.map((row) =>
    toRequest(
      row,
      grants.find((g) => g.request_id === row.id),
      names.get(row.requester_id) ?? "",
    ),
  );
}
