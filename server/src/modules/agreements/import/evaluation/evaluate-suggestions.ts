import { type FindingValue, familyOfCode, type TaxonomyFamily } from "../../../../../../common/agreements.ts";
import { suggestFindings } from "../suggest-findings.ts";

/** A clause with the codes (and values) a careful human coder gave it. */
export interface LabelledExample {
  id: string;
  language: string;
  split: "dev" | "test";
  text: string;
  codes: string[];
  values?: Record<string, FindingValue>;
}

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Of the true positives with an expected value, how many suggested exactly that value. */
  valuesExpected: number;
  valuesRight: number;
}

export interface Evaluation {
  clauses: number;
  byFamily: Map<TaxonomyFamily, Tally>;
  overall: Tally;
  /** Wrong or missed codes, for whoever tunes the rules. */
  mistakes: { id: string; code: string; kind: "false_positive" | "false_negative" | "wrong_value" }[];
}

const emptyTally = (): Tally => ({
  truePositives: 0,
  falsePositives: 0,
  falseNegatives: 0,
  valuesExpected: 0,
  valuesRight: 0,
});

/** Runs the suggestion rules over labelled clauses and counts hits and misses per code family. */
export function evaluateSuggestions(examples: readonly LabelledExample[]): Evaluation {
  const byFamily = new Map<TaxonomyFamily, Tally>();
  const overall = emptyTally();
  const mistakes: Evaluation["mistakes"] = [];
  const count = (code: string, update: (tally: Tally) => void) => {
    const family = familyOfCode(code);
    if (!family) return;
    const tally = byFamily.get(family) ?? emptyTally();
    byFamily.set(family, tally);
    update(tally);
    update(overall);
  };
  for (const example of examples) {
    const suggested = new Map(suggestFindings(example.text).map((s) => [s.code, s.value]));
    const expected = new Set(example.codes);
    for (const [code, value] of suggested) {
      if (!expected.has(code)) {
        count(code, (t) => t.falsePositives++);
        mistakes.push({ id: example.id, code, kind: "false_positive" });
        continue;
      }
      const expectedValue = example.values?.[code];
      const right = expectedValue !== undefined && sameValue(value, expectedValue);
      count(code, (t) => {
        t.truePositives++;
        if (expectedValue !== undefined) t.valuesExpected++;
        if (right) t.valuesRight++;
      });
      if (expectedValue !== undefined && !right) mistakes.push({ id: example.id, code, kind: "wrong_value" });
    }
    for (const code of expected) {
      if (suggested.has(code)) continue;
      count(code, (t) => t.falseNegatives++);
      mistakes.push({ id: example.id, code, kind: "false_negative" });
    }
  }
  return { clauses: examples.length, byFamily, overall, mistakes };
}

/** Values are the same when they say the same thing: "1050" and "1050.00" EUR are one amount. */
export function sameValue(actual: FindingValue | null, expected: FindingValue): boolean {
  if (actual === null || actual.kind !== expected.kind) return false;
  if (actual.kind === "money" && expected.kind === "money") {
    return (
      Number(actual.amount) === Number(expected.amount) &&
      actual.currency === expected.currency &&
      (expected.per === null || actual.per?.unit === expected.per.unit)
    );
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

export const precision = (t: Tally): number | null =>
  t.truePositives + t.falsePositives === 0 ? null : t.truePositives / (t.truePositives + t.falsePositives);

export const recall = (t: Tally): number | null =>
  t.truePositives + t.falseNegatives === 0 ? null : t.truePositives / (t.truePositives + t.falseNegatives);

/** A fixed-width table: family, counts, precision, recall, value accuracy. */
export function formatEvaluation(evaluation: Evaluation): string {
  const ratio = (value: number | null) => (value === null ? "–" : value.toFixed(2));
  const row = (name: string, t: Tally) =>
    [
      name.padEnd(8),
      String(t.truePositives).padStart(4),
      String(t.falsePositives).padStart(4),
      String(t.falseNegatives).padStart(4),
      ratio(precision(t)).padStart(9),
      ratio(recall(t)).padStart(7),
      (t.valuesExpected === 0 ? "–" : `${t.valuesRight}/${t.valuesExpected}`).padStart(8),
    ].join("  ");
  const families = [...evaluation.byFamily.entries()].sort(([a], [b]) => a.localeCompare(b));
  return [
    `${evaluation.clauses} labelled clauses`,
    ["family  ", "  TP", "  FP", "  FN", "precision", " recall", "  values"].join("  "),
    ...families.map(([family, tally]) => row(family, tally)),
    row("all", evaluation.overall),
  ].join("\n");
}

/** Evaluates the shipped labelled clauses, all of them or one split. */
export async function evaluateLabelledClauses(split: "dev" | "test" | "all"): Promise<Evaluation> {
  const { LABELLED_CLAUSES } = await import("./labelled-clauses.ts");
  return evaluateSuggestions(LABELLED_CLAUSES.filter((c) => split === "all" || c.split === split));
}
