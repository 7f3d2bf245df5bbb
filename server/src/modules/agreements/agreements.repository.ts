import { sql } from "kysely";
import type { Agreement, CountryBaseline, Taxonomy } from "../../../../common/agreements.ts";
import { type Db, inTransaction } from "../../platform/db/database.ts";
import { jsonb } from "../../platform/db/jsonb.ts";
import { comparableNumber, partialDateRange, textSearchConfig } from "./library-values.ts";

/** SQL for the agreements tables only; every function takes the executor. */

export async function saveTaxonomy(db: Db, taxonomy: Pick<Taxonomy, "version" | "codes">): Promise<void> {
  for (const code of taxonomy.codes) {
    const row = {
      version: taxonomy.version,
      code: code.code,
      family: code.family,
      valid_from: code.validFrom ?? null,
      valid_to: code.validTo ?? null,
      document: jsonb(code),
    };
    await db
      .insertInto("agreement_taxonomy_codes")
      .values(row)
      .onConflict((c) =>
        c.columns(["version", "code"]).doUpdateSet({
          family: row.family,
          document: row.document,
          valid_from: row.valid_from,
          valid_to: row.valid_to,
        }),
      )
      .execute();
  }
}

export async function saveBaselines(db: Db, baselines: readonly CountryBaseline[]): Promise<void> {
  for (const baseline of baselines) {
    await db
      .insertInto("agreement_country_baselines")
      .values({ country: baseline.country, document: jsonb(baseline) })
      .onConflict((c) => c.column("country").doUpdateSet({ document: jsonb(baseline) }))
      .execute();
  }
}

/** Writes an agreement with its clauses and findings, replacing any earlier version of it. */
export function saveAgreement(
  db: Db,
  organizationId: string,
  agreement: Agreement,
  userId: string | null,
): Promise<void> {
  const { clauses, ...metadata } = agreement;
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom("agreement_clauses").where("agreement_id", "=", agreement.id).execute();
    const row = {
      organization_id: organizationId,
      title: agreement.title,
      countries: agreement.countries,
      sectors: agreement.sectors,
      languages: agreement.languages,
      level: agreement.level,
      status: agreement.status,
      in_force_from: partialDateRange(agreement.dates.inForceFrom).first,
      in_force_to: partialDateRange(agreement.dates.inForceTo).last,
      document: jsonb(metadata),
      updated_by: userId,
    };
    await trx
      .insertInto("agreements")
      .values({ id: agreement.id, created_by: userId, ...row })
      .onConflict((c) => c.column("id").doUpdateSet({ ...row, updated_at: sql`now()` }))
      .execute();
    const clauseRows = clauses.map((clause, position) => ({
      agreement_id: agreement.id,
      id: clause.id,
      organization_id: organizationId,
      position,
      article_ref: clause.articleRef,
      text_kind: clause.textKind,
      body: clause.text,
      language: clause.language,
      ts_config: sql<string>`${textSearchConfig(clause.language)}::regconfig`,
    }));
    for (const chunk of chunks(clauseRows)) await trx.insertInto("agreement_clauses").values(chunk).execute();
    const findings = clauses.flatMap((clause) =>
      clause.findings.map((finding, position) => ({
        agreement_id: agreement.id,
        clause_id: clause.id,
        position,
        organization_id: organizationId,
        code: finding.code,
        present: finding.present,
        value_kind: finding.value?.kind ?? null,
        value_number: comparableNumber(finding.value),
        value_currency: finding.value?.kind === "money" ? finding.value.currency : null,
        applies_to: finding.appliesTo,
        verified: finding.verified,
        document: jsonb(finding),
      })),
    );
    for (const chunk of chunks(findings)) await trx.insertInto("agreement_findings").values(chunk).execute();
  });
}

/** Rows in batches small enough for PostgreSQL's 65,535 bind parameters. */
export function chunks<T>(rows: T[], size = 1000): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}
