import type { Agreement, CountryBaseline } from "../../../../../common/agreements.ts";
import { type Db, inSnapshot } from "../../../platform/db/database.ts";
import { toCsv } from "../../../platform/http/csv.ts";
import { describeValue } from "./compare-agreements.ts";
import { findAgreements, getTaxonomy } from "./read-library.ts";

/** Agreements read per batch: three statements each. */
const EXPORT_BATCH = 500;

/**
 * Public: the whole library as loaded, so that loading the export gives the same library back.
 * Read in one snapshot, in batches of agreements by id.
 */
export function exportLibrary(db: Db) {
  return inSnapshot(db, async (trx) => {
    const ids = (await trx.selectFrom("agreements").select("id").orderBy("id").execute()).map((row) => row.id);
    const agreements: Agreement[] = [];
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      agreements.push(...(await findAgreements(trx, ids.slice(start, start + EXPORT_BATCH))));
    }
    const baselines: CountryBaseline[] = (
      await trx.selectFrom("agreement_country_baselines").select("document").orderBy("country").execute()
    ).map((row) => row.document);
    return { taxonomy: await getTaxonomy(trx), baselines, agreements };
  });
}

const FINDING_COLUMNS = [
  "agreement_id",
  "agreement_title",
  "countries",
  "clause_id",
  "article_ref",
  "code",
  "present",
  "value",
  "value_kind",
  "applies_to",
  "strength",
  "effective_from",
  "effective_to",
  "confidence",
  "verified",
  "evidence_urls",
] as const;

/** One CSV row per finding, for spreadsheets. */
export function libraryToCsv(agreements: readonly Agreement[]): string {
  const rows: string[][] = [[...FINDING_COLUMNS]];
  for (const agreement of agreements) {
    for (const clause of agreement.clauses) {
      for (const finding of clause.findings) {
        rows.push([
          agreement.id,
          agreement.title,
          agreement.countries.join(" "),
          clause.id,
          clause.articleRef ?? "",
          finding.code,
          finding.present,
          finding.value ? describeValue(finding.value) : "",
          finding.value?.kind ?? "",
          finding.appliesTo,
          finding.strength ?? "",
          finding.effectiveFrom ?? "",
          finding.effectiveTo ?? "",
          String(finding.confidence),
          String(finding.verified),
          finding.evidence.map((e) => e.url).join(" "),
        ]);
      }
    }
  }
  return toCsv(rows);
}
