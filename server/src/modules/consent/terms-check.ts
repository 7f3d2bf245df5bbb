import type { Finding, FindingValue } from "../../../../common/agreements.ts";
import { REPLICA_USES, type Scope, type Terms } from "../../../../common/consent.ts";
import { describeValue } from "../agreements/index.ts";

/** An AI finding of the agreement that governs a request, with the clause it comes from. */
export interface AgreementTerm {
  agreementId: string;
  clauseId: string;
  articleRef: string | null;
  finding: Finding;
}

export interface ConsentRequestFacts {
  scope: Scope;
  terms: Terms;
  /** When the request reaches the member. */
  requestedAt: Date;
  /** When the first session (a scan, a recording) or use is planned. */
  startsAt: Date;
  member: { minor: boolean; deceased: boolean };
  unionOnStrike: boolean;
}

/**
 * `refuse`: the request falls short of the agreement and is sent back to the requester.
 * `flag`: it reaches the member with a warning, and their union is asked to advise.
 */
export interface TermProblem {
  outcome: "refuse" | "flag";
  rule: "notice" | "project" | "pay" | "pay_unclear" | "strike" | "minor" | "post_mortem";
  /** Plain facts for the message: the agreement's value and the request's. */
  required: string | null;
  offered: string | null;
  clause: Omit<AgreementTerm, "finding"> & { code: string };
}

/**
 * Checks a consent request against the agreement's AI findings: the notice before a replica is
 * made, consent per project, minimum pay, consent suspended during a strike, minors, and consent
 * after death. Only findings of provisions the agreement has ("present: yes") count.
 */
export function checkRequestTerms(
  request: ConsentRequestFacts,
  agreementTerms: readonly AgreementTerm[],
): TermProblem[] {
  const problems: TermProblem[] = [];
  const replica = request.scope.useTypes.some((use) => REPLICA_USES.includes(use));
  for (const term of agreementTerms) {
    const { finding } = term;
    if (finding.present !== "yes") continue;
    const clause = {
      agreementId: term.agreementId,
      clauseId: term.clauseId,
      articleRef: term.articleRef,
      code: finding.code,
    };
    const problem = (
      outcome: TermProblem["outcome"],
      rule: TermProblem["rule"],
      required: string | null,
      offered: string | null,
    ) => problems.push({ outcome, rule, required, offered, clause });
    switch (finding.code) {
      case "AI.NOTICE": {
        const hours = finding.value?.kind === "duration" ? durationHours(finding.value.value) : null;
        const given = (request.startsAt.getTime() - request.requestedAt.getTime()) / 3_600_000;
        if (replica && hours !== null && given < hours)
          problem("refuse", "notice", `${hours} h`, `${Math.max(0, Math.floor(given))} h`);
        break;
      }
      case "AI.CONSENT.USE":
        if (request.scope.project === null) problem("refuse", "project", null, null);
        break;
      case "AI.COMP.CREATE":
      case "AI.COMP.USE":
        if (replica) checkPay(finding.value, request.terms, problem);
        break;
      case "AI.CONSENT.STRIKE":
        if (request.unionOnStrike) problem("refuse", "strike", null, null);
        break;
      case "AI.CONSENT.MINORS":
        if (request.member.minor) problem("flag", "minor", null, null);
        break;
      case "AI.CONSENT.POSTMORTEM":
        if (request.member.deceased) problem("flag", "post_mortem", null, null);
        break;
    }
  }
  return problems;
}

function checkPay(
  required: FindingValue | null,
  terms: Terms,
  problem: (
    outcome: TermProblem["outcome"],
    rule: TermProblem["rule"],
    required: string | null,
    offered: string | null,
  ) => void,
): void {
  const offered = terms.fee ? `${terms.fee.amount} ${terms.fee.currency}` : null;
  if (required?.kind !== "money") {
    // Pay set as a multiple of scale, a number of sides, or in words: the union checks the offer.
    if (required) problem("flag", "pay_unclear", describeValue(required), offered);
    return;
  }
  const minimum = `${required.amount} ${required.currency}`;
  if (!terms.fee) problem("refuse", "pay", minimum, null);
  else if (terms.fee.currency !== required.currency) problem("flag", "pay_unclear", minimum, offered);
  else if (toMillionths(terms.fee.amount) < toMillionths(required.amount)) problem("refuse", "pay", minimum, offered);
}

/** Decimal amounts ("1500", "1500.5", up to 6 decimals) in millionths, exactly. */
function toMillionths(amount: string): bigint {
  const [whole = "0", fraction = ""] = amount.split(".");
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, "0"));
}

/** Hours in an ISO 8601 duration of weeks, days, hours and minutes; null for months or years. */
export function durationHours(duration: string): number | null {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(duration);
  if (!match || duration === "P" || duration.endsWith("T")) return null;
  const [, weeks = "0", days = "0", hours = "0", minutes = "0"] = match;
  return Number(weeks) * 168 + Number(days) * 24 + Number(hours) + Number(minutes) / 60;
}
