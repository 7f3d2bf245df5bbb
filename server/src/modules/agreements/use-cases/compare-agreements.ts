import type { FindingValue } from "../../../../../common/agreements.ts";
import type { CompareQuery, CompareResult } from "../../../../../common/agreements-api.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { toCsv } from "../../../platform/http/csv.ts";

/** Public: a matrix of agreements (columns) against taxonomy codes (rows), each cell with its evidence. */
export async function compareAgreements(db: Db, query: CompareQuery): Promise<CompareResult> {
  if (!query.codes && !query.families) {
    throw new AppError("validation_failed", "Choose codes or families to compare.", {
      fields: [{ path: "querystring.codes", message: "Give codes or families" }],
    });
  }
  let agreementsQuery = db.selectFrom("agreements").select(["id", "title", "countries"]).orderBy("title").orderBy("id");
  if (query.ids) agreementsQuery = agreementsQuery.where("id", "in", query.ids);
  const agreements = await agreementsQuery.execute();
  if (query.ids && agreements.length !== new Set(query.ids).size) {
    const known = new Set(agreements.map((a) => a.id));
    throw new AppError("not_found", `No such agreement: ${query.ids.filter((id) => !known.has(id)).join(", ")}.`);
  }
  const codes = await selectCodes(db, query);
  if (agreements.length === 0 || codes.length === 0) return { agreements, codes, cells: [] };

  const rows = await db
    .selectFrom("agreement_findings as f")
    .innerJoin("agreement_clauses as c", (join) =>
      join.onRef("c.agreement_id", "=", "f.agreement_id").onRef("c.id", "=", "f.clause_id"),
    )
    .select(["f.agreement_id", "f.code", "f.clause_id", "c.article_ref", "f.document"])
    .where(
      "f.agreement_id",
      "in",
      agreements.map((a) => a.id),
    )
    .where("f.code", "in", codes)
    .orderBy("c.position")
    .orderBy("f.position")
    .execute();

  const cells = new Map<string, CompareResult["cells"][number]>();
  for (const row of rows) {
    const key = cellKey(row.code, row.agreement_id);
    const cell = cells.get(key) ?? { code: row.code, agreementId: row.agreement_id, findings: [] };
    cell.findings.push({
      clauseId: row.clause_id,
      articleRef: row.article_ref,
      present: row.document.present,
      value: row.document.value,
      evidence: row.document.evidence,
    });
    cells.set(key, cell);
  }
  return { agreements, codes, cells: [...cells.values()] };
}

function cellKey(code: string, agreementId: string): string {
  return `${code}\u0000${agreementId}`;
}

async function selectCodes(db: Db, query: CompareQuery): Promise<string[]> {
  if (query.codes) return query.codes;
  const rows = await db
    .selectFrom("agreement_taxonomy_codes")
    .select("code")
    .distinct()
    .where("family", "in", query.families ?? [])
    .orderBy("code")
    .execute();
  return rows.map((r) => r.code);
}

/** The matrix as CSV: one row per code, one column per agreement, values in plain words. */
export function compareToCsv(result: CompareResult): string {
  const header = ["code", ...result.agreements.map((a) => a.id)];
  const cells = new Map(result.cells.map((cell) => [cellKey(cell.code, cell.agreementId), cell]));
  const lines = result.codes.map((code) => [
    code,
    ...result.agreements.map((agreement) => {
      const cell = cells.get(cellKey(code, agreement.id));
      if (!cell) return "";
      return cell.findings.map((f) => (f.value ? describeValue(f.value as FindingValue) : f.present)).join("; ");
    }),
  ]);
  return toCsv([header, ...lines]);
}

/** A typed value in short, language-neutral form: "12 hours", "1050.00 EUR/1 day", "×1.46 scale", "PT48H". */
export function describeValue(value: FindingValue): string {
  switch (value.kind) {
    case "number":
      return `${value.value} ${value.unit}${value.per ? `/${value.per.quantity} ${value.per.unit}` : ""}`;
    case "money":
      return `${value.amount} ${value.currency}${value.per ? `/${value.per.quantity} ${value.per.unit}` : ""}`;
    case "multiplier":
      return `×${value.value}${value.base ? ` ${value.base}` : ""}`;
    case "duration":
      return value.value;
    case "boolean":
      return value.value ? "yes" : "no";
    case "text":
      return value.value;
  }
}
