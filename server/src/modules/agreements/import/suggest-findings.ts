import { type FindingValue, isValueKindAllowed, type TaxonomyCode } from "../../../../../common/agreements.ts";
import type { TextSpan } from "../../../../../common/agreements-import.ts";
import { TAXONOMY } from "../data/taxonomy.ts";
import { SUGGESTION_RULES, type SuggestionRule } from "./suggestion-rules.ts";
import type { ExtractedValue } from "./value-extractors.ts";

export interface RawSuggestion {
  code: string;
  value: FindingValue | null;
  strength: SuggestionRule["strength"];
  confidence: number;
  rule: string;
  triggers: TextSpan[];
  valueSpan: TextSpan | null;
}

const CODES = new Map<string, TaxonomyCode>(TAXONOMY.codes.map((code) => [code.code, code]));

interface Passage {
  start: number;
  text: string;
}

/**
 * Suggests findings for one clause: at most one per taxonomy code, from the first rule (in rule
 * order) whose words all occur in one passage, with the value nearest to those words.
 */
export function suggestFindings(text: string, rules: readonly SuggestionRule[] = SUGGESTION_RULES): RawSuggestion[] {
  const sentences = splitSentences(text);
  const byCode = new Map<string, RawSuggestion>();
  for (const rule of rules) {
    if (byCode.has(rule.code)) continue;
    if (!rule.all.every((matcher) => matcher.exec(text) !== null)) continue;
    const passages = rule.scope === "clause" ? [{ start: 0, text }] : sentences;
    for (const passage of passages) {
      const suggestion = applyRule(rule, passage);
      if (suggestion) {
        byCode.set(rule.code, suggestion);
        break;
      }
    }
  }
  return [...byCode.values()];
}

function applyRule(rule: SuggestionRule, passage: Passage): RawSuggestion | null {
  if (rule.none?.some((matcher) => matcher.exec(passage.text) !== null)) return null;
  const triggers: TextSpan[] = [];
  for (const matcher of rule.all) {
    const match = matcher.exec(passage.text);
    if (!match) return null;
    triggers.push(shift({ start: match.index, end: match.index + match[0].length, text: match[0] }, passage.start));
  }
  const code = CODES.get(rule.code);
  const candidates = rule.value?.(passage.text).filter((c) => code !== undefined && isValueKindAllowed(code, c.value));
  const extracted = candidates ? nearest(candidates, triggers, passage.start) : null;
  if (rule.valueRequired && !extracted) return null;
  return {
    code: rule.code,
    value: extracted?.value ?? null,
    strength: rule.strength,
    confidence: rule.confidence,
    rule: rule.id,
    triggers: dropOverlaps(triggers),
    valueSpan: extracted ? shift(extracted.span, passage.start) : null,
  };
}

/** The value closest to the words that triggered the rule; a value inside a trigger does not count. */
function nearest(candidates: ExtractedValue[], triggers: TextSpan[], offset: number): ExtractedValue | null {
  let best: ExtractedValue | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const span = shift(candidate.span, offset);
    const distance = Math.min(
      ...triggers.map((t) => (span.end <= t.start ? t.start - span.end : span.start >= t.end ? span.start - t.end : 0)),
    );
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function shift(span: TextSpan, offset: number): TextSpan {
  return { start: span.start + offset, end: span.end + offset, text: span.text };
}

/** The same words can satisfy two groups; each is shown once. */
function dropOverlaps(spans: TextSpan[]): TextSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextSpan[] = [];
  for (const span of sorted) {
    const last = kept.at(-1);
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

/** Sentences and lines, with their offsets; "Art. 5" and "1.5" do not end a sentence. */
export function splitSentences(text: string): Passage[] {
  const passages: Passage[] = [];
  const boundary =
    /(?<!(?:^|[\s(])(?:Art|art|No|Nr|n[º°o]|p|S|Abs|Std|ca|bzw|etc|z\.B|i\.e|e\.g|v\.H|vs|Sr|Sra|Dr|St))[.;!?](?=\s+[\p{Lu}\d§(¿¡"«„])|\n+/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + (match[0].startsWith("\n") ? 0 : 1);
    pushPassage(passages, text, start, end);
    start = match.index + match[0].length;
  }
  pushPassage(passages, text, start, text.length);
  return passages;
}

function pushPassage(passages: Passage[], text: string, start: number, end: number): void {
  const slice = text.slice(start, end);
  const leading = slice.length - slice.trimStart().length;
  const trimmed = slice.trim();
  if (trimmed) passages.push({ start: start + leading, text: trimmed });
}
