import type { Db } from "../../../platform/db/database.ts";

export interface AgreementOutline {
  id: string;
  title: string;
  clauses: { id: string; label: string }[];
}

const CLAUSE_LABEL_CHARACTERS = 90;

/**
 * The agreements that cover a country, each with its clauses labelled for a person choosing one
 * (the article number when known, else the start of the clause), for naming a breach.
 */
export async function agreementOutlines(db: Db, country: string, limit = 60): Promise<AgreementOutline[]> {
  const agreements = await db
    .selectFrom("agreements")
    .select(["id", "title"])
    .where((eb) => eb(eb.val(country), "=", eb.fn.any("countries")))
    .orderBy("title")
    .limit(limit)
    .execute();
  if (agreements.length === 0) return [];
  const clauses = await db
    .selectFrom("agreement_clauses")
    .select(["agreement_id", "id", "article_ref", "body"])
    .where(
      "agreement_id",
      "in",
      agreements.map((a) => a.id),
    )
    .orderBy("agreement_id")
    .orderBy("position")
    .execute();
  return agreements.map((agreement) => ({
    ...agreement,
    clauses: clauses
      .filter((clause) => clause.agreement_id === agreement.id)
      .map((clause) => ({ id: clause.id, label: clauseLabel(clause.article_ref, clause.body) })),
  }));
}

function clauseLabel(articleRef: string | null, body: string): string {
  const start =
    body.length > CLAUSE_LABEL_CHARACTERS ? `${body.slice(0, CLAUSE_LABEL_CHARACTERS - 1).trimEnd()}…` : body;
  return articleRef ? `${articleRef}: ${start}` : start;
}

/** Whether the library holds the agreement, and the clause in it when one is named. */
export async function agreementReferenceExists(
  db: Db,
  reference: { agreementId: string; clauseId?: string | undefined },
): Promise<{ agreement: boolean; clause: boolean }> {
  const agreement = await db
    .selectFrom("agreements")
    .select("id")
    .where("id", "=", reference.agreementId)
    .executeTakeFirst();
  if (!agreement) return { agreement: false, clause: false };
  if (reference.clauseId === undefined) return { agreement: true, clause: true };
  const clause = await db
    .selectFrom("agreement_clauses")
    .select("id")
    .where("agreement_id", "=", reference.agreementId)
    .where("id", "=", reference.clauseId)
    .executeTakeFirst();
  return { agreement: true, clause: clause !== undefined };
}

/**
 * Which of the given organizations curate an agreement of `sector`, and which curate none at all
 * (whose sectors are therefore unknown).
 */
export async function sectorCoverage(
  db: Db,
  organizationIds: readonly string[],
  sector: string,
): Promise<{ covering: Set<string>; unknown: Set<string> }> {
  if (organizationIds.length === 0) return { covering: new Set(), unknown: new Set() };
  const rows = await db
    .selectFrom("agreements")
    .select([
      "organization_id",
      (eb) => eb.fn.agg<boolean>("bool_or", [eb(eb.val(sector), "=", eb.fn.any("sectors"))]).as("covers"),
    ])
    .where("organization_id", "in", [...organizationIds])
    .groupBy("organization_id")
    .execute();
  const curating = new Set(rows.map((row) => row.organization_id));
  return {
    covering: new Set(rows.filter((row) => row.covers).map((row) => row.organization_id)),
    unknown: new Set(organizationIds.filter((id) => !curating.has(id))),
  };
}
