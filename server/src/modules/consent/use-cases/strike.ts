import { type LogReference, logReference } from "../../../../../common/transparency.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { inTransaction } from "../../../platform/db/database.ts";
import type { ConsentContext } from "../consent.context.ts";
import { authorizeStrike } from "../consent.policies.ts";
import { isOnStrike, notifyChange, setStrike } from "../consent.repository.ts";
import { logStrike } from "./consent-log.ts";

/**
 * A union calls or ends a strike: while it lasts, every consent its members gave is suspended
 * (checks say "suspended") and new requests under agreements that provide for it are refused.
 */
export async function setUnionStrike(
  context: ConsentContext,
  actor: Actor,
  unionId: string,
  onStrike: boolean,
): Promise<{ onStrike: boolean; log: LogReference | null }> {
  const officerId = authorizeStrike(actor, unionId);
  const now = context.now();
  // Suspending takes effect before the commit; lifting only after it.
  if (onStrike) context.index.setStrike(unionId, true);
  const logIndex = await inTransaction(context.db, async (trx) => {
    const changed = await setStrike(trx, unionId, onStrike, officerId, now);
    if (!changed) return null;
    await notifyChange(trx, { kind: "strike", unionId });
    return logStrike(trx, { unionId, onStrike }, now);
  }).catch(async (error) => {
    context.index.setStrike(unionId, await isOnStrike(context.db, unionId));
    throw error;
  });
  context.index.setStrike(unionId, onStrike);
  return {
    onStrike,
    log: logIndex === null ? null : logReference(logIndex),
  };
}

export async function strikeStatus(
  context: ConsentContext,
  actor: Actor,
  unionId: string,
): Promise<{ onStrike: boolean }> {
  authorizeStrike(actor, unionId);
  return { onStrike: await isOnStrike(context.db, unionId) };
}
