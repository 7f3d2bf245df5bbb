import type { ColumnType, Generated } from "kysely";
import type { Agreement, CountryBaseline, Finding, TaxonomyCode } from "../../../../common/agreements.ts";
import type { ImportDraft, ImportedClause, ImportWarning, Suggestion } from "../../../../common/agreements-import.ts";

type DateColumn = ColumnType<Date | null, string | null, string | null>;
/** bigint columns arrive as strings (PostgreSQL) or numbers (PGlite): read them with Number(). */
type BigIntColumn = ColumnType<string | number, number, number>;

export interface AgreementTaxonomyCodesTable {
  version: string;
  code: string;
  family: string;
  valid_from: DateColumn;
  valid_to: DateColumn;
  document: TaxonomyCode;
}

/** The agreement's metadata; `document` holds it whole (without clauses), the columns serve filters. */
export interface AgreementsTable {
  id: string;
  organization_id: string;
  title: string;
  countries: string[];
  sectors: string[];
  languages: string[];
  level: string;
  status: string;
  /** First day the agreement may be in force (a partial date's earliest day). */
  in_force_from: DateColumn;
  /** Last day it may be in force (a partial date's latest day). */
  in_force_to: DateColumn;
  document: Omit<Agreement, "clauses">;
  created_by: string | null;
  updated_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** The transparency log's entry for the latest saved version. */
  log_index: BigIntColumn | null;
}

export interface AgreementClausesTable {
  agreement_id: string;
  id: string;
  organization_id: string;
  position: number;
  article_ref: string | null;
  text_kind: string;
  body: string;
  language: string;
  ts_config: string;
  search: Generated<string>;
}

export interface AgreementFindingsTable {
  agreement_id: string;
  clause_id: string;
  position: number;
  organization_id: string;
  code: string;
  present: string;
  value_kind: string | null;
  /** The value as a number when it has one (number, money, multiplier, duration in hours), for range filters. */
  value_number: ColumnType<string | null, string | number | null, string | number | null>;
  value_currency: string | null;
  applies_to: string;
  verified: boolean;
  document: Finding;
}

export interface AgreementCountryBaselinesTable {
  country: string;
  document: CountryBaseline;
}

/** One row: bumped by a trigger on every statement that changes agreements, clauses or findings. */
export interface AgreementLibraryVersionTable {
  singleton: boolean;
  version: ColumnType<string, never, never>;
}

export interface AgreementChangesTable {
  id: Generated<string>;
  agreement_id: string;
  organization_id: string;
  user_id: string | null;
  action: "created" | "updated";
  changed_at: Date;
  /** The transparency log's entry for the version this change saved. */
  log_index: BigIntColumn | null;
}

/** An import draft; `clauses` holds the clauses without their suggestions (those are rows of their own). */
export interface AgreementImportsTable {
  id: Generated<string>;
  organization_id: string;
  status: ImportDraft["status"];
  source: ImportDraft["source"];
  language: string;
  warnings: ImportWarning[];
  clauses: Omit<ImportedClause, "suggestions">[];
  agreement_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface AgreementImportSuggestionsTable {
  import_id: string;
  id: string;
  organization_id: string;
  clause_id: string;
  position: number;
  decision: Suggestion["decision"];
  document: Suggestion;
}

export interface AgreementsTables {
  agreement_imports: AgreementImportsTable;
  agreement_import_suggestions: AgreementImportSuggestionsTable;
  agreement_changes: AgreementChangesTable;
  agreement_taxonomy_codes: AgreementTaxonomyCodesTable;
  agreements: AgreementsTable;
  agreement_clauses: AgreementClausesTable;
  agreement_findings: AgreementFindingsTable;
  agreement_country_baselines: AgreementCountryBaselinesTable;
  agreement_library_version: AgreementLibraryVersionTable;
}
