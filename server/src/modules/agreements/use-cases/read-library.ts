import type { Agreement, TaxonomyCode } from "../../../../../common/agreements.ts";
import type { AgreementChange, AgreementDetail } from "../../../../../common/agreements-api.ts";
import { logReference } from "../../../../../common/transparency.ts";
import type { Db } from "../../../platform/db/database.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import { organizationNames } from "../../identity/index.ts";

/**
 * Public: one agreement with its clauses and findings, the statutory baselines of its countries,
 * and the transparency log's entry for its latest saved version.
 */
export async function getAgreement(db: Db, agreementId: string): Promise<AgreementDetail> {
  const agreement = await loadAgreement(db, agreementId);
  const baselines = await db
    .selectFrom("agreement_country_baselines")
    .select("document")
    .where("country", "in", agreement.countries)
    .execute();
  const saved = await db.selectFrom("agreements").select("log_index").where("id", "=", agreementId).executeTakeFirst();
  return { ...agreement, baselines: baselines.map((b) => b.document), log: logReferenceOf(saved?.log_index) };
}

function logReferenceOf(index: string | number | null | undefined) {
  return index === null || index === undefined ? null : logReference(Number(index));
}

/** One agreement with its clauses and findings, in the order they were coded. */
export async function loadAgreement(db: Db, agreementId: string): Promise<Agreement> {
  const agreement = await findAgreement(db, agreementId);
  if (!agreement) throw notFound("agreement");
  return agreement;
}

/** The agreement, or undefined when there is none of that id. */
export async function findAgreement(db: Db, agreementId: string): Promise<Agreement | undefined> {
  return (await findAgreements(db, [agreementId]))[0];
}

/** The agreements of these ids that exist, whole, in the order of `agreementIds`: three statements in all. */
export async function findAgreements(db: Db, agreementIds: readonly string[]): Promise<Agreement[]> {
  if (agreementIds.length === 0) return [];
  const ids = [...agreementIds];
  const rows = await db.selectFrom("agreements").select(["id", "document"]).where("id", "in", ids).execute();
  const clauses = await db
    .selectFrom("agreement_clauses")
    .select(["agreement_id", "id", "article_ref", "text_kind", "body", "language"])
    .where("agreement_id", "in", ids)
    .orderBy("agreement_id")
    .orderBy("position")
    .execute();
  const findings = await db
    .selectFrom("agreement_findings")
    .select(["agreement_id", "clause_id", "document"])
    .where("agreement_id", "in", ids)
    .orderBy("agreement_id")
    .orderBy("clause_id")
    .orderBy("position")
    .execute();
  const findingsOf = groupBy(findings, (f) => `${f.agreement_id}\u0000${f.clause_id}`);
  const clausesOf = groupBy(clauses, (c) => c.agreement_id);
  const documents = new Map(rows.map((row) => [row.id, row.document]));
  return ids.flatMap((id) => {
    const document = documents.get(id);
    if (!document) return [];
    const agreement: Agreement = {
      ...document,
      clauses: (clausesOf.get(id) ?? []).map((clause) => ({
        id: clause.id,
        articleRef: clause.article_ref,
        textKind: clause.text_kind as Agreement["clauses"][number]["textKind"],
        text: clause.body,
        language: clause.language,
        findings: (findingsOf.get(`${id}\u0000${clause.id}`) ?? []).map((f) => f.document),
      })),
    };
    return [agreement];
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Public: the taxonomy of its newest version, codes in order. */
export async function getTaxonomy(db: Db): Promise<{ version: string; codes: TaxonomyCode[] }> {
  const latest = await db
    .selectFrom("agreement_taxonomy_codes")
    .select("version")
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!latest) return { version: "", codes: [] };
  const rows = await db
    .selectFrom("agreement_taxonomy_codes")
    .select("document")
    .where("version", "=", latest.version)
    .orderBy("code")
    .execute();
  return { version: latest.version, codes: rows.map((r) => r.document) };
}

/** Public: the agreement's history, newest first; who acted is shown as their union, not the person. */
export async function listChanges(db: Db, agreementId: string): Promise<AgreementChange[]> {
  const exists = await db.selectFrom("agreements").select("id").where("id", "=", agreementId).executeTakeFirst();
  if (!exists) throw notFound("agreement");
  const rows = await db
    .selectFrom("agreement_changes")
    .select(["action", "changed_at", "organization_id", "log_index"])
    .where("agreement_id", "=", agreementId)
    .orderBy("changed_at", "desc")
    .orderBy("id", "desc")
    .limit(500)
    .execute();
  const names = await organizationNames(
    db,
    rows.map((row) => row.organization_id),
  );
  return rows.map((row) => ({
    action: row.action,
    changedAt: row.changed_at.toISOString(),
    organizationName: names.get(row.organization_id) ?? "",
    log: logReferenceOf(row.log_index),
  }));
}
