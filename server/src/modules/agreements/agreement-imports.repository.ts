import type { ImportDraft, ImportSummary, Suggestion } from "../../../../common/agreements-import.ts";
import type { Db } from "../../platform/db/database.ts";
import { jsonb } from "../../platform/db/jsonb.ts";
import { chunks } from "./agreements.repository.ts";
import type { AgreementImportsTable } from "./agreements.tables.ts";
import type { AnalyzedDocument } from "./import/analyze-document.ts";

/** SQL for import drafts and their suggestions. */

export interface NewImport {
  organizationId: string;
  userId: string | null;
  source: ImportDraft["source"];
  analyzed: AnalyzedDocument;
  now: Date;
}

export async function insertImport(db: Db, draft: NewImport): Promise<string> {
  const { analyzed } = draft;
  const { id } = await db
    .insertInto("agreement_imports")
    .values({
      organization_id: draft.organizationId,
      status: "draft",
      source: jsonb(draft.source),
      language: analyzed.language,
      warnings: jsonb(analyzed.warnings),
      clauses: jsonb(analyzed.clauses.map(({ suggestions: _, ...clause }) => clause)),
      agreement_id: null,
      created_by: draft.userId,
      created_at: draft.now,
      updated_at: draft.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = analyzed.clauses.flatMap((clause) =>
    clause.suggestions.map((suggestion, position) => ({
      import_id: id,
      id: suggestion.id,
      organization_id: draft.organizationId,
      clause_id: clause.id,
      position,
      decision: suggestion.decision,
      document: jsonb(suggestion),
    })),
  );
  for (const chunk of chunks(rows)) await db.insertInto("agreement_import_suggestions").values(chunk).execute();
  return id;
}

type ImportRow = Pick<
  AgreementImportsTable,
  | "organization_id"
  | "status"
  | "source"
  | "language"
  | "warnings"
  | "clauses"
  | "agreement_id"
  | "created_at"
  | "updated_at"
> & { id: string };

/** The draft with its suggestions, or undefined; `forUpdate` locks it for the rest of the transaction. */
export async function findImport(db: Db, importId: string, forUpdate = false): Promise<ImportDraft | undefined> {
  let query = db.selectFrom("agreement_imports").selectAll().where("id", "=", importId);
  if (forUpdate) query = query.forUpdate();
  const row: ImportRow | undefined = await query.executeTakeFirst();
  if (!row) return undefined;
  const suggestions = await db
    .selectFrom("agreement_import_suggestions")
    .select(["clause_id", "document"])
    .where("import_id", "=", importId)
    .orderBy("clause_id")
    .orderBy("position")
    .execute();
  const byClause = new Map<string, Suggestion[]>();
  for (const { clause_id, document } of suggestions) {
    const list = byClause.get(clause_id) ?? [];
    list.push(document);
    byClause.set(clause_id, list);
  }
  return {
    id: row.id,
    organizationId: row.organization_id,
    status: row.status,
    source: row.source,
    language: row.language,
    warnings: row.warnings,
    clauses: row.clauses.map((clause) => ({ ...clause, suggestions: byClause.get(clause.id) ?? [] })),
    agreementId: row.agreement_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listImports(db: Db, organizationIds: readonly string[]): Promise<ImportSummary[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom("agreement_imports as i")
    .select((eb) => [
      "i.id",
      "i.status",
      "i.source",
      "i.language",
      "i.agreement_id",
      "i.created_at",
      eb.fn<number>("jsonb_array_length", ["i.clauses"]).as("clause_count"),
      eb
        .selectFrom("agreement_import_suggestions as s")
        .select((s) => s.fn.countAll<string>().as("n"))
        .whereRef("s.import_id", "=", "i.id")
        .as("suggestion_count"),
      eb
        .selectFrom("agreement_import_suggestions as s")
        .select((s) => s.fn.countAll<string>().as("n"))
        .whereRef("s.import_id", "=", "i.id")
        .where("s.decision", "=", "pending")
        .as("pending_count"),
    ])
    .where("i.organization_id", "in", organizationIds)
    .orderBy("i.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    source: row.source,
    language: row.language,
    agreementId: row.agreement_id,
    createdAt: row.created_at.toISOString(),
    clauseCount: Number(row.clause_count),
    suggestionCount: Number(row.suggestion_count ?? 0),
    pendingCount: Number(row.pending_count ?? 0),
  }));
}

export async function findSuggestion(db: Db, importId: string, suggestionId: string): Promise<Suggestion | undefined> {
  const row = await db
    .selectFrom("agreement_import_suggestions")
    .select("document")
    .where("import_id", "=", importId)
    .where("id", "=", suggestionId)
    .forUpdate()
    .executeTakeFirst();
  return row?.document;
}

export async function updateSuggestion(db: Db, importId: string, suggestion: Suggestion, now: Date): Promise<void> {
  await db
    .updateTable("agreement_import_suggestions")
    .set({ decision: suggestion.decision, document: jsonb(suggestion) })
    .where("import_id", "=", importId)
    .where("id", "=", suggestion.id)
    .execute();
  await db.updateTable("agreement_imports").set({ updated_at: now }).where("id", "=", importId).execute();
}

export async function setImportStatus(
  db: Db,
  importId: string,
  status: "committed",
  agreementId: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable("agreement_imports")
    .set({ status, agreement_id: agreementId, updated_at: now })
    .where("id", "=", importId)
    .execute();
}
