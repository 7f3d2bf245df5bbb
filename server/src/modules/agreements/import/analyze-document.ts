import type { ImportedClause, ImportWarning, Suggestion } from "../../../../../common/agreements-import.ts";
import { detectLanguage, guessLanguage } from "./detect-language.ts";
import type { ExtractedText } from "./extract-text.ts";
import { splitClauses } from "./split-clauses.ts";
import { suggestFindings } from "./suggest-findings.ts";

export interface AnalyzedDocument {
  language: string;
  warnings: ImportWarning[];
  clauses: ImportedClause[];
}

/** Clauses shorter than this take the document's language: too few words for a guess of their own. */
const MIN_CLAUSE_DETECTION_LENGTH = 200;

/** Clauses analysed between two yields to the event loop, so one long document does not stall the server. */
const CLAUSES_PER_TURN = 25;

/** Splits extracted text into clauses, detects languages and suggests findings, all pending review. */
export async function analyzeDocument(extracted: ExtractedText): Promise<AnalyzedDocument> {
  const warnings = [...extracted.warnings];
  const split = splitClauses(extracted.text);
  if (!split.foundHeadings) warnings.push("no_headings");
  const documentGuess = detectLanguage(extracted.text);
  if (!documentGuess.confident) warnings.push("language_uncertain");
  let next = 1;
  const clauses: ImportedClause[] = [];
  for (const [index, clause] of split.clauses.entries()) {
    if (index > 0 && index % CLAUSES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const own = clause.text.length >= MIN_CLAUSE_DETECTION_LENGTH ? guessLanguage(clause.text) : "und";
    const language = own !== "und" ? own : documentGuess.language;
    const suggestions = suggestFindings(clause.text).map(
      (raw): Suggestion => ({
        id: `s${next++}`,
        code: raw.code,
        suggestedValue: raw.value,
        strength: raw.strength,
        confidence: raw.confidence,
        explanation: { rule: raw.rule, triggers: raw.triggers, valueSpan: raw.valueSpan },
        decision: "pending",
        value: raw.value,
        decidedBy: null,
        decidedAt: null,
      }),
    );
    clauses.push({ id: clause.id, articleRef: clause.articleRef, text: clause.text, language, suggestions });
  }
  return { language: documentGuess.language, warnings, clauses };
}
