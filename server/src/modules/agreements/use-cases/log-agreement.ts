import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { Agreement } from "../../../../../common/agreements.ts";
import type { Db } from "../../../platform/db/database.ts";
import { appendEntryToLog } from "../../transparency/index.ts";

/**
 * Every version of an agreement goes on the transparency log: which agreement, which union, and a
 * hash of its canonical JSON (RFC 8785), so anyone holding the published text can show it is the
 * version logged. Who edited it is not logged. The agreement keeps the entry's index, which is
 * returned too.
 */
export async function logAgreementSaved(
  trx: Db,
  change: { organizationId: string; agreement: Agreement; action: "created" | "updated" | "loaded" },
  now: Date,
): Promise<number> {
  const content = `sha256:${createHash("sha256")
    .update(canonicalize(change.agreement) ?? "", "utf8")
    .digest("hex")}`;
  const index = await appendEntryToLog(
    trx,
    {
      kind: "agreement.saved",
      agreement: change.agreement.id,
      organization: change.organizationId,
      action: change.action,
      content,
    },
    now,
  );
  await trx.updateTable("agreements").set({ log_index: index }).where("id", "=", change.agreement.id).execute();
  return index;
}
