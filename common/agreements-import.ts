import { z } from "zod";
import {
  AGREEMENT_LEVELS,
  AGREEMENT_STATUSES,
  agreementDatesSchema,
  agreementSchema,
  countryBaselineSchema,
  countryCodeSchema,
  findingValueSchema,
  languageTagSchema,
  OCCUPATIONS,
  partySchema,
  SECTORS,
  STRENGTHS,
  slugSchema,
  taxonomyCodeIdSchema,
  taxonomyCodeSchema,
} from "./agreements.ts";

// Importing an agreement document: the server extracts its text, splits it into clauses, detects
// the language and suggests findings; an officer accepts, edits or rejects each suggestion and then
// commits the draft as a new agreement. Browser-safe: no Node imports.

export const IMPORT_LIMITS = {
  /** Largest uploaded file. A 100-page PDF with a text layer is usually well under 5 MiB. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Largest pasted text, in characters. */
  maxPastedCharacters: 2_000_000,
  /** Most characters of text kept from a document, after extraction. */
  maxTextCharacters: 2_000_000,
  maxClauses: 5_000,
  /** Largest library JSON file for the bulk import. */
  maxLibraryFileBytes: 200 * 1024 * 1024,
  /** Most pages read from a PDF. */
  maxPdfPages: 2_000,
} as const;

export const IMPORT_SOURCE_KINDS = ["text", "markdown", "pdf", "docx", "paste"] as const;
export type ImportSourceKind = (typeof IMPORT_SOURCE_KINDS)[number];

/** What the server could not do perfectly; the review page explains each one in the user's language. */
export const IMPORT_WARNINGS = [
  /** No article or section headings were found: clauses are the document's paragraphs. */
  "no_headings",
  /** The text is too short or too mixed for a confident language guess. */
  "language_uncertain",
  /** Some pages of a PDF had no text layer (scanned images are not read). */
  "pages_without_text",
] as const;
export type ImportWarning = (typeof IMPORT_WARNINGS)[number];

/** A stretch of the clause text, by UTF-16 offsets as JavaScript strings count them. */
export const textSpanSchema = z.object({
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  text: z.string(),
});
export type TextSpan = z.infer<typeof textSpanSchema>;

export const SUGGESTION_DECISIONS = ["pending", "accepted", "rejected"] as const;
export type SuggestionDecision = (typeof SUGGESTION_DECISIONS)[number];

export const suggestionSchema = z.object({
  /** Unique within the draft, e.g. "s12". */
  id: z.string().regex(/^s\d+$/),
  code: taxonomyCodeIdSchema,
  /** The value read from the text; null when the rule detects presence only. */
  suggestedValue: findingValueSchema.nullable(),
  strength: z.enum(STRENGTHS).nullable(),
  /** The rule's own estimate, 0–1. */
  confidence: z.number().min(0).max(1),
  explanation: z.object({
    /** Stable rule name, e.g. "overtime-multiplier". */
    rule: z.string().min(1),
    /** The words that triggered the rule. */
    triggers: z.array(textSpanSchema).min(1),
    /** The words the value was read from. */
    valueSpan: textSpanSchema.nullable(),
  }),
  decision: z.enum(SUGGESTION_DECISIONS),
  /** The value that will be saved when accepted: the suggested one, or the officer's edit. */
  value: findingValueSchema.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const importedClauseSchema = z.object({
  id: slugSchema,
  articleRef: z.string().nullable(),
  text: z.string().min(1),
  language: languageTagSchema,
  suggestions: z.array(suggestionSchema),
});
export type ImportedClause = z.infer<typeof importedClauseSchema>;

/** A discarded draft is deleted, text and all, so it has no status. */
export const IMPORT_STATUSES = ["draft", "committed"] as const;

export const importSourceSchema = z.object({
  kind: z.enum(IMPORT_SOURCE_KINDS),
  filename: z.string().nullable(),
  bytes: z.int().nonnegative(),
  /** PDF pages, when the source is a PDF. */
  pages: z.int().nonnegative().nullable(),
});

export const importDraftSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  status: z.enum(IMPORT_STATUSES),
  source: importSourceSchema,
  /** Detected language of the whole document. */
  language: languageTagSchema,
  warnings: z.array(z.enum(IMPORT_WARNINGS)),
  clauses: z.array(importedClauseSchema),
  /** Set once committed. */
  agreementId: slugSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ImportDraft = z.infer<typeof importDraftSchema>;

export const importSummarySchema = importDraftSchema
  .pick({ id: true, status: true, source: true, language: true, agreementId: true, createdAt: true })
  .extend({
    clauseCount: z.int(),
    suggestionCount: z.int(),
    pendingCount: z.int(),
  });
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** Body of `POST /api/v1/agreements/imports` when text is pasted (files go as multipart field `file`). */
export const pastedImportSchema = z.object({
  text: z.string().max(IMPORT_LIMITS.maxPastedCharacters),
});

/** Body of `PATCH /api/v1/agreements/imports/:importId/suggestions/:suggestionId`. */
export const suggestionDecisionSchema = z.object({
  decision: z.enum(SUGGESTION_DECISIONS),
  /** Omitted: keep the current value. */
  value: findingValueSchema.nullable().optional(),
});
export type SuggestionDecisionInput = z.infer<typeof suggestionDecisionSchema>;

/**
 * Body of `POST /api/v1/agreements/imports/:importId/commit`: the agreement's metadata. The clauses
 * come from the draft, their findings from the accepted suggestions.
 */
export const importCommitSchema = z.object({
  id: slugSchema,
  title: z.string().trim().min(1).max(500),
  titleEn: z.string().trim().min(1).max(500).nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  parties: z.array(partySchema).min(1),
  countries: z.array(countryCodeSchema).min(1),
  level: z.enum(AGREEMENT_LEVELS),
  sectors: z.array(z.enum(SECTORS)).min(1),
  occupations: z.array(z.enum(OCCUPATIONS)),
  dates: agreementDatesSchema,
  /** Where the agreement is published; null: the imported document is the only source. */
  sourceUrl: z.httpUrl().nullable(),
  sourceTitle: z.string().trim().min(1).max(500),
});
export type ImportCommit = z.infer<typeof importCommitSchema>;

/**
 * The whole library as `GET /api/v1/agreements/export` writes it, and as the bulk import and
 * `guildhall agreements import` read it back.
 */
export const libraryFileSchema = z.object({
  taxonomy: z.object({ version: z.string().min(1), codes: z.array(taxonomyCodeSchema) }),
  baselines: z.array(countryBaselineSchema),
  agreements: z.array(agreementSchema),
});
export type LibraryFile = z.infer<typeof libraryFileSchema>;
