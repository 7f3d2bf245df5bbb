import { isDeepStrictEqual } from "node:util";
import type { LibraryFile } from "../../../../../common/agreements-import.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { saveAgreement, saveBaselines, saveTaxonomy } from "../agreements.repository.ts";
import { checkFindings, refuseInvalid, taxonomyCodes } from "./check-findings.ts";
import { logAgreementSaved } from "./log-agreement.ts";
import { findAgreement, getTaxonomy } from "./read-library.ts";
import { putAgreement } from "./save-agreement.ts";

/**
 * Officers load many agreements at once, all or nothing, each as if PUT one by one (the curating
 * union's officers only); an agreement identical to the stored one is left alone, so its history
 * records no change. The taxonomy and baselines are shared by every union: a file may carry
 * them only unchanged; operators change them with `guildhall agreements import`.
 */
export async function importAgreements(
  db: Db,
  actor: Actor,
  file: LibraryFile,
  unionsOfActor: readonly string[],
  now: Date,
): Promise<{ created: number; updated: number; unchanged: number }> {
  return inTransaction(db, async (trx) => {
    const stored = await getTaxonomy(trx);
    if (stored.version !== file.taxonomy.version || !isDeepStrictEqual(stored.codes, file.taxonomy.codes)) {
      throw new AppError(
        "conflict",
        "The file's taxonomy differs from Guildhall's; an operator loads a new taxonomy with `guildhall agreements import`.",
      );
    }
    const codes = new Map(stored.codes.map((code) => [code.code, code]));
    refuseInvalid(file.agreements.flatMap((agreement, a) => checkFindings(agreement, codes, `body.agreements.${a}`)));
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const [index, agreement] of file.agreements.entries()) {
      if (isDeepStrictEqual(await findAgreement(trx, agreement.id), agreement)) {
        counts.unchanged++;
        continue;
      }
      try {
        const { created } = await putAgreement(trx, actor, agreement, unionsOfActor, now, { codes });
        counts[created ? "created" : "updated"]++;
      } catch (error) {
        throw atAgreement(error, index, agreement.id);
      }
    }
    return counts;
  });
}

/** A refusal of one agreement in a bulk import says which one it was. */
function atAgreement(error: unknown, index: number, id: string): unknown {
  if (!(error instanceof AppError) || error.fields) return error;
  return new AppError(error.code, `Agreement ${id}: ${error.message}`, {
    fields: [{ path: `body.agreements.${index}.id`, message: error.message }],
  });
}

/** Operators: loads a whole library file (taxonomy, baselines, agreements) for a curating union. */
export async function importLibraryFile(db: Db, organizationId: string, file: LibraryFile): Promise<void> {
  await inTransaction(db, async (trx) => {
    await saveTaxonomy(trx, file.taxonomy);
    await saveBaselines(trx, file.baselines);
    const codes = await taxonomyCodes(trx);
    refuseInvalid(file.agreements.flatMap((agreement, a) => checkFindings(agreement, codes, `agreements.${a}`)));
    for (const agreement of file.agreements) {
      await saveAgreement(trx, organizationId, agreement, null);
      await logAgreementSaved(trx, { organizationId, agreement, action: "loaded" }, new Date());
    }
  });
}
