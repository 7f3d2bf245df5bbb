import type {
  Agreement,
  Clause,
  Evidence,
  EvidenceBasis,
  Finding,
  FindingValue,
  NumberUnit,
  Party,
  RateBasis,
  Source,
} from "../../../../../../common/agreements.ts";

// Small builders that keep the corpus files readable. Every value they produce is validated
// against the zod schemas by corpus.test.ts.

export const seen = (url: string, note: string): Evidence => ({ url, basis: "seen", note });
export const seen2nd = (url: string, note: string): Evidence => ({ url, basis: "seen_secondary", note });
export const inferred = (url: string, note: string): Evidence => ({ url, basis: "inferred", note });

/** Default confidence by how the fact is known; individual findings lower it for conflicts or weak sources. */
const CONFIDENCE: Record<EvidenceBasis, number> = { seen: 0.8, seen_secondary: 0.6, inferred: 0.4 };

type FindingInput = Partial<Omit<Finding, "code" | "evidence">> & {
  code: string;
  evidence: Evidence | Evidence[];
};

export function finding(input: FindingInput): Finding {
  const evidence = Array.isArray(input.evidence) ? input.evidence : [input.evidence];
  return {
    code: input.code,
    present: input.present ?? "yes",
    value: input.value ?? null,
    appliesTo: input.appliesTo ?? "all",
    classification: input.classification ?? null,
    strength: input.strength ?? null,
    effectiveFrom: input.effectiveFrom ?? null,
    effectiveTo: input.effectiveTo ?? null,
    confidence: input.confidence ?? Math.max(...evidence.map((e) => CONFIDENCE[e.basis])),
    verified: input.verified ?? false,
    evidence,
    note: input.note ?? null,
  };
}

/** A clause summarised in our own words (agreement texts are rarely public). */
export function summary(id: string, articleRef: string | null, text: string, findings: Finding[]): Clause {
  return { id, articleRef, textKind: "summary", text, language: "en", findings };
}

export function source(url: string, title: string, kind: Source["kind"], extra: Partial<Source> = {}): Source {
  return { url, title, kind, ...extra };
}

export const per = (unit: RateBasis["unit"], quantity = 1): RateBasis => ({ quantity, unit });

export const num = (value: number, unit: NumberUnit, rate?: RateBasis): FindingValue =>
  rate ? { kind: "number", value, unit, per: rate } : { kind: "number", value, unit };
export const hours = (value: number): FindingValue => num(value, "hours");
export const pct = (value: number, rate?: RateBasis): FindingValue => num(value, "percent", rate);
export const money = (amount: string, currency: string, rate: RateBasis | null): FindingValue => ({
  kind: "money",
  amount,
  currency,
  per: rate,
});
export const times = (value: number, base?: string): FindingValue =>
  base ? { kind: "multiplier", value, base } : { kind: "multiplier", value };
export const duration = (iso: string): FindingValue => ({ kind: "duration", value: iso });
export const yes: FindingValue = { kind: "boolean", value: true };
export const text = (value: string): FindingValue => ({ kind: "text", value });

/** Evidence note for a fact the research codes from a row of several sources without naming which one. */
export const ROW_SOURCE = "Research codes this from the sources listed for this agreement without naming which one.";

// --- Agreement-level blocks ----------------------------------------------------------------------

type Coverage = Agreement["coverage"];
type AgreementDates = Agreement["dates"];

/** Coverage when the research says nothing about who the agreement covers. */
export const UNKNOWN_COVERAGE: Coverage = {
  employees: "unknown",
  freelancers: "unknown",
  influencers: "unknown",
  background: "unknown",
  minors: "unknown",
  note: null,
};

/** Coverage with the known flags (and note) given; every other flag stays "unknown". */
export const coverage = (known: Partial<Coverage>): Coverage => ({ ...UNKNOWN_COVERAGE, ...known });

const NO_DATES: AgreementDates = {
  tentative: null,
  signed: null,
  ratified: null,
  ratificationVoteShare: null,
  inForceFrom: null,
  inForceTo: null,
  openEnded: false,
  note: null,
};

/** Agreement dates with the known ones given; the rest are null (openEnded false). */
export const dates = (known: Partial<AgreementDates> = {}): AgreementDates => ({ ...NO_DATES, ...known });

// --- Parties that sign several agreements ----------------------------------------------------------

export const SAG_AFTRA: Party = { name: "SAG-AFTRA", role: "union" };
