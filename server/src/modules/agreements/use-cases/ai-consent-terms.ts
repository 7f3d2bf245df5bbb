import type { Finding } from "../../../../../common/agreements.ts";
import type { Db } from "../../../platform/db/database.ts";
import { findAgreement } from "./read-library.ts";

export interface AiConsentTerm {
  agreementId: string;
  clauseId: string;
  articleRef: string | null;
  finding: Finding;
}

/** The AI findings (AI.* codes) of an agreement, each with its clause; undefined when there is no such agreement. */
export async function aiConsentTerms(db: Db, agreementId: string): Promise<AiConsentTerm[] | undefined> {
  const agreement = await findAgreement(db, agreementId);
  if (!agreement) return undefined;
  return agreement.clauses.flatMap((clause) =>
    clause.findings
      .filter((finding) => finding.code.startsWith("AI."))
      .map((finding) => ({ agreementId, clauseId: clause.id, articleRef: clause.articleRef, finding })),
  );
}
