import { describe, expect, it } from "vitest";
import type { Finding, FindingValue } from "../../../../common/agreements.ts";
import type { Scope } from "../../../../common/consent.ts";
import { type AgreementTerm, type ConsentRequestFacts, checkRequestTerms, durationHours } from "./terms-check.ts";

const term = (code: string, value: FindingValue | null, present: Finding["present"] = "yes"): AgreementTerm => ({
  agreementId: "us-screen-2023",
  clauseId: code.toLowerCase().replaceAll(".", "-"),
  articleRef: "Art. 39",
  finding: {
    code,
    present,
    value,
    appliesTo: "all",
    classification: null,
    strength: "consent",
    effectiveFrom: null,
    effectiveTo: null,
    confidence: 0.9,
    verified: true,
    evidence: [{ url: "https://example.org/agreement", basis: "seen", note: "The agreement's AI article" }],
    note: null,
  },
});

const AGREEMENT = [
  term("AI.NOTICE", { kind: "duration", value: "PT48H" }),
  term("AI.CONSENT.USE", null),
  term("AI.COMP.CREATE", { kind: "money", amount: "1050.00", currency: "USD", per: null }),
  term("AI.CONSENT.STRIKE", null),
  term("AI.CONSENT.MINORS", null),
  term("AI.CONSENT.POSTMORTEM", null),
];

const SCOPE: Scope = {
  useTypes: ["digital_replica_employment"],
  generative: true,
  project: "Harbour Lights",
  media: ["film"],
  territories: ["US"],
  from: "2027-01-01",
  to: "2027-12-31",
};

const request = (over: Partial<ConsentRequestFacts> = {}): ConsentRequestFacts => ({
  scope: SCOPE,
  terms: { fee: { amount: "1200", currency: "USD" }, royaltyPercent: null, credit: null },
  requestedAt: new Date("2027-01-10T09:00:00Z"),
  startsAt: new Date("2027-01-12T09:00:00Z"),
  member: { minor: false, deceased: false },
  unionOnStrike: false,
  ...over,
});

describe("a consent request against its agreement", () => {
  it("passes when it gives the notice, names a project and offers the minimum pay", () => {
    expect(checkRequestTerms(request(), AGREEMENT)).toEqual([]);
  });

  it("is refused with 24 hours' notice where 48 are due, citing the clause", () => {
    const problems = checkRequestTerms(request({ startsAt: new Date("2027-01-11T09:00:00Z") }), AGREEMENT);
    expect(problems).toEqual([
      {
        outcome: "refuse",
        rule: "notice",
        required: "48 h",
        offered: "24 h",
        clause: { agreementId: "us-screen-2023", clauseId: "ai-notice", articleRef: "Art. 39", code: "AI.NOTICE" },
      },
    ]);
  });

  it("is refused without a project, below the minimum pay, without a fee, or during a strike", () => {
    const rules = (over: Partial<ConsentRequestFacts>) =>
      checkRequestTerms(request(over), AGREEMENT).map((p) => p.rule);
    expect(rules({ scope: { ...SCOPE, project: null } })).toEqual(["project"]);
    expect(
      rules({ terms: { fee: { amount: "1049.999", currency: "USD" }, royaltyPercent: null, credit: null } }),
    ).toEqual(["pay"]);
    expect(rules({ terms: { fee: null, royaltyPercent: 5, credit: null } })).toEqual(["pay"]);
    expect(rules({ unionOnStrike: true })).toEqual(["strike"]);
  });

  it("flags what the union must look at: pay in another currency or as a multiple, minors, consent after death", () => {
    const flagged = (over: Partial<ConsentRequestFacts>, terms = AGREEMENT) =>
      checkRequestTerms(request(over), terms).map((p) => [p.outcome, p.rule, p.required]);
    expect(
      flagged({ terms: { fee: { amount: "5000", currency: "EUR" }, royaltyPercent: null, credit: null } }),
    ).toEqual([["flag", "pay_unclear", "1050.00 USD"]]);
    expect(flagged({}, [term("AI.COMP.USE", { kind: "multiplier", value: 7.5, base: "scale" })])).toEqual([
      ["flag", "pay_unclear", "×7.5 scale"],
    ]);
    expect(flagged({ member: { minor: true, deceased: false } })).toEqual([["flag", "minor", null]]);
    expect(flagged({ member: { minor: false, deceased: true } })).toEqual([["flag", "post_mortem", null]]);
  });

  it("counts only provisions the agreement has, and replica rules only for replica uses", () => {
    const absent = [
      term("AI.CONSENT.USE", null, "no"),
      term("AI.NOTICE", { kind: "duration", value: "PT48H" }, "unknown"),
    ];
    expect(checkRequestTerms(request({ scope: { ...SCOPE, project: null }, startsAt: new Date() }), absent)).toEqual(
      [],
    );
    const training = request({
      scope: { ...SCOPE, useTypes: ["training"] },
      startsAt: new Date("2027-01-10T10:00:00Z"),
    });
    expect(checkRequestTerms(training, AGREEMENT)).toEqual([]);
  });

  it("reads ISO 8601 durations in hours", () => {
    expect(durationHours("PT48H")).toBe(48);
    expect(durationHours("P2D")).toBe(48);
    expect(durationHours("P1W")).toBe(168);
    expect(durationHours("P1DT12H30M")).toBe(36.5);
    expect(durationHours("P6M")).toBeNull();
    expect(durationHours("P")).toBeNull();
  });
});
