import { z } from "zod";
import { LOCALES, type Locale } from "./identity.ts";

// Agreements library: collective agreements, their clauses, findings coded against a versioned
// taxonomy, and per-country statutory baselines. Browser-safe: no Node imports.

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

export const slugSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "kebab-case slug");

/** ISO 3166-1 alpha-2, upper case. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code");
/** A country code as people type it: trimmed, upper-cased, then checked. */
export const typedCountryCodeSchema = z.string().trim().toUpperCase().pipe(countryCodeSchema);

/** ISO 3166-2 subdivision, e.g. "BE-VLG". */
export const subdivisionCodeSchema = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, "ISO 3166-2 code");

/** A well-formed BCP 47 tag in its canonical form ("en", "de", "fr-SN"). */
export const languageTagSchema = z.string().refine(isCanonicalLanguageTag, "canonical BCP 47 language tag");

function isCanonicalLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag;
  } catch {
    return false;
  }
}

/** ISO 4217 alphabetic code. */
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, "ISO 4217 currency code");

/** Money is a decimal string ("1050.00"), never a float, so amounts stay exact. */
export const decimalAmountSchema = z
  .string()
  .regex(/^(?:0|[1-9]\d*)(?:\.\d{1,6})?$/, "non-negative decimal string such as 1050.00");

export const isoDateSchema = z.iso.date();

/**
 * Dates are ISO 8601 calendar dates truncated to the precision the source gives:
 * "2024" (year), "2024-08" (month) or "2024-08-04" (day). Sources often name only a month
 * ("effective August 2024"); the truncated form records what is known without inventing a day,
 * needs no separate precision field, and still sorts chronologically as a string.
 */
export const partialDateSchema = z.string().refine(isPartialDate, "ISO date as YYYY, YYYY-MM or YYYY-MM-DD");
export type PartialDate = string;

export const DATE_PRECISIONS = ["year", "month", "day"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, , month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  return d >= 1 && d <= daysInMonth(Number(match[1]), m);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function partialDatePrecision(date: PartialDate): DatePrecision {
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}

/** First and last full ISO dates a partial date can stand for ("2024-02" → 2024-02-01 … 2024-02-29). */
export function partialDateBounds(date: PartialDate): { first: string; last: string } {
  const [year = "", month, day] = date.split("-");
  if (day !== undefined) return { first: date, last: date };
  if (month !== undefined) {
    const last = String(daysInMonth(Number(year), Number(month))).padStart(2, "0");
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${last}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** True when `from` can precede or equal `to` at their stated precisions. */
export function partialDatesInOrder(from: PartialDate | null, to: PartialDate | null): boolean {
  if (from === null || to === null) return true;
  return partialDateBounds(from).first <= partialDateBounds(to).last;
}

// ---------------------------------------------------------------------------------------------
// Sources and evidence
// ---------------------------------------------------------------------------------------------

/**
 * A third-party GitHub file known only by its id in the research file index (the index does not
 * name the repository). Kept as a URN rather than a guessed web address.
 */
export const GITHUB_FILE_URN_PREFIX = "urn:guildhall:github-file:";

/** The document an officer imported, when it is published nowhere else: the import draft keeps its text. */
export const IMPORTED_DOCUMENT_URN_PREFIX = "urn:guildhall:import:";

export const sourceUrlSchema = z.union([
  z.httpUrl(),
  z.string().regex(/^urn:guildhall:github-file:\d+$/),
  z.string().regex(/^urn:guildhall:import:[0-9a-f-]{36}$/),
]);

/** primary: the agreement text, or a publication of a signatory or a public authority; secondary: anything else. */
export const SOURCE_KINDS = ["primary", "secondary"] as const;

export const sourceSchema = z.object({
  url: sourceUrlSchema,
  title: z.string().min(1),
  kind: z.enum(SOURCE_KINDS),
  accessedOn: isoDateSchema.optional(),
  /** The research gave only a shortened host/path for this source; the full address is unknown. */
  partialUrl: z.boolean().optional(),
  note: z.string().min(1).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * How a fact is known, matching the research marks: "seen" = read in the cited source;
 * "seen_secondary" = only in a secondary source or a third-party parse ([seen-2nd]);
 * "inferred" = the coder's inference, stated in no source.
 */
export const EVIDENCE_BASES = ["seen", "seen_secondary", "inferred"] as const;
export const evidenceBasisSchema = z.enum(EVIDENCE_BASES);
export type EvidenceBasis = z.infer<typeof evidenceBasisSchema>;

export const evidenceSchema = z.object({
  url: sourceUrlSchema,
  basis: evidenceBasisSchema,
  /** Where in the source, or what the source says, in a few of our own words. */
  note: z.string().min(1),
});
export type Evidence = z.infer<typeof evidenceSchema>;

// ---------------------------------------------------------------------------------------------
// Typed values
// ---------------------------------------------------------------------------------------------

export const VALUE_KINDS = ["number", "money", "multiplier", "duration", "boolean", "text"] as const;
export const valueKindSchema = z.enum(VALUE_KINDS);
export type ValueKind = z.infer<typeof valueKindSchema>;

export const NUMBER_UNITS = [
  "hours",
  "minutes",
  "days",
  "weeks",
  "months",
  "years",
  "percent",
  "count",
  "sessions",
  "sides",
] as const;
export const numberUnitSchema = z.enum(NUMBER_UNITS);
export type NumberUnit = z.infer<typeof numberUnitSchema>;

export const RATE_UNITS = [
  "minute",
  "hour",
  "day",
  "week",
  "month",
  "year",
  "session",
  "side",
  "episode",
  "project",
  "use",
] as const;

/** What a rate is counted against: { quantity: 15, unit: "minute" } reads "per 15 minutes". */
export const rateBasisSchema = z.object({
  quantity: z.number().positive(),
  unit: z.enum(RATE_UNITS),
});
export type RateBasis = z.infer<typeof rateBasisSchema>;

export const numberValueSchema = z.object({
  kind: z.literal("number"),
  value: z.number(),
  unit: numberUnitSchema,
  per: rateBasisSchema.optional(),
});

export const moneyValueSchema = z.object({
  kind: z.literal("money"),
  amount: decimalAmountSchema,
  currency: currencyCodeSchema,
  /** null: a lump sum. */
  per: rateBasisSchema.nullable(),
});

export const multiplierValueSchema = z.object({
  kind: z.literal("multiplier"),
  value: z.number().positive(),
  /** What is multiplied, e.g. "employee minimum gross wage scale". */
  base: z.string().min(1).optional(),
});

export const durationValueSchema = z.object({
  kind: z.literal("duration"),
  /** ISO 8601 duration, e.g. "PT48H", "P6M". */
  value: z.iso.duration(),
});

export const booleanValueSchema = z.object({ kind: z.literal("boolean"), value: z.boolean() });

export const textValueSchema = z.object({ kind: z.literal("text"), value: z.string().min(1) });

export const findingValueSchema = z.discriminatedUnion("kind", [
  numberValueSchema,
  moneyValueSchema,
  multiplierValueSchema,
  durationValueSchema,
  booleanValueSchema,
  textValueSchema,
]);
export type FindingValue = z.infer<typeof findingValueSchema>;

// ---------------------------------------------------------------------------------------------
// Taxonomy
// ---------------------------------------------------------------------------------------------

export const TAXONOMY_FAMILIES = [
  "META",
  "WT",
  "OT",
  "PAY",
  "SOC",
  "COV",
  "OSH",
  "AI",
  "JOB",
  "ALGO",
  "PART",
  "DISP",
] as const;
export const taxonomyFamilySchema = z.enum(TAXONOMY_FAMILIES);
export type TaxonomyFamily = z.infer<typeof taxonomyFamilySchema>;

export const taxonomyCodeIdSchema = z
  .string()
  .regex(new RegExp(`^(?:${TAXONOMY_FAMILIES.join("|")})(?:\\.[A-Z][A-Z_]*)+$`), "taxonomy code such as AI.NOTICE");

export function familyOfCode(code: string): TaxonomyFamily | undefined {
  const family = code.split(".")[0];
  return TAXONOMY_FAMILIES.find((f) => f === family);
}

export const localizedTextSchema = z.object(
  Object.fromEntries(LOCALES.map((locale) => [locale, z.string().trim().min(1)])) as Record<Locale, z.ZodString>,
);
export type LocalizedText = Record<Locale, string>;

/** Statutory facts a coded value can be compared with ("better than law"). */
export const BASELINE_FACTS = ["maxDailyHours", "maxWeeklyHours", "minimumWage"] as const;
export type BaselineFact = (typeof BASELINE_FACTS)[number];

export const taxonomyCodeSchema = z
  .object({
    code: taxonomyCodeIdSchema,
    family: taxonomyFamilySchema,
    /** Value kinds a finding of this code may carry; a null value (presence only) is always allowed. */
    valueKinds: z.array(valueKindSchema),
    /** When set, number values must use one of these units. */
    numberUnits: z.array(numberUnitSchema).optional(),
    /** Which direction favours workers when two values are compared. */
    better: z.enum(["higher", "lower"]).optional(),
    /** The country baseline this code is compared with. */
    baseline: z.enum(BASELINE_FACTS).optional(),
    labels: localizedTextSchema,
    definitions: localizedTextSchema,
    /** When the code entered and left the codelist (not a limit on the dates of agreements). */
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
  })
  .refine((c) => c.code.startsWith(`${c.family}.`), "code must start with its family")
  .refine((c) => c.validTo === null || c.validFrom <= c.validTo, "validFrom after validTo");
export type TaxonomyCode = z.infer<typeof taxonomyCodeSchema>;

export const taxonomySchema = z.object({
  version: z.string().regex(/^\d{4}\.\d+$/, "version such as 2026.1"),
  languages: z.array(languageTagSchema).min(1),
  families: z.array(z.object({ family: taxonomyFamilySchema, labels: localizedTextSchema })),
  codes: z.array(taxonomyCodeSchema).min(1),
});
export type Taxonomy = z.infer<typeof taxonomySchema>;

export function isValueKindAllowed(code: TaxonomyCode, value: FindingValue | null): boolean {
  if (value === null) return true;
  if (!code.valueKinds.includes(value.kind)) return false;
  if (value.kind === "number" && code.numberUnits) return code.numberUnits.includes(value.unit);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Findings and clauses
// ---------------------------------------------------------------------------------------------

export const PRESENCE = ["yes", "no", "not_applicable", "unknown"] as const;
export const APPLIES_TO = ["employee", "freelancer", "influencer", "background", "minor", "all"] as const;
export const STRENGTHS = [
  "prohibition",
  "consent",
  "compensation",
  "notice",
  "consultation",
  "bargaining_duty",
  "aspiration",
] as const;

export const findingSchema = z
  .object({
    code: taxonomyCodeIdSchema,
    present: z.enum(PRESENCE),
    /** null when only presence is known. */
    value: findingValueSchema.nullable(),
    appliesTo: z.enum(APPLIES_TO),
    /** A narrower group within appliesTo, e.g. "stand-ins", "session singers". */
    classification: z.string().min(1).nullable(),
    strength: z.enum(STRENGTHS).nullable(),
    effectiveFrom: partialDateSchema.nullable(),
    effectiveTo: partialDateSchema.nullable(),
    confidence: z.number().min(0).max(1),
    /** A curator has checked the finding against the agreement text itself. */
    verified: z.boolean(),
    evidence: z.array(evidenceSchema).min(1),
    note: z.string().min(1).nullable(),
  })
  .refine((f) => f.present === "yes" || f.value === null, "only a present provision carries a value")
  .refine((f) => partialDatesInOrder(f.effectiveFrom, f.effectiveTo), "effectiveFrom after effectiveTo");
export type Finding = z.infer<typeof findingSchema>;

export const TEXT_KINDS = ["verbatim", "summary"] as const;

export const clauseSchema = z.object({
  /** Unique within its agreement. */
  id: slugSchema,
  articleRef: z.string().min(1).nullable(),
  /** Full texts are rarely public: most clauses are summaries in our own words. */
  textKind: z.enum(TEXT_KINDS),
  text: z.string().min(1),
  language: languageTagSchema,
  findings: z.array(findingSchema),
});
export type Clause = z.infer<typeof clauseSchema>;

// ---------------------------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------------------------

export const PARTY_ROLES = ["union", "employer", "employer_association"] as const;

export const partySchema = z.object({
  name: z.string().min(1),
  role: z.enum(PARTY_ROLES),
  registryId: z.string().min(1).optional(),
  /** Absent: as named in the agreement's sources. */
  basis: evidenceBasisSchema.optional(),
  note: z.string().min(1).optional(),
});
export type Party = z.infer<typeof partySchema>;

export const AGREEMENT_LEVELS = ["enterprise", "sector", "national", "framework"] as const;

export const SECTORS = [
  "film",
  "tv",
  "streaming",
  "commercials",
  "recorded_music",
  "live_music",
  "theatre_dance",
  "broadcasting",
  "games",
  "animation",
  "dubbing",
  "digital_creators",
  "performing_arts",
] as const;
export type Sector = (typeof SECTORS)[number];

export const OCCUPATIONS = [
  "performer",
  "background_performer",
  "voice_performer",
  "singer",
  "musician",
  "writer",
  "director",
  "crew",
  "animation_worker",
  "dancer",
  "technician",
  "digital_creator",
] as const;

/** true / false / "unknown": coverage the sources do not settle stays "unknown". */
export const triStateSchema = z.union([z.boolean(), z.literal("unknown")]);
export type TriState = z.infer<typeof triStateSchema>;

export const coverageSchema = z.object({
  employees: triStateSchema,
  freelancers: triStateSchema,
  influencers: triStateSchema,
  background: triStateSchema,
  minors: triStateSchema,
  note: z.string().min(1).nullable(),
});

export const agreementDatesSchema = z
  .object({
    /** Tentative agreement or key points reached. */
    tentative: partialDateSchema.nullable(),
    /** Signed, or the final agreement reached (the date sources give for the concluded deal). */
    signed: partialDateSchema.nullable(),
    ratified: partialDateSchema.nullable(),
    /** Share of votes cast in favour, 0–100. */
    ratificationVoteShare: z.number().min(0).max(100).nullable(),
    inForceFrom: partialDateSchema.nullable(),
    inForceTo: partialDateSchema.nullable(),
    /** Concluded for an indefinite period (inForceTo is then null). */
    openEnded: z.boolean(),
    note: z.string().min(1).nullable(),
  })
  .refine((d) => partialDatesInOrder(d.inForceFrom, d.inForceTo), "inForceFrom after inForceTo")
  .refine((d) => !(d.openEnded && d.inForceTo !== null), "an open-ended agreement has no end date");

export const LINEAGE_RELATIONS = ["amends", "replaces", "supplements"] as const;

/** This agreement amends / replaces / supplements the target: one in the library, or an outside document. */
export const lineageSchema = z
  .object({
    relation: z.enum(LINEAGE_RELATIONS),
    agreementId: slugSchema.nullable(),
    externalTitle: z.string().min(1).nullable(),
    basis: evidenceBasisSchema,
    note: z.string().min(1).nullable(),
  })
  .refine((l) => (l.agreementId === null) !== (l.externalTitle === null), "exactly one of agreementId, externalTitle");
export type Lineage = z.infer<typeof lineageSchema>;

/** tentative: agreed by negotiators, not (known to be) ratified; concluded: signed or ratified. */
export const AGREEMENT_STATUSES = ["tentative", "concluded"] as const;

export const agreementSchema = z.object({
  id: slugSchema,
  /** In the agreement's own language. */
  title: z.string().min(1),
  titleEn: z.string().min(1).nullable(),
  /** descriptive: the official title was not found, so the title describes the agreement. */
  titleKind: z.enum(["official", "descriptive"]),
  status: z.enum(AGREEMENT_STATUSES),
  parties: z.array(partySchema),
  countries: z.array(countryCodeSchema).min(1),
  subdivisions: z.array(subdivisionCodeSchema),
  level: z.enum(AGREEMENT_LEVELS),
  sectors: z.array(z.enum(SECTORS)).min(1),
  occupations: z.array(z.enum(OCCUPATIONS)),
  coverage: coverageSchema,
  /** Workers covered, as a range when sources give one ("about 45–50k"). */
  workersCovered: z
    .object({ low: z.int().nonnegative(), high: z.int().nonnegative() })
    .refine((w) => w.low <= w.high, "low above high")
    .nullable(),
  dates: agreementDatesSchema,
  languages: z.array(languageTagSchema).min(1),
  lineage: z.array(lineageSchema),
  sources: z.array(sourceSchema).min(1),
  clauses: z.array(clauseSchema),
  /** Caveats, conflicts between sources, and facts the taxonomy cannot hold. */
  notes: z.array(z.string().min(1)),
});
export type Agreement = z.infer<typeof agreementSchema>;

// ---------------------------------------------------------------------------------------------
// Country baselines
// ---------------------------------------------------------------------------------------------

const sourcedFactRefinement = (f: { sourceUrl: string | null; asOf: string | null }) =>
  f.sourceUrl !== null && f.asOf !== null;

/** A statutory limit in hours; value null when unknown, and a known value always has a source and date. */
export const statutoryHoursSchema = z
  .object({
    value: z.number().positive().nullable(),
    sourceUrl: z.httpUrl().nullable(),
    asOf: partialDateSchema.nullable(),
    note: z.string().min(1).nullable(),
  })
  .refine((f) => f.value === null || sourcedFactRefinement(f), "a known value needs sourceUrl and asOf");

export const statutoryMinimumWageSchema = z
  .object({
    amount: decimalAmountSchema.nullable(),
    currency: currencyCodeSchema.nullable(),
    per: rateBasisSchema.nullable(),
    sourceUrl: z.httpUrl().nullable(),
    asOf: partialDateSchema.nullable(),
    note: z.string().min(1).nullable(),
  })
  .refine(
    (f) => f.amount === null || (f.currency !== null && f.per !== null && sourcedFactRefinement(f)),
    "a known amount needs currency, per, sourceUrl and asOf",
  );

/** A published country figure shown beside the agreements (e.g. ILOSTAT bargaining coverage). */
export const countryIndicatorSchema = z.object({
  /** ILOSTAT indicator code where there is one, else a short slug. */
  indicator: z.string().min(1),
  label: z.string().min(1),
  value: z.number(),
  unit: z.literal("percent"),
  period: partialDateSchema,
  sourceUrl: z.httpUrl(),
  basis: evidenceBasisSchema,
  note: z.string().min(1).nullable(),
});

export const countryBaselineSchema = z.object({
  country: countryCodeSchema,
  maxDailyHours: statutoryHoursSchema,
  maxWeeklyHours: statutoryHoursSchema,
  minimumWage: statutoryMinimumWageSchema,
  indicators: z.array(countryIndicatorSchema),
  notes: z.array(z.string().min(1)),
});
export type CountryBaseline = z.infer<typeof countryBaselineSchema>;

export type BaselineComparison = "better" | "same" | "worse" | "unknown";

/**
 * Compares a coded value with the country's statutory baseline for that code.
 * "unknown" whenever either side is missing or the two are not in comparable units.
 */
export function compareWithBaseline(
  code: TaxonomyCode,
  value: FindingValue | null,
  baseline: CountryBaseline | undefined,
): BaselineComparison {
  if (!code.baseline || !code.better || !baseline || value === null) return "unknown";
  let diff: number;
  if (code.baseline === "minimumWage") {
    const law = baseline.minimumWage;
    if (value.kind !== "money" || law.amount === null || value.currency !== law.currency) return "unknown";
    if (value.per === null || law.per === null || value.per.unit !== law.per.unit) return "unknown";
    if (value.per.quantity !== law.per.quantity) return "unknown";
    diff = compareDecimals(value.amount, law.amount);
  } else {
    const law = baseline[code.baseline].value;
    if (value.kind !== "number" || value.unit !== "hours" || law === null) return "unknown";
    diff = Math.sign(value.value - law);
  }
  if (diff === 0) return "same";
  const isHigher = diff > 0;
  return isHigher === (code.better === "higher") ? "better" : "worse";
}

/** Sign of a − b for two decimal strings, without floating point. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [aInt = "0", aFrac = ""] = a.split(".");
  const [bInt = "0", bFrac = ""] = b.split(".");
  const scale = Math.max(aFrac.length, bFrac.length);
  const x = BigInt(aInt + aFrac.padEnd(scale, "0"));
  const y = BigInt(bInt + bFrac.padEnd(scale, "0"));
  return x === y ? 0 : x > y ? 1 : -1;
}
