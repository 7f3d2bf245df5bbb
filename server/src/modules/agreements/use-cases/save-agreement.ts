import type { Agreement, TaxonomyCode } from "../../../../../common/agreements.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { filterUnions } from "../../identity/index.ts";
import { saveAgreement } from "../agreements.repository.ts";
import { checkFindings, refuseInvalid, taxonomyCodes } from "./check-findings.ts";
import { logAgreementSaved } from "./log-agreement.ts";

export interface CuratorOrganization {
  organizationId: string;
  kind: string;
}

/** The union organizations the actor belongs to (in any role; officer roles are checked per use). */
export function unionsOf(db: Db, actor: Actor): Promise<string[]> {
  return filterUnions(db, actor.kind === "user" ? actor.memberships.map((m) => m.organizationId) : []);
}

/** The unions among `unions` in which the actor is an officer. */
export function officerUnions(actor: Actor, unions: readonly string[]): string[] {
  if (actor.kind !== "user") return [];
  return actor.memberships
    .filter((m) => m.role === "officer" && unions.includes(m.organizationId))
    .map((m) => m.organizationId);
}

/**
 * Officers of a union curate the library. A new agreement belongs to the officer's union;
 * an existing one may be changed only by officers of the union that curates it.
 */
export function authorizeCurateAgreement(
  actor: Actor,
  unions: readonly string[],
  curatingOrganization: string | null,
): string {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
  const officerIn = officerUnions(actor, unions);
  if (officerIn.length === 0)
    throw new AppError("forbidden", "Only officers of a union can edit the agreements library.");
  if (curatingOrganization === null) return officerIn[0] as string;
  if (!officerIn.includes(curatingOrganization))
    throw new AppError("forbidden", "Another union curates this agreement.");
  return curatingOrganization;
}

/**
 * Creates or replaces an agreement (with its clauses and findings) and records who did it and when.
 * Every finding must fit the taxonomy (`codes`, when the caller has already read it). With
 * `createOnly`, an existing agreement of that id is a conflict rather than replaced. Runs in the
 * caller's transaction when given one.
 */
export async function putAgreement(
  db: Db,
  actor: Actor,
  agreement: Agreement,
  unionsOfActor: readonly string[],
  now: Date,
  options: { createOnly?: boolean; codes?: ReadonlyMap<string, TaxonomyCode> } = {},
): Promise<{ created: boolean }> {
  return inTransaction(db, async (trx) => {
    refuseInvalid(checkFindings(agreement, options.codes ?? (await taxonomyCodes(trx))));
    const existing = await trx
      .selectFrom("agreements")
      .select("organization_id")
      .where("id", "=", agreement.id)
      .forUpdate()
      .executeTakeFirst();
    const organizationId = authorizeCurateAgreement(actor, unionsOfActor, existing?.organization_id ?? null);
    if (existing && options.createOnly) {
      throw new AppError("conflict", `An agreement with the id ${agreement.id} already exists; choose another id.`, {
        fields: [{ path: "body.id", message: "Already taken" }],
      });
    }
    const userId = actor.kind === "user" ? actor.userId : null;
    for (const link of agreement.lineage) {
      if (link.agreementId === null) continue;
      const target = await trx
        .selectFrom("agreements")
        .select("id")
        .where("id", "=", link.agreementId)
        .executeTakeFirst();
      if (!target && link.agreementId !== agreement.id) {
        throw new AppError("validation_failed", `Lineage names an unknown agreement: ${link.agreementId}.`, {
          fields: [{ path: "body.lineage", message: `No agreement ${link.agreementId}` }],
        });
      }
    }
    await saveAgreement(trx, organizationId, agreement, userId);
    const action = existing ? "updated" : "created";
    const logIndex = await logAgreementSaved(trx, { organizationId, agreement, action }, now);
    await trx
      .insertInto("agreement_changes")
      .values({
        agreement_id: agreement.id,
        organization_id: organizationId,
        user_id: userId,
        action,
        changed_at: now,
        log_index: logIndex,
      })
      .execute();
    return { created: !existing };
  });
}
