import type { Agreement, CountryBaseline, Taxonomy } from "../../../../../common/agreements.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { saveAgreement, saveBaselines, saveTaxonomy } from "../agreements.repository.ts";
import { logAgreementSaved } from "./log-agreement.ts";

export interface Library {
  taxonomy: Taxonomy;
  agreements: readonly Agreement[];
  baselines: readonly CountryBaseline[];
}

/** Loads a whole library (taxonomy, baselines, agreements) for a curating organization, in one transaction. */
export function loadLibrary(
  db: Db,
  organizationId: string,
  library: Library,
  userId: string | null = null,
): Promise<void> {
  return inTransaction(db, async (trx) => {
    await saveTaxonomy(trx, library.taxonomy);
    await saveBaselines(trx, library.baselines);
    for (const agreement of library.agreements) {
      await saveAgreement(trx, organizationId, agreement, userId);
      await logAgreementSaved(trx, { organizationId, agreement, action: "loaded" }, new Date());
    }
  });
}
