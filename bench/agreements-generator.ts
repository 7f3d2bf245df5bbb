import {
  AGREEMENT_LEVELS,
  type Agreement,
  APPLIES_TO,
  type Clause,
  type Evidence,
  type Finding,
  type FindingValue,
  isValueKindAllowed,
  NUMBER_UNITS,
  type NumberUnit,
  OCCUPATIONS,
  type RateBasis,
  SECTORS,
  type Sector,
  STRENGTHS,
  type TaxonomyCode,
  type TriState,
} from "../common/agreements.ts";
import { TAXONOMY } from "../server/src/modules/agreements/data/taxonomy.ts";
import { LANGUAGES, type Language, TOPICS, type Topic, VOCABULARY } from "./agreements-vocabulary.ts";

/**
 * A deterministic generator of a synthetic agreements library for the benchmarks: valid
 * `Agreement` objects (agreementSchema) with clauses in English, Spanish, French, German, Italian
 * and Dutch, findings coded with the real taxonomy (value kinds it allows), and countries,
 * sectors, coverage and dates spread over plausible ranges.
 *
 * Agreement `index` depends only on (seed, index), so any agreement can be generated alone and
 * the library can be streamed without holding it in memory.
 */

export interface LibraryOptions {
  agreements: number;
  clausesPerAgreement: number;
  seed: number;
}

/** The scale: 10,000 agreements × 50 clauses = 500,000 clauses. */
export const FULL_LIBRARY: LibraryOptions = { agreements: 10_000, clausesPerAgreement: 50, seed: 20261123 };

/** BENCH_AGREEMENTS, BENCH_CLAUSES_PER_AGREEMENT and BENCH_SEED scale the library down (or up). */
export function libraryOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LibraryOptions {
  return {
    agreements: readInteger(env, "BENCH_AGREEMENTS", FULL_LIBRARY.agreements, 1, 1_000_000),
    clausesPerAgreement: readInteger(env, "BENCH_CLAUSES_PER_AGREEMENT", FULL_LIBRARY.clausesPerAgreement, 1, 1000),
    seed: readInteger(env, "BENCH_SEED", FULL_LIBRARY.seed, 0, 2 ** 32 - 1),
  };
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)}).`);
  }
  return value;
}

export function* generateLibrary(options: LibraryOptions): Generator<Agreement> {
  for (let index = 0; index < options.agreements; index++) yield generateAgreement(options, index);
}

// ---------------------------------------------------------------------------------------------
// Random numbers

/** A small, fast seeded PRNG (mulberry32) with helpers. */
export class Random {
  private state: number;

  constructor(...seeds: number[]) {
    let h = 0x9e3779b9;
    for (const seed of seeds) h = mix32(h ^ mix32(seed >>> 0));
    this.state = h >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of `items` by weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let u = this.next() * total;
    for (const [item, weight] of items) {
      u -= weight;
      if (u < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** `count` distinct items (fewer if there are not that many), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }
}

function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Draws from a fixed list with Zipf weights (the k-th item has weight 1/k^s). */
class Zipf<T> {
  private readonly cumulative: Float64Array;

  constructor(
    readonly items: readonly T[],
    exponent: number,
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let k = 0; k < items.length; k++) {
      sum += 1 / (k + 1) ** exponent;
      this.cumulative[k] = sum;
    }
  }

  draw(random: Random): T {
    const u = random.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 0) < u) low = middle + 1;
      else high = middle;
    }
    return this.items[low] as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Words

/** Made-up words per language, most frequent first: the long tail of names and technical terms. */
const TAIL_SIZE = 4000;
const tailCache = new Map<Language, string[]>();

/** The tail word of `rank` (0 = the most frequent) in `language`. */
export function tailWord(language: Language, rank: number): string {
  const word = tailWords(language)[rank];
  if (word === undefined) throw new Error(`no tail word of rank ${rank} (0 to ${TAIL_SIZE - 1})`);
  return word;
}

function tailWords(language: Language): string[] {
  const cached = tailCache.get(language);
  if (cached) return cached;
  const vocabulary = VOCABULARY[language];
  const known = new Set(
    [...vocabulary.functionWords, ...vocabulary.general, ...Object.values(vocabulary.topics).flat()].map((w) =>
      w.toLowerCase(),
    ),
  );
  const random = new Random(0x7a11, LANGUAGES.indexOf(language));
  const found = new Set<string>();
  while (found.size < TAIL_SIZE) {
    const syllables = random.int(2, 3);
    let word = "";
    for (let i = 0; i < syllables; i++) word += random.pick(vocabulary.syllables);
    const ending = random.pick(vocabulary.endings);
    if (ending !== "_") word += ending;
    if (!known.has(word)) found.add(word);
  }
  const list = [...found];
  tailCache.set(language, list);
  return list;
}

interface LanguageSampler {
  functionWords: Zipf<string>;
  general: Zipf<string>;
  topics: Record<Topic, Zipf<string>>;
  tail: Zipf<string>;
}

const samplerCache = new Map<Language, LanguageSampler>();

function sampler(language: Language): LanguageSampler {
  const cached = samplerCache.get(language);
  if (cached) return cached;
  const vocabulary = VOCABULARY[language];
  const topics = Object.fromEntries(TOPICS.map((topic) => [topic, new Zipf(vocabulary.topics[topic], 0.6)])) as Record<
    Topic,
    Zipf<string>
  >;
  const created: LanguageSampler = {
    functionWords: new Zipf(vocabulary.functionWords, 0.8),
    general: new Zipf(vocabulary.general, 0.7),
    topics,
    tail: new Zipf(tailWords(language), 1.0),
  };
  samplerCache.set(language, created);
  return created;
}

/** A clause text: sentences of function, general, topic and tail words, numbers now and then. */
function clauseText(random: Random, language: Language, topic: Topic, wordCount: number): string {
  const words = sampler(language);
  const sentences: string[] = [];
  let left = wordCount;
  while (left > 0) {
    const length = Math.min(left, random.int(6, 18));
    const sentence: string[] = [];
    for (let i = 0; i < length; i++) {
      const u = random.next();
      if (u < 0.36) sentence.push(words.functionWords.draw(random));
      else if (u < 0.62) sentence.push(words.topics[topic].draw(random));
      else if (u < 0.8) sentence.push(words.general.draw(random));
      else if (u < 0.95) sentence.push(words.tail.draw(random));
      else sentence.push(String(random.int(1, 5) === 1 ? random.int(1, 2000) : random.int(1, 60)));
    }
    const first = sentence[0] ?? "";
    sentence[0] = first.charAt(0).toUpperCase() + first.slice(1);
    sentences.push(`${sentence.join(" ")}.`);
    left -= length;
  }
  return sentences.join(" ");
}

// ---------------------------------------------------------------------------------------------
// Places

interface Place {
  country: string;
  languages: Language[];
  currency: string;
  subdivisions: string[];
  weight: number;
}

const PLACES: Place[] = [
  { country: "US", languages: ["en"], currency: "USD", subdivisions: ["US-CA", "US-NY", "US-GA"], weight: 10 },
  { country: "GB", languages: ["en"], currency: "GBP", subdivisions: ["GB-SCT", "GB-WLS"], weight: 6 },
  { country: "CA", languages: ["en", "fr"], currency: "CAD", subdivisions: ["CA-QC", "CA-ON", "CA-BC"], weight: 4 },
  { country: "AU", languages: ["en"], currency: "AUD", subdivisions: ["AU-NSW", "AU-VIC"], weight: 3 },
  { country: "IE", languages: ["en"], currency: "EUR", subdivisions: [], weight: 2 },
  { country: "NZ", languages: ["en"], currency: "NZD", subdivisions: [], weight: 1 },
  { country: "ES", languages: ["es"], currency: "EUR", subdivisions: ["ES-CT", "ES-MD", "ES-AN"], weight: 6 },
  { country: "MX", languages: ["es"], currency: "MXN", subdivisions: [], weight: 3 },
  { country: "AR", languages: ["es"], currency: "ARS", subdivisions: [], weight: 2 },
  { country: "CO", languages: ["es"], currency: "COP", subdivisions: [], weight: 1 },
  { country: "CL", languages: ["es"], currency: "CLP", subdivisions: [], weight: 1 },
  { country: "FR", languages: ["fr"], currency: "EUR", subdivisions: [], weight: 8 },
  { country: "BE", languages: ["fr", "nl"], currency: "EUR", subdivisions: ["BE-VLG", "BE-WAL", "BE-BRU"], weight: 4 },
  { country: "SN", languages: ["fr"], currency: "XOF", subdivisions: [], weight: 1 },
  { country: "CH", languages: ["de", "fr", "it"], currency: "CHF", subdivisions: [], weight: 2 },
  { country: "LU", languages: ["fr", "de"], currency: "EUR", subdivisions: [], weight: 1 },
  { country: "DE", languages: ["de"], currency: "EUR", subdivisions: ["DE-BE", "DE-BY", "DE-NW"], weight: 8 },
  { country: "AT", languages: ["de"], currency: "EUR", subdivisions: [], weight: 3 },
  { country: "IT", languages: ["it"], currency: "EUR", subdivisions: [], weight: 7 },
  { country: "NL", languages: ["nl"], currency: "EUR", subdivisions: [], weight: 6 },
];
const PLACE_WEIGHTS = PLACES.map((place) => [place, place.weight] as const);

// ---------------------------------------------------------------------------------------------
// Findings

/** Codes by how often agreements code them: pay and working time often, the rarer AI codes less. */
const CODE_WEIGHTS: (readonly [TaxonomyCode, number])[] = TAXONOMY.codes.map((code) => {
  const family = code.family;
  const weight =
    family === "PAY" || family === "WT" || family === "OT"
      ? 4
      : family === "SOC" || family === "META"
        ? 3
        : family === "AI"
          ? 2
          : 1;
  return [code, weight] as const;
});

const UNIT_RANGES: Record<NumberUnit, [number, number]> = {
  hours: [1, 60],
  minutes: [10, 120],
  days: [1, 30],
  weeks: [1, 12],
  months: [1, 24],
  years: [1, 5],
  percent: [1, 100],
  count: [1, 40],
  sessions: [1, 10],
  sides: [1, 4],
};

const RATE_BASIS_UNITS: RateBasis["unit"][] = ["hour", "day", "week", "month", "session", "episode", "project"];
const DURATIONS = ["PT12H", "PT24H", "PT48H", "PT72H", "P2D", "P5D", "P7D", "P14D", "P30D", "P1M", "P3M", "P6M", "P1Y"];

function findingValue(random: Random, code: TaxonomyCode, place: Place, language: Language): FindingValue {
  const kind = random.pick(code.valueKinds);
  switch (kind) {
    case "number": {
      const unit = random.pick(code.numberUnits ?? NUMBER_UNITS);
      const [low, high] = UNIT_RANGES[unit];
      const value = unit === "percent" ? random.int(low * 2, high * 2) / 2 : random.int(low, high);
      return random.chance(0.2)
        ? { kind, value, unit, per: { quantity: 1, unit: random.pick(RATE_BASIS_UNITS) } }
        : { kind, value, unit };
    }
    case "money": {
      const amount = `${random.int(20, 25_000)}.${String(random.int(0, 99)).padStart(2, "0")}`;
      const per = random.chance(0.2) ? null : { quantity: 1, unit: random.pick(RATE_BASIS_UNITS) };
      return { kind, amount, currency: place.currency, per };
    }
    case "multiplier":
      return random.chance(0.5)
        ? { kind, value: random.int(110, 300) / 100 }
        : { kind, value: random.int(110, 300) / 100, base: "minimum scale" };
    case "duration":
      return { kind, value: random.pick(DURATIONS) };
    case "boolean":
      return { kind, value: random.chance(0.8) };
    case "text": {
      const words = sampler(language);
      const phrase = Array.from({ length: random.int(2, 6) }, () => words.topics[code.family as Topic].draw(random));
      return { kind, value: phrase.join(" ") };
    }
  }
}

function finding(
  random: Random,
  code: TaxonomyCode,
  place: Place,
  language: Language,
  sources: readonly string[],
  inForceFrom: string | null,
): Finding {
  const present = random.weighted([
    ["yes", 85],
    ["no", 9],
    ["unknown", 4],
    ["not_applicable", 2],
  ] as const);
  const value = present === "yes" && random.chance(0.8) ? findingValue(random, code, place, language) : null;
  if (!isValueKindAllowed(code, value))
    throw new Error(`generated a value the taxonomy does not allow for ${code.code}`);
  const basis = random.weighted([
    ["seen", 6],
    ["seen_secondary", 3],
    ["inferred", 1],
  ] as const);
  const evidence: Evidence[] = [
    { url: random.pick(sources), basis, note: `${code.labels.en} as stated in the source` },
  ];
  if (random.chance(0.25)) evidence.push({ url: random.pick(sources), basis: "seen_secondary", note: "Press summary" });
  const effectiveFrom = inForceFrom !== null && random.chance(0.15) ? inForceFrom : null;
  return {
    code: code.code,
    present,
    value,
    appliesTo: random.weighted(APPLIES_TO.map((a) => [a, a === "all" ? 8 : a === "employee" ? 4 : 1] as const)),
    classification: random.chance(0.08) ? "session singers" : null,
    strength: random.chance(0.4) ? random.pick(STRENGTHS) : null,
    effectiveFrom,
    effectiveTo: null,
    confidence: basis === "seen" ? 0.8 : basis === "seen_secondary" ? 0.6 : 0.4,
    verified: random.chance(0.2),
    evidence,
    note: random.chance(0.1) ? "Check the final text." : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Agreements

const ARTICLE_PREFIX: Record<Language, string> = {
  en: "Art.",
  es: "Art.",
  fr: "Art.",
  de: "§",
  it: "Art.",
  nl: "Art.",
};

function partyName(random: Random, language: Language, kind: "union" | "employers"): string {
  const vocabulary = VOCABULARY[language];
  const name = tailWord(language, random.int(0, 300));
  const capitalized = name.charAt(0).toUpperCase() + name.slice(1);
  return kind === "union" ? `${vocabulary.unionWord} ${capitalized}` : `${vocabulary.employersWord} ${capitalized}`;
}

function partialDate(random: Random, year: number): string {
  const month = String(random.int(1, 12)).padStart(2, "0");
  const precision = random.weighted([
    ["year", 2],
    ["month", 3],
    ["day", 5],
  ] as const);
  if (precision === "year") return String(year);
  if (precision === "month") return `${year}-${month}`;
  return `${year}-${month}-${String(random.int(1, 28)).padStart(2, "0")}`;
}

function triState(random: Random, trueShare: number): TriState {
  const u = random.next();
  return u < trueShare ? true : u < trueShare + 0.15 ? "unknown" : false;
}

/** Agreement `index` of the library (0-based): the same (seed, index) always gives the same agreement. */
export function generateAgreement(options: LibraryOptions, index: number): Agreement {
  const random = new Random(options.seed, index);
  const place = random.weighted(PLACE_WEIGHTS);
  const countries = [place.country];
  if (random.chance(0.05)) {
    const other = random.weighted(PLACE_WEIGHTS).country;
    if (other !== place.country) countries.push(other);
  }
  const languages: Language[] =
    place.languages.length > 1 && random.chance(0.5) ? [...place.languages] : [random.pick(place.languages)];
  const language = languages[0] as Language;
  const vocabulary = VOCABULARY[language];
  const sectors = random.sample(
    SECTORS,
    random.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ] as const),
  ) as Sector[];
  const sector = sectors[0] as Sector;
  const signedYear = random.int(2005, 2026);
  const signed = partialDate(random, signedYear);
  const inForceFrom = random.chance(0.95) ? partialDate(random, signedYear + random.int(0, 1)) : null;
  const openEnded = random.chance(0.15);
  const inForceTo =
    openEnded || inForceFrom === null ? null : `${Number(inForceFrom.slice(0, 4)) + random.int(1, 5)}-12-31`;
  const id = `${countries[0]?.toLowerCase()}-${sector.replaceAll("_", "-")}-${signedYear}-${String(index).padStart(6, "0")}`;
  const sources = Array.from(
    { length: random.int(1, 3) },
    (_, n) => `https://agreements.example.org/${countries[0]?.toLowerCase()}/${index}/source-${n + 1}`,
  );
  const title = `${vocabulary.agreementWord} ${vocabulary.sectorNames[sector] ?? sector} ${signedYear}`;

  const clauses: Clause[] = [];
  for (let position = 0; position < options.clausesPerAgreement; position++) {
    const findingCount = random.weighted([
      [0, 25],
      [1, 50],
      [2, 20],
      [3, 5],
    ] as const);
    const codes = Array.from({ length: findingCount }, () => random.weighted(CODE_WEIGHTS));
    const topic: Topic = codes[0] ? (codes[0].family as Topic) : random.pick(TOPICS);
    // Many libraries summarise foreign agreements in English; the rest is in the agreement's languages.
    const clauseLanguage: Language = random.chance(0.12) ? "en" : random.pick(languages);
    const verbatim = random.chance(0.4);
    const wordCount = verbatim ? random.int(35, 120) : random.int(12, 45);
    const article = position + 1;
    clauses.push({
      id: `art-${article}`,
      articleRef: random.chance(0.9) ? `${ARTICLE_PREFIX[clauseLanguage]} ${article}` : null,
      textKind: verbatim ? "verbatim" : "summary",
      text: clauseText(random, clauseLanguage, topic, wordCount),
      language: place.country === "CA" && clauseLanguage !== "en" ? `${clauseLanguage}-CA` : clauseLanguage,
      findings: codes.map((code) => finding(random, code, place, clauseLanguage, sources, inForceFrom)),
    });
  }

  const low = random.int(50, 50_000);
  return {
    id,
    title,
    titleEn: language === "en" ? null : `Collective agreement for ${VOCABULARY.en.sectorNames[sector]} ${signedYear}`,
    titleKind: random.chance(0.7) ? "official" : "descriptive",
    status: random.chance(0.88) ? "concluded" : "tentative",
    parties: [
      { name: partyName(random, language, "union"), role: "union" },
      {
        name: partyName(random, language, "employers"),
        role: random.chance(0.6) ? "employer_association" : "employer",
      },
    ],
    countries,
    subdivisions: place.subdivisions.length > 0 && random.chance(0.2) ? [random.pick(place.subdivisions)] : [],
    level: random.pick(AGREEMENT_LEVELS),
    sectors,
    occupations: random.sample(OCCUPATIONS, random.int(1, 3)),
    coverage: {
      employees: triState(random, 0.8),
      freelancers: triState(random, 0.4),
      influencers: triState(random, 0.05),
      background: triState(random, 0.3),
      minors: triState(random, 0.2),
      note: null,
    },
    workersCovered: random.chance(0.6) ? { low, high: low + random.int(0, low) } : null,
    dates: {
      tentative: random.chance(0.3) ? String(signedYear) : null,
      signed,
      ratified: random.chance(0.5) ? signed : null,
      ratificationVoteShare: random.chance(0.3) ? random.int(500, 990) / 10 : null,
      inForceFrom,
      inForceTo,
      openEnded,
      note: null,
    },
    languages: languages.map((l) => (place.country === "CA" && l !== "en" ? `${l}-CA` : l)),
    lineage:
      index > 0 && random.chance(0.1)
        ? [
            {
              relation: random.pick(["amends", "replaces", "supplements"] as const),
              agreementId: null,
              externalTitle: `${vocabulary.agreementWord} ${signedYear - 3}`,
              basis: "seen",
              note: null,
            },
          ]
        : [],
    sources: sources.map((url, n) => ({
      url,
      title: `${title} (${n === 0 ? "text" : "summary"})`,
      kind: n === 0 ? "primary" : "secondary",
    })),
    clauses,
    notes: random.chance(0.2) ? ["Synthetic agreement generated for benchmarks."] : [],
  };
}

/** Words to search for, by language: common topic words, general words and tail words of chosen ranks. */
export function searchWords(language: Language) {
  const vocabulary = VOCABULARY[language];
  return {
    topic: (topic: Topic, rank = 0) => vocabulary.topics[topic][rank] as string,
    general: (rank = 0) => vocabulary.general[rank] as string,
    tail: (rank: number) => tailWord(language, rank),
  };
}
