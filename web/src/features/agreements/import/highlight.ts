import type { ImportedClause, TextSpan } from "../../../../../common/agreements-import.ts";

/** trigger: words that made a rule suggest something; value: the words a value was read from. */
export type HighlightKind = "trigger" | "value";

export interface Segment {
  text: string;
  kind: HighlightKind | null;
}

interface KindedSpan {
  start: number;
  end: number;
  kind: HighlightKind;
}

/**
 * Where the span really is in the text. Offsets are UTF-16 code units, as the API promises; if they
 * and the quoted words disagree, the words are looked for nearby instead of marking the wrong text.
 */
export function locateSpan(text: string, span: TextSpan): { start: number; end: number } | null {
  const { start, end } = span;
  if (start >= 0 && end > start && end <= text.length && (span.text === "" || text.slice(start, end) === span.text)) {
    return { start, end };
  }
  if (span.text === "") {
    return null;
  }
  const from = text.lastIndexOf(span.text, Math.max(0, start));
  const found = from >= 0 ? from : text.indexOf(span.text);
  return found >= 0 ? { start: found, end: found + span.text.length } : null;
}

/** Every span the clause's suggestions point at, triggers and values. */
export function clauseSpans(clause: ImportedClause): KindedSpan[] {
  const spans: KindedSpan[] = [];
  for (const suggestion of clause.suggestions) {
    for (const trigger of suggestion.explanation.triggers) {
      const place = locateSpan(clause.text, trigger);
      if (place) spans.push({ ...place, kind: "trigger" });
    }
    const value = suggestion.explanation.valueSpan;
    const place = value ? locateSpan(clause.text, value) : null;
    if (place) spans.push({ ...place, kind: "value" });
  }
  return spans;
}

/** Cuts the text into plain and highlighted stretches; where spans overlap, a value wins over a trigger. */
export function highlightSegments(text: string, spans: readonly KindedSpan[]): Segment[] {
  if (spans.length === 0) {
    return [{ text, kind: null }];
  }
  const points = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])]
    .filter((point) => point >= 0 && point <= text.length)
    .sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const from = points[index] as number;
    const to = points[index + 1] as number;
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    const kind: HighlightKind | null = covering.some((span) => span.kind === "value")
      ? "value"
      : covering.length > 0
        ? "trigger"
        : null;
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) {
      last.text += text.slice(from, to);
    } else {
      segments.push({ text: text.slice(from, to), kind });
    }
  }
  return segments;
}

/** Cuts segments at a character offset: what comes before it, and what comes after. */
export function splitSegments(segments: readonly Segment[], at: number): [Segment[], Segment[]] {
  const before: Segment[] = [];
  const after: Segment[] = [];
  let position = 0;
  for (const segment of segments) {
    const end = position + segment.text.length;
    if (end <= at) {
      before.push(segment);
    } else if (position >= at) {
      after.push(segment);
    } else {
      before.push({ text: segment.text.slice(0, at - position), kind: segment.kind });
      after.push({ text: segment.text.slice(at - position), kind: segment.kind });
    }
    position = end;
  }
  return [before, after];
}

/**
 * A clause's text begins with its heading ("Artículo 6. Horas extraordinarias"), which the page
 * already shows as the clause's title: the heading's segments go there, the rest below it.
 */
export function clauseParts(clause: ImportedClause): { heading: Segment[] | null; body: Segment[] } {
  const segments = highlightSegments(clause.text, clauseSpans(clause));
  const ref = clause.articleRef;
  if (!ref || !clause.text.startsWith(ref)) {
    return { heading: null, body: segments };
  }
  const [heading, rest] = splitSegments(segments, ref.length);
  const body = trimLeadingBreak(rest);
  return body.length === 0 ? { heading: null, body: segments } : { heading, body };
}

function trimLeadingBreak(segments: Segment[]): Segment[] {
  const [first, ...others] = segments;
  if (!first) return segments;
  const text = first.text.replace(/^[ \t]*\n/, "");
  if (text === "") return others;
  return [{ ...first, text }, ...others];
}
