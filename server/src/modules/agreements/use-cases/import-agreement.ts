import {
  type Agreement,
  agreementSchema,
  type Clause,
  type Finding,
  IMPORTED_DOCUMENT_URN_PREFIX,
  isValueKindAllowed,
} from "../../../../../common/agreements.ts";
import type {
  ImportCommit,
  ImportDraft,
  ImportedClause,
  ImportSummary,
  Suggestion,
  SuggestionDecisionInput,
} from "../../../../../common/agreements-import.ts";
import type { Actor } from "../../../platform/auth/actor.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import {
  findImport,
  findSuggestion,
  insertImport,
  listImports,
  setImportStatus,
  updateSuggestion,
} from "../agreement-imports.repository.ts";
import { UNKNOWN_COVERAGE } from "../data/corpus/helpers.ts";
import { analyzeDocument } from "../import/analyze-document.ts";
import type { ExtractedText } from "../import/extract-text.ts";
import { getTaxonomy } from "./read-library.ts";
import { authorizeCurateAgreement, officerUnions, putAgreement } from "./save-agreement.ts";

/** Who is asking, and the unions they belong to (officer roles are checked per use). */
export interface ImportCaller {
  actor: Actor;
  unions: readonly string[];
  now: Date;
}

/** A draft the caller may see: one of their union's. Anything else is "not found". */
async function draftOf(db: Db, caller: ImportCaller, importId: string, forUpdate = false): Promise<ImportDraft> {
  const draft = await findImport(db, importId, forUpdate);
  if (!draft || !officerUnions(caller.actor, caller.unions).includes(draft.organizationId)) throw notFound("import");
  return draft;
}

function requireDraftStatus(draft: ImportDraft): void {
  if (draft.status !== "draft") {
    throw new AppError(
      "conflict",
      `This import was already ${draft.status}${draft.agreementId ? ` as ${draft.agreementId}` : ""}.`,
    );
  }
}

/** Analyses extracted text and stores the draft for the caller's union. */
export async function createImport(
  db: Db,
  caller: ImportCaller,
  extracted: ExtractedText,
  source: { filename: string | null; bytes: number },
): Promise<ImportDraft> {
  const organizationId = authorizeCurateAgreement(caller.actor, caller.unions, null);
  const analyzed = await analyzeDocument(extracted);
  const id = await inTransaction(db, (trx) =>
    insertImport(trx, {
      organizationId,
      userId: caller.actor.kind === "user" ? caller.actor.userId : null,
      source: { kind: extracted.kind, filename: source.filename, bytes: source.bytes, pages: extracted.pages },
      analyzed,
      now: caller.now,
    }),
  );
  return draftOf(db, caller, id);
}

export function getImport(db: Db, caller: ImportCaller, importId: string): Promise<ImportDraft> {
  return draftOf(db, caller, importId);
}

export function listImportsOf(db: Db, caller: ImportCaller): Promise<ImportSummary[]> {
  authorizeCurateAgreement(caller.actor, caller.unions, null);
  return listImports(db, officerUnions(caller.actor, caller.unions));
}

/** Records an officer's decision on one suggestion; an edited value must suit the code. */
export function decideSuggestion(
  db: Db,
  caller: ImportCaller,
  importId: string,
  suggestionId: string,
  input: SuggestionDecisionInput,
): Promise<Suggestion> {
  return inTransaction(db, async (trx) => {
    requireDraftStatus(await draftOf(trx, caller, importId, true));
    const suggestion = await findSuggestion(trx, importId, suggestionId);
    if (!suggestion) throw notFound("suggestion");
    const value = input.value === undefined ? suggestion.value : input.value;
    if (value !== null) {
      const code = (await getTaxonomy(trx)).codes.find((c) => c.code === suggestion.code);
      if (!code || !isValueKindAllowed(code, value)) {
        throw new AppError("validation_failed", `This kind of value does not suit ${suggestion.code}.`, {
          fields: [{ path: "body.value", message: `Not allowed for ${suggestion.code}` }],
        });
      }
    }
    const decided: Suggestion = {
      ...suggestion,
      decision: input.decision,
      value,
      decidedBy: input.decision === "pending" || caller.actor.kind !== "user" ? null : caller.actor.userId,
      decidedAt: input.decision === "pending" ? null : caller.now.toISOString(),
    };
    await updateSuggestion(trx, importId, decided, caller.now);
    return decided;
  });
}

/** Turns the draft into a new agreement: its clauses verbatim, the accepted suggestions as findings. */
export function commitImport(
  db: Db,
  caller: ImportCaller,
  importId: string,
  metadata: ImportCommit,
): Promise<{ id: string; created: boolean }> {
  return inTransaction(db, async (trx) => {
    const draft = await draftOf(trx, caller, importId, true);
    requireDraftStatus(draft);
    const agreement = agreementFromDraft(draft, metadata);
    const { created } = await putAgreement(trx, caller.actor, agreement, caller.unions, caller.now, {
      createOnly: true,
    });
    await setImportStatus(trx, importId, "committed", agreement.id, caller.now);
    return { id: agreement.id, created };
  });
}

/** Deletes a draft that was never committed, with its text. */
export function discardImport(db: Db, caller: ImportCaller, importId: string): Promise<void> {
  return inTransaction(db, async (trx) => {
    requireDraftStatus(await draftOf(trx, caller, importId, true));
    await trx.deleteFrom("agreement_imports").where("id", "=", importId).execute();
  });
}

export function agreementFromDraft(draft: ImportDraft, metadata: ImportCommit): Agreement {
  const sourceUrl = metadata.sourceUrl ?? `${IMPORTED_DOCUMENT_URN_PREFIX}${draft.id}`;
  const clauses = draft.clauses.map((clause) => clauseFromDraft(clause, sourceUrl));
  const languages = [...new Set(clauses.map((c) => c.language).filter((l) => l !== "und"))];
  const candidate: Agreement = {
    id: metadata.id,
    title: metadata.title,
    titleEn: metadata.titleEn,
    titleKind: "official",
    status: metadata.status,
    parties: metadata.parties,
    countries: metadata.countries,
    subdivisions: [],
    level: metadata.level,
    sectors: metadata.sectors,
    occupations: metadata.occupations,
    coverage: UNKNOWN_COVERAGE,
    workersCovered: null,
    dates: metadata.dates,
    languages: languages.length > 0 ? languages : [draft.language],
    lineage: [],
    sources: [{ url: sourceUrl, title: metadata.sourceTitle, kind: "primary" }],
    clauses,
    notes: [],
  };
  const checked = agreementSchema.safeParse(candidate);
  if (!checked.success) {
    throw new AppError("validation_failed", "The agreement built from this import is not valid.", {
      fields: checked.error.issues.map((issue) => ({
        path: ["body", ...issue.path].join("."),
        message: issue.message,
      })),
    });
  }
  return checked.data;
}

function clauseFromDraft(clause: ImportedClause, sourceUrl: string): Clause {
  const where = clause.articleRef ?? clause.id;
  return {
    id: clause.id,
    articleRef: clause.articleRef,
    textKind: "verbatim",
    text: clause.text,
    language: clause.language,
    findings: clause.suggestions
      .filter((s) => s.decision === "accepted")
      .map(
        (s): Finding => ({
          code: s.code,
          present: "yes",
          value: s.value,
          appliesTo: "all",
          classification: null,
          strength: s.strength,
          effectiveFrom: null,
          effectiveTo: null,
          confidence: s.confidence,
          verified: true,
          evidence: [
            {
              url: sourceUrl,
              basis: "seen",
              note: `${where}: "${evidenceExcerpt(clause.text, s)}"`,
            },
          ],
          note: null,
        }),
      ),
  };
}

/** The words around the suggestion's triggers and value, as the finding's evidence span. */
function evidenceExcerpt(text: string, suggestion: Suggestion): string {
  const spans = [
    ...suggestion.explanation.triggers,
    ...(suggestion.explanation.valueSpan ? [suggestion.explanation.valueSpan] : []),
  ];
  const start = Math.max(0, Math.min(...spans.map((s) => s.start)) - 40);
  const end = Math.min(text.length, Math.max(...spans.map((s) => s.end)) + 40);
  const excerpt = text.slice(start, end).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "…" : ""}${excerpt}${end < text.length ? "…" : ""}`;
}
