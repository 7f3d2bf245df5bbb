import { franc } from "franc-min";

export interface LanguageGuess {
  /** BCP 47 tag, "und" when undetermined. */
  language: string;
  /** False when the text is short, or when its parts disagree about the language. */
  confident: boolean;
}

/** ISO 639-3 codes franc returns → the two-letter tags agreements use. */
const TWO_LETTER: Record<string, string> = {
  eng: "en",
  spa: "es",
  fra: "fr",
  deu: "de",
  ita: "it",
  nld: "nl",
  por: "pt",
  cat: "ca",
  swe: "sv",
  dan: "da",
  nob: "nb",
  fin: "fi",
  pol: "pl",
  ces: "cs",
  slk: "sk",
  hun: "hu",
  ron: "ro",
  ell: "el",
  tur: "tr",
  rus: "ru",
  ukr: "uk",
  jpn: "ja",
  kor: "ko",
  cmn: "zh",
  arb: "ar",
  hin: "hi",
  ind: "id",
  zlm: "ms",
  vie: "vi",
  tha: "th",
  swh: "sw",
  hrv: "hr",
  srp: "sr",
  bul: "bg",
};

const MIN_CONFIDENT_LENGTH = 60;
/** Long documents are sampled from start, middle and end: enough for trigrams, bounded in cost. */
const SAMPLE_CHARACTERS = 3_000;
/** The text is also cut into parts this long; the guess is confident when most parts agree. */
const PART_CHARACTERS = 250;
const AGREEING_SHARE = 0.7;

/** Enough of a clause to tell its language; franc's cost grows with the length it reads. */
const CLAUSE_SAMPLE_CHARACTERS = 400;

/** One quick guess for a passage (a clause), without the agreement check across parts. */
export function guessLanguage(text: string): string {
  return toTag(
    franc(text.slice(0, CLAUSE_SAMPLE_CHARACTERS).replace(/[\d§%€$£.,;:()[\]/\\-]+/g, " "), { minLength: 10 }),
  );
}

export function detectLanguage(text: string): LanguageGuess {
  const sample = sampleOf(text.replace(/[\d§%€$£.,;:()[\]/\\-]+/g, " ").replace(/\s+/g, " "));
  const language = toTag(franc(sample, { minLength: 10 }));
  if (language === "und" || sample.trim().length < MIN_CONFIDENT_LENGTH) return { language, confident: false };
  const parts = partsOf(sample);
  const agreeing = parts.filter((part) => toTag(franc(part, { minLength: 10 })) === language).length;
  return { language, confident: agreeing >= parts.length * AGREEING_SHARE };
}

function toTag(code: string): string {
  return TWO_LETTER[code] ?? "und";
}

function partsOf(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; start += PART_CHARACTERS) {
    const part = text.slice(start, start + PART_CHARACTERS);
    if (part.trim().length >= PART_CHARACTERS / 2 || parts.length === 0) parts.push(part);
  }
  return parts;
}

function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARACTERS * 3) return text;
  const middle = Math.floor(text.length / 2 - SAMPLE_CHARACTERS / 2);
  return [
    text.slice(0, SAMPLE_CHARACTERS),
    text.slice(middle, middle + SAMPLE_CHARACTERS),
    text.slice(-SAMPLE_CHARACTERS),
  ].join(" ");
}
