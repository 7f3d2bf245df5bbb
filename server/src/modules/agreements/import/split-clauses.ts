import { IMPORT_LIMITS } from "../../../../../common/agreements-import.ts";
import { AppError } from "../../../platform/http/app-error.ts";

export interface SplitClause {
  id: string;
  articleRef: string | null;
  text: string;
}

export interface SplitResult {
  clauses: SplitClause[];
  /** False when no article headings were found and the clauses are paragraphs. */
  foundHeadings: boolean;
}

const NUMBER = String.raw`(?:\d+(?:\.\d+)*[a-z]?|[IVXLC]+|premier|1er|1re|erster?|first|primero|único|unique)(?:\s*(?:bis|ter|quater))?`;

/** "Article 5", "Art. 5", "Artículo 5", "Artikel 5", "§ 5", "Section 5", "Clause 5", "Cláusula 5"… at a line start. */
const ARTICLE_HEADING = new RegExp(
  String.raw`^(?:Art(?:icle|ículo|iculo|ikel|icolo|igo)?\.?|Section|Sección|Clause|Cláusula|Clausula|Clausola|Paragraph|Paragraphe|§+)\s*(${NUMBER})\b(?:\s*[.:–—-]\s*|\s+|$)(.{0,160})$`,
  "iu",
);

/** Chapters and titles group articles; they start no clause of their own. */
const CHAPTER_HEADING =
  /^(?:Chapter|Capítulo|Capitulo|Chapitre|Kapitel|Abschnitt|Título|Titulo|Titre|Teil|Part|Parte|Annex|Anexo|Annexe|Anlage)\s+[\dIVXLC]+\b.{0,160}$/iu;

/** "5." or "5.2" followed by a capitalised title on its own short line. */
const NUMBERED_HEADING = /^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\p{Lu}[^\n]{0,100})$/u;

/**
 * Splits an agreement's text into clauses at article headings. Text before the first article is
 * the preamble; chapter headings are dropped. Without article headings, numbered headings are
 * tried, then paragraphs.
 */
export function splitClauses(text: string): SplitResult {
  const lines = text.split("\n");
  for (const isHeading of [isArticleHeading, isNumberedHeading]) {
    const starts = lines.flatMap((line, index) => (isHeading(line.trim()) ? [index] : []));
    if (starts.length >= 2 || (starts.length === 1 && isHeading === isArticleHeading)) {
      return { clauses: limitCount(clausesAtHeadings(lines, starts)), foundHeadings: true };
    }
  }
  return { clauses: limitCount(paragraphClauses(text)), foundHeadings: false };
}

function isArticleHeading(line: string): boolean {
  return ARTICLE_HEADING.test(line);
}

function isNumberedHeading(line: string): boolean {
  return NUMBERED_HEADING.test(line) && !/[.;:,]$/.test(line) && line.split(/\s+/).length <= 12;
}

function clausesAtHeadings(lines: string[], starts: number[]): SplitClause[] {
  const ids = new UniqueIds();
  const clauses: SplitClause[] = [];
  const preamble = blockText(lines.slice(0, starts[0]));
  if (preamble) clauses.push({ id: ids.take("preamble"), articleRef: null, text: preamble });
  starts.forEach((start, index) => {
    const heading = (lines[start] ?? "").trim();
    const body = blockText(lines.slice(start, starts[index + 1] ?? lines.length));
    const number = (ARTICLE_HEADING.exec(heading) ?? NUMBERED_HEADING.exec(heading))?.[1] ?? String(index + 1);
    const isSection = heading.startsWith("§");
    clauses.push({
      id: ids.take(`${isSection ? "sec" : "art"}-${slugPart(number)}`),
      articleRef: heading.length > 120 ? `${heading.slice(0, 117)}…` : heading,
      text: body,
    });
  });
  return clauses;
}

function blockText(lines: string[]): string {
  return lines
    .filter((line) => !CHAPTER_HEADING.test(line.trim()))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Paragraphs, with lines too short to stand alone (titles) joined to the paragraph after them. */
function paragraphClauses(text: string): SplitClause[] {
  const ids = new UniqueIds();
  const clauses: SplitClause[] = [];
  let carried = "";
  for (const paragraph of text.split(/\n\s*\n/)) {
    const block = paragraph.trim();
    if (!block) continue;
    if (block.length < 40 && !/[.;:]$/.test(block)) {
      carried = carried ? `${carried}\n${block}` : block;
      continue;
    }
    clauses.push({
      id: ids.take(`p-${clauses.length + 1}`),
      articleRef: null,
      text: carried ? `${carried}\n${block}` : block,
    });
    carried = "";
  }
  if (carried) clauses.push({ id: ids.take(`p-${clauses.length + 1}`), articleRef: null, text: carried });
  return clauses;
}

function limitCount(clauses: SplitClause[]): SplitClause[] {
  if (clauses.length > IMPORT_LIMITS.maxClauses) {
    throw new AppError(
      "import_too_large",
      `The document splits into more than ${IMPORT_LIMITS.maxClauses} clauses; split it and import the parts.`,
    );
  }
  return clauses;
}

function slugPart(value: string): string {
  const slug = value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "x";
}

/** Clause ids are unique within a draft: a repeated article number gets "-2", "-3"… */
class UniqueIds {
  readonly #used = new Set<string>();

  take(base: string): string {
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}-${n}`;
    this.#used.add(id);
    return id;
  }
}
