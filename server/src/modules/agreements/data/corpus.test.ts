import { describe, expect, it } from "vitest";
import {
  type Agreement,
  agreementSchema,
  type CountryBaseline,
  clauseSchema,
  compareDecimals,
  compareWithBaseline,
  countryBaselineSchema,
  decimalAmountSchema,
  type Finding,
  type FindingValue,
  findingSchema,
  GITHUB_FILE_URN_PREFIX,
  isPartialDate,
  isValueKindAllowed,
  partialDateBounds,
  partialDatePrecision,
  partialDatesInOrder,
  TAXONOMY_FAMILIES,
  taxonomySchema,
} from "../../../../../common/agreements.ts";
import { LOCALES } from "../../../../../common/identity.ts";
import { BASELINES } from "./baselines.ts";
import { AGREEMENTS } from "./corpus.ts";
import { TAXONOMY, taxonomyCode } from "./taxonomy.ts";

/** Every code of research/agreements.md §3 (COV.BACKGROUND / COV.MINORS is one row there, two codes here). */
const RESEARCH_CODES = [
  "META.PARTIES",
  "META.LEVEL",
  "META.SECTOR",
  "META.TERM",
  "META.LINEAGE",
  "META.EXTENSION",
  "WT.DAY_MAX",
  "WT.WEEK_MAX",
  "WT.REST",
  "WT.DAY_OFF_CREDIT",
  "WT.SCHEDULE_NOTICE",
  "WT.AUDITION",
  "OT.THRESHOLD",
  "OT.RATE",
  "OT.ESCALATOR",
  "OT.UNIT",
  "PAY.MIN",
  "PAY.TIER",
  "PAY.INCREASE",
  "PAY.EQUAL",
  "PAY.SECONDARY",
  "SOC.PENSION",
  "SOC.HEALTH",
  "SOC.INSURANCE",
  "SOC.REGISTRATION",
  "COV.FREELANCE_FEE",
  "COV.SELF_EMPLOYED_SCOPE",
  "COV.INFLUENCER",
  "COV.LOANOUT",
  "COV.FUNDING_LINK",
  "COV.BACKGROUND",
  "COV.MINORS",
  "OSH.HAZARD",
  "OSH.INTIMACY",
  "OSH.HARASSMENT",
  "OSH.MEDICAL",
  "AI.DEF",
  "AI.CONSENT.CREATE",
  "AI.CONSENT.USE",
  "AI.CONSENT.ALTER",
  "AI.CONSENT.POSTMORTEM",
  "AI.CONSENT.STRIKE",
  "AI.CONSENT.MINORS",
  "AI.NOTICE",
  "AI.DISCLOSE.WORKER",
  "AI.DISCLOSE.UNION",
  "AI.DISCLOSE.PUBLIC",
  "AI.COMP.CREATE",
  "AI.COMP.USE",
  "AI.COMP.REUSE",
  "AI.COMP.PROMPT",
  "AI.COMP.FUND",
  "AI.TRAIN",
  "AI.ROYALTY",
  "AI.REPLICA.TYPE",
  "AI.REPLICA.SECURITY",
  "AI.SYNTH",
  "AI.HUMAN",
  "AI.NO_FORCED_USE",
  "JOB.NO_DISPLACE",
  "JOB.TECH_NOTICE",
  "JOB.SEVERANCE",
  "JOB.RETRAIN",
  "JOB.STAFFING",
  "JOB.OUTSOURCING",
  "JOB.TOOL_FEE",
  "ALGO.INFO",
  "ALGO.MONITOR",
  "ALGO.ADM",
  "ALGO.DATA",
  "PART.CONSULT",
  "PART.BARGAIN_IMPACT",
  "PART.JOINT_BODY",
  "PART.REVIEW",
  "PART.CODETERMINATION",
  "DISP.ARBITRATION",
  "DISP.GRIEVANCE",
];

interface Located {
  agreement: Agreement;
  clauseId: string;
  finding: Finding;
}

const FINDINGS: Located[] = AGREEMENTS.flatMap((agreement) =>
  agreement.clauses.flatMap((clause) =>
    clause.findings.map((finding) => ({ agreement, clauseId: clause.id, finding })),
  ),
);

function agreement(id: string): Agreement {
  const found = AGREEMENTS.find((a) => a.id === id);
  if (!found) throw new Error(`no agreement ${id}`);
  return found;
}

function findingsOf(id: string, code: string): Finding[] {
  return agreement(id).clauses.flatMap((c) => c.findings.filter((f) => f.code === code));
}

function where(l: Located): string {
  return `${l.agreement.id}#${l.clauseId} ${l.finding.code}`;
}

function issuesOf(result: { success: boolean; error?: { issues: unknown[] } }): unknown[] {
  return result.success ? [] : (result.error?.issues ?? []);
}

describe("taxonomy", () => {
  it("matches its schema", () => {
    expect(issuesOf(taxonomySchema.safeParse(TAXONOMY))).toEqual([]);
    expect(TAXONOMY.version).toBe("2026.1");
  });

  it("holds exactly the codes of the research, each once", () => {
    const codes = TAXONOMY.codes.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...RESEARCH_CODES].sort());
  });

  it("labels every family in every language and gives each family codes", () => {
    expect(TAXONOMY.families.map((f) => f.family)).toEqual([...TAXONOMY_FAMILIES]);
    for (const family of TAXONOMY_FAMILIES) {
      expect(
        TAXONOMY.codes.some((c) => c.family === family),
        family,
      ).toBe(true);
    }
  });

  it("covers the product's four languages with non-empty labels and definitions", () => {
    for (const locale of LOCALES) expect(TAXONOMY.languages).toContain(locale);
    for (const code of TAXONOMY.codes) {
      for (const locale of LOCALES) {
        expect(code.labels[locale].trim(), `${code.code} label ${locale}`).not.toBe("");
        expect(code.definitions[locale].trim(), `${code.code} definition ${locale}`).not.toBe("");
      }
    }
  });

  it("translates rather than copies the English", () => {
    for (const locale of ["es", "fr", "de"] as const) {
      const translatedLabels = TAXONOMY.codes.filter((c) => c.labels[locale] !== c.labels.en);
      expect(translatedLabels.length / TAXONOMY.codes.length, `${locale} labels`).toBeGreaterThanOrEqual(0.9);
      const copiedDefinitions = TAXONOMY.codes.filter((c) => c.definitions[locale] === c.definitions.en);
      expect(
        copiedDefinitions.map((c) => c.code),
        `${locale} definitions`,
      ).toEqual([]);
    }
  });
});

describe("corpus", () => {
  it("holds the 28 agreements of the research", () => {
    expect(AGREEMENTS).toHaveLength(28);
  });

  it("validates every agreement, clause and finding against the schemas", () => {
    for (const a of AGREEMENTS) {
      expect(issuesOf(agreementSchema.safeParse(a)), a.id).toEqual([]);
      for (const clause of a.clauses) {
        expect(issuesOf(clauseSchema.safeParse(clause)), `${a.id}#${clause.id}`).toEqual([]);
      }
    }
    for (const l of FINDINGS) expect(issuesOf(findingSchema.safeParse(l.finding)), where(l)).toEqual([]);
  });

  it("uses unique agreement ids and unique clause ids within each agreement", () => {
    const ids = AGREEMENTS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of AGREEMENTS) {
      const clauseIds = a.clauses.map((c) => c.id);
      expect(new Set(clauseIds).size, a.id).toBe(clauseIds.length);
      expect(a.clauses.length, a.id).toBeGreaterThan(0);
    }
  });

  it("codes every finding with a taxonomy code whose value kinds allow its value", () => {
    for (const l of FINDINGS) {
      const code = taxonomyCode(l.finding.code);
      expect(code, where(l)).toBeDefined();
      if (code) expect(isValueKindAllowed(code, l.finding.value), where(l)).toBe(true);
    }
  });

  it("points every lineage entry at an agreement in the library, or names an outside document", () => {
    const ids = new Set(AGREEMENTS.map((a) => a.id));
    for (const a of AGREEMENTS) {
      for (const l of a.lineage) {
        if (l.agreementId !== null) {
          expect(ids.has(l.agreementId), `${a.id} → ${l.agreementId}`).toBe(true);
          expect(l.agreementId).not.toBe(a.id);
        } else {
          expect(l.externalTitle, a.id).toBeTruthy();
        }
      }
    }
  });

  it("backs every finding with evidence whose URL is one of the agreement's sources", () => {
    for (const l of FINDINGS) {
      const urls = new Set(l.agreement.sources.map((s) => s.url));
      expect(l.finding.evidence.length, where(l)).toBeGreaterThan(0);
      for (const e of l.finding.evidence) {
        expect(urls.has(e.url), `${where(l)} cites ${e.url}`).toBe(true);
        expect(e.note.trim(), where(l)).not.toBe("");
      }
    }
  });

  it("lists each source once, as a web address or a file-index URN", () => {
    for (const a of AGREEMENTS) {
      const urls = a.sources.map((s) => s.url);
      expect(new Set(urls).size, a.id).toBe(urls.length);
      for (const url of urls) {
        expect(
          url.startsWith("http://") || url.startsWith("https://") || url.startsWith(GITHUB_FILE_URN_PREFIX),
          url,
        ).toBe(true);
      }
    }
  });

  it("records dates that parse and run forward", () => {
    for (const a of AGREEMENTS) {
      const { tentative, signed, ratified, inForceFrom, inForceTo } = a.dates;
      for (const date of [tentative, signed, ratified, inForceFrom, inForceTo]) {
        if (date !== null) expect(isPartialDate(date), `${a.id} ${date}`).toBe(true);
      }
      expect(partialDatesInOrder(inForceFrom, inForceTo), a.id).toBe(true);
      expect(partialDatesInOrder(tentative, ratified), a.id).toBe(true);
    }
    for (const l of FINDINGS) {
      for (const date of [l.finding.effectiveFrom, l.finding.effectiveTo]) {
        if (date !== null) expect(isPartialDate(date), where(l)).toBe(true);
      }
    }
  });

  it("stores money as decimal strings with real currency codes", () => {
    const currencies = new Set(Intl.supportedValuesOf("currency"));
    const money = FINDINGS.flatMap((l) => (l.finding.value?.kind === "money" ? [{ l, value: l.finding.value }] : []));
    expect(money.length).toBeGreaterThan(0);
    for (const { l, value } of money) {
      expect(typeof value.amount, where(l)).toBe("string");
      expect(decimalAmountSchema.safeParse(value.amount).success, where(l)).toBe(true);
      expect(value.amount, where(l)).toMatch(/^\d+\.\d{2}$/);
      expect(currencies.has(value.currency), where(l)).toBe(true);
    }
  });

  it("uses real country codes and canonical language tags", () => {
    const regions = new Intl.DisplayNames(["en"], { type: "region" });
    for (const a of AGREEMENTS) {
      for (const country of a.countries) expect(regions.of(country), a.id).not.toBe(country);
      for (const language of a.languages) expect(Intl.getCanonicalLocales(language)[0], a.id).toBe(language);
    }
  });

  it("keeps clause texts as summaries, and explains agreements without named parties", () => {
    for (const a of AGREEMENTS) {
      for (const clause of a.clauses) expect(clause.textKind, `${a.id}#${clause.id}`).toBe("summary");
      if (a.parties.length === 0)
        expect(
          a.notes.some((n) => /signator/i.test(n)),
          a.id,
        ).toBe(true);
    }
  });

  it("marks no finding as verified against an agreement text, since none was read in full", () => {
    expect(FINDINGS.filter((l) => l.finding.verified).map(where)).toEqual([]);
  });
});

describe("facts from the research", () => {
  const only = (id: string, code: string): Finding => {
    const found = findingsOf(id, code);
    expect(found, `${id} ${code}`).toHaveLength(1);
    return found[0] as Finding;
  };
  const values = (id: string, code: string): (FindingValue | null)[] => findingsOf(id, code).map((f) => f.value);

  it("SAG-AFTRA 2023: 48 hours' notice, 78% ratification, third-party-parsed scan pay", () => {
    expect(only("us-sag-aftra-tv-theatrical-2023", "AI.NOTICE").value).toEqual({ kind: "duration", value: "PT48H" });
    expect(agreement("us-sag-aftra-tv-theatrical-2023").dates).toMatchObject({
      ratified: "2023-12-05",
      ratificationVoteShare: 78,
      inForceFrom: "2023-11-09",
      inForceTo: "2026-06-30",
    });
    const scan = findingsOf("us-sag-aftra-tv-theatrical-2023", "AI.COMP.CREATE")[0];
    expect(scan?.value).toEqual({ kind: "number", value: 1, unit: "days", per: { quantity: 1, unit: "session" } });
    expect(scan?.evidence.map((e) => e.basis)).toEqual(["seen_secondary"]);
    expect(values("us-sag-aftra-tv-theatrical-2023", "PAY.INCREASE").slice(0, 3)).toEqual([
      { kind: "number", value: 7, unit: "percent" },
      { kind: "number", value: 4, unit: "percent" },
      { kind: "number", value: 3.5, unit: "percent" },
    ]);
  });

  it("TV FFS: 12-hour day, 60-hour week, 4% pension", () => {
    expect(only("de-tv-ffs-2024", "WT.DAY_MAX").value).toEqual({ kind: "number", value: 12, unit: "hours" });
    expect(only("de-tv-ffs-2024", "WT.WEEK_MAX").value).toEqual({ kind: "number", value: 60, unit: "hours" });
    expect(only("de-tv-ffs-2024", "SOC.PENSION").value).toEqual({ kind: "number", value: 4, unit: "percent" });
  });

  it("Belgian JC 304: freelance fee at 1.46 times the scale, from 1 Jan 2024, open-ended", () => {
    const fee = only("be-jc304-freelance-fees-2024", "COV.FREELANCE_FEE");
    expect(fee.value).toMatchObject({ kind: "multiplier", value: 1.46 });
    expect(fee.appliesTo).toBe("freelancer");
    expect(agreement("be-jc304-freelance-fees-2024").dates).toMatchObject({
      inForceFrom: "2024-01-01",
      openEnded: true,
    });
  });

  it("Schauspieltarifvertrag: €1,050.00 a day, then €900.00", () => {
    expect(values("de-schauspiel-tv-2024", "PAY.MIN")).toEqual([
      { kind: "money", amount: "1050.00", currency: "EUR", per: { quantity: 1, unit: "day" } },
      { kind: "money", amount: "900.00", currency: "EUR", per: { quantity: 1, unit: "day" } },
    ]);
  });

  it("Senegal: minimum pay exists but its amount is unknown", () => {
    const pay = only("sn-ams-phare-des-mamelles-2024", "PAY.MIN");
    expect(pay.present).toBe("yes");
    expect(pay.value).toBeNull();
    expect(agreement("sn-ams-phare-des-mamelles-2024").dates.signed).toBe("2024-01-19");
  });

  it("ratification votes as reported", () => {
    const votes = Object.fromEntries(AGREEMENTS.map((a) => [a.id, a.dates.ratificationVoteShare]));
    expect(votes).toMatchObject({
      "us-sag-aftra-tv-theatrical-2026": 91.42,
      "us-wga-mba-2023": 99,
      "us-iatse-hollywood-basic-2024": 85.9,
      "us-iatse-area-standards-2024": 87.2,
      "us-tag-master-2024": 76.1,
      "us-sag-aftra-sound-recordings-code-2021": 97.69,
      "us-sag-aftra-interactive-media-2025": 95.04,
      "us-wga-mba-2026": null,
    });
    expect(agreement("us-wga-mba-2026").status).toBe("tentative");
  });

  it("lineage: KI-TV supplements TV FFS; the 2026 deals replace the 2023 ones", () => {
    expect(agreement("de-ki-tv-2025").lineage).toMatchObject([
      { relation: "supplements", agreementId: "de-tv-ffs-2024" },
    ]);
    expect(agreement("us-sag-aftra-tv-theatrical-2026").lineage).toMatchObject([
      { relation: "replaces", agreementId: "us-sag-aftra-tv-theatrical-2023" },
    ]);
    expect(agreement("us-wga-mba-2026").lineage).toMatchObject([
      { relation: "replaces", agreementId: "us-wga-mba-2023" },
    ]);
  });

  it("other coded values", () => {
    expect(values("us-iatse-hollywood-basic-2024", "OT.ESCALATOR")[0]).toMatchObject({ kind: "multiplier", value: 3 });
    expect(values("us-afm-theatrical-tv-2024", "AI.COMP.PROMPT")[0]).toEqual({
      kind: "number",
      value: 3,
      unit: "hours",
      per: { quantity: 15, unit: "minute" },
    });
    expect(only("gb-mu-bpi-sessions", "OT.UNIT").value).toEqual({
      kind: "money",
      amount: "32.50",
      currency: "GBP",
      per: { quantity: 15, unit: "minute" },
    });
    expect(only("nl-cao-toneel-en-dans", "COV.FREELANCE_FEE").value).toMatchObject({ value: 1.5 });
    expect(values("us-sag-aftra-commercials-2025", "SOC.HEALTH")[0]).toEqual({
      kind: "number",
      value: 23.5,
      unit: "percent",
    });
    expect(only("ca-actra-ipa-2025", "AI.NOTICE").value).toEqual({ kind: "duration", value: "PT48H" });
    expect(only("us-tag-master-2024", "JOB.STAFFING").value).toEqual({ kind: "number", value: 3, unit: "count" });
    expect(findingsOf("gb-pact-equity-cinema-tv-2021", "AI.CONSENT.CREATE")[0]?.present).toBe("no");
    expect(findingsOf("us-iatse-area-standards-2024", "JOB.NO_DISPLACE")[0]?.evidence[0]?.basis).toBe("inferred");
    expect(only("us-iatse-hollywood-basic-2024", "JOB.SEVERANCE").present).toBe("unknown");
  });
});

describe("country baselines", () => {
  it("validate, one per corpus country, with no figure lacking a source", () => {
    for (const b of BASELINES) expect(issuesOf(countryBaselineSchema.safeParse(b)), b.country).toEqual([]);
    const countries = BASELINES.map((b) => b.country);
    expect(new Set(countries).size).toBe(countries.length);
    expect([...countries].sort()).toEqual([...new Set(AGREEMENTS.flatMap((a) => a.countries))].sort());
  });

  it("leave statutory facts unknown: the research gives none", () => {
    for (const b of BASELINES) {
      expect(b.maxDailyHours.value, b.country).toBeNull();
      expect(b.maxWeeklyHours.value, b.country).toBeNull();
      expect(b.minimumWage.amount, b.country).toBeNull();
    }
  });
});

describe("helpers", () => {
  it("handle partial dates", () => {
    expect(isPartialDate("2024")).toBe(true);
    expect(isPartialDate("2024-02-29")).toBe(true);
    expect(isPartialDate("2023-02-29")).toBe(false);
    expect(isPartialDate("2024-13")).toBe(false);
    expect(isPartialDate("24-01-01")).toBe(false);
    expect(partialDatePrecision("2024-08")).toBe("month");
    expect(partialDateBounds("2024-02")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(partialDateBounds("2027")).toEqual({ first: "2027-01-01", last: "2027-12-31" });
    expect(partialDatesInOrder("2024-08", "2024-08-01")).toBe(true);
    expect(partialDatesInOrder("2025", "2024-12-31")).toBe(false);
  });

  it("compare decimals exactly", () => {
    expect(compareDecimals("1050.00", "1050")).toBe(0);
    expect(compareDecimals("0.1", "0.09")).toBe(1);
    expect(compareDecimals("97.20", "130.00")).toBe(-1);
  });

  it("compare a value with a statutory baseline", () => {
    const law: CountryBaseline = {
      country: "DE",
      maxDailyHours: { value: 10, sourceUrl: "https://example.org/law", asOf: "2025", note: null },
      maxWeeklyHours: { value: null, sourceUrl: null, asOf: null, note: null },
      minimumWage: {
        amount: "100.00",
        currency: "EUR",
        per: { quantity: 1, unit: "day" },
        sourceUrl: "https://example.org/law",
        asOf: "2025",
        note: null,
      },
      indicators: [],
      notes: [],
    };
    const dayMax = taxonomyCode("WT.DAY_MAX");
    const weekMax = taxonomyCode("WT.WEEK_MAX");
    const payMin = taxonomyCode("PAY.MIN");
    if (!dayMax || !weekMax || !payMin) throw new Error("missing codes");
    expect(compareWithBaseline(dayMax, { kind: "number", value: 12, unit: "hours" }, law)).toBe("worse");
    expect(compareWithBaseline(dayMax, { kind: "number", value: 8, unit: "hours" }, law)).toBe("better");
    expect(compareWithBaseline(weekMax, { kind: "number", value: 60, unit: "hours" }, law)).toBe("unknown");
    const fee = findingsOf("de-schauspiel-tv-2024", "PAY.MIN")[0]?.value ?? null;
    expect(compareWithBaseline(payMin, fee, law)).toBe("better");
    expect(compareWithBaseline(payMin, { kind: "money", amount: "100.00", currency: "EUR", per: null }, law)).toBe(
      "unknown",
    );
    expect(compareWithBaseline(payMin, fee, undefined)).toBe("unknown");
  });
});
