import type { CheckAnswer, CheckItem } from "../../../../../common/consent.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import type { ConsentContext } from "../consent.context.ts";
import { authorizeCheck } from "../consent.policies.ts";

/** Answers each item from the in-memory index, never the database: permitted or not, and why. */
export function checkPermissions(context: ConsentContext, actor: Actor, items: CheckItem[]): CheckAnswer[] {
  const requesterId = authorizeCheck(actor);
  return items.map((item) => context.index.check(requesterId, item));
}
