import { type Agreement, isValueKindAllowed, type TaxonomyCode } from "../../../../../common/agreements.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { getTaxonomy } from "./read-library.ts";

type Field = { path: string; message: string };

/** Every finding names a code of the taxonomy and carries a value that code allows. */
export function checkFindings(agreement: Agreement, codes: ReadonlyMap<string, TaxonomyCode>, at = "body"): Field[] {
  const problems: Field[] = [];
  agreement.clauses.forEach((clause, c) => {
    clause.findings.forEach((finding, f) => {
      const path = `${at}.clauses.${c}.findings.${f}`;
      const code = codes.get(finding.code);
      if (!code) problems.push({ path: `${path}.code`, message: `Unknown taxonomy code ${finding.code}` });
      else if (!isValueKindAllowed(code, finding.value)) {
        problems.push({ path: `${path}.value`, message: `${finding.code} does not take this kind of value` });
      }
    });
  });
  return problems;
}

export async function taxonomyCodes(db: Db): Promise<Map<string, TaxonomyCode>> {
  return new Map((await getTaxonomy(db)).codes.map((code) => [code.code, code]));
}

export function refuseInvalid(problems: Field[]): void {
  if (problems.length === 0) return;
  throw new AppError("validation_failed", `${problems.length} finding(s) do not fit the taxonomy.`, {
    fields: problems.slice(0, 100),
  });
}
