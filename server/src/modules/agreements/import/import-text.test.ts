import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language.ts";
import {
  evaluateLabelledClauses,
  evaluateSuggestions,
  precision,
  recall,
  sameValue,
} from "./evaluation/evaluate-suggestions.ts";
import { splitClauses } from "./split-clauses.ts";
import { splitSentences, suggestFindings } from "./suggest-findings.ts";
import { hours, money, parseDecimal, percent, period, premium } from "./value-extractors.ts";

describe("[AGREEMENTS] reading values out of clause text", () => {
  it("parses numbers written the English, Spanish, French and German ways", () => {
    expect(
      ["1.050,00", "1,050.00", "1 050", "37,5", "37.5", "40.000", "forty-eight", "zwölf", "0.95"].map(parseDecimal),
    ).toEqual(["1050", "1050", "1050", "37.5", "37.5", "40000", "48", "12", "0.95"]);
  });

  it("reads hours, percentages, premiums, money with its rate and notice periods", () => {
    expect(hours("no more than twelve (12) hours; a rest of 11 consecutive hours").map((v) => v.value)).toEqual([
      { kind: "number", value: 12, unit: "hours" },
      { kind: "number", value: 11, unit: "hours" },
    ]);
    expect(percent("un recargo del 50 % y 5,5 v. H.").map((v) => v.value)).toEqual([
      { kind: "number", value: 50, unit: "percent" },
      { kind: "number", value: 5.5, unit: "percent" },
    ]);
    expect(premium("paid at time and a half, or 150 % of the rate").map((v) => v.value)).toEqual([
      { kind: "multiplier", value: 1.5 },
      { kind: "multiplier", value: 1.5 },
    ]);
    expect(money("Die Mindestwochengage beträgt € 1.050,00. Fee: $1,200 per day.").map((v) => v.value)).toEqual([
      { kind: "money", amount: "1050", currency: "EUR", per: { quantity: 1, unit: "week" } },
      { kind: "money", amount: "1200", currency: "USD", per: { quantity: 1, unit: "day" } },
    ]);
    expect(period("48 horas, zwei Wochen, 3 months, cuarenta y ocho (48) horas").map((v) => v.value)).toEqual([
      { kind: "duration", value: "PT48H" },
      { kind: "duration", value: "P14D" },
      { kind: "duration", value: "P3M" },
      { kind: "duration", value: "PT48H" },
    ]);
  });
});

describe("[AGREEMENTS] splitting and language", () => {
  it("splits at article headings in each language and keeps the preamble", () => {
    const text =
      "Preamble text here.\n\nArtículo 1. Ámbito\nTexto uno.\n\nCapítulo II\n\n§ 2 Arbeitszeit\nText zwei.\n\nArticle premier – Objet\nTexte.";
    expect(splitClauses(text).clauses).toEqual([
      { id: "preamble", articleRef: null, text: "Preamble text here." },
      { id: "art-1", articleRef: "Artículo 1. Ámbito", text: "Artículo 1. Ámbito\nTexto uno." },
      { id: "sec-2", articleRef: "§ 2 Arbeitszeit", text: "§ 2 Arbeitszeit\nText zwei." },
      { id: "art-premier", articleRef: "Article premier – Objet", text: "Article premier – Objet\nTexte." },
    ]);
  });

  it("falls back to paragraphs, joining short title lines to the paragraph after them", () => {
    const result = splitClauses(
      "Working time\nThe week is forty hours long for everyone.\n\nPay\nThe fee is set out in the annex to this text.",
    );
    expect(result.foundHeadings).toBe(false);
    expect(result.clauses.map((c) => c.id)).toEqual(["p-1", "p-2"]);
  });

  it("gives repeated article numbers their own ids", () => {
    const ids = splitClauses("Article 1\nOne.\nArticle 1\nAgain.").clauses.map((c) => c.id);
    expect(ids).toEqual(["art-1", "art-1-2"]);
  });

  it("detects the language of a passage and says when it cannot be sure", () => {
    expect(
      detectLanguage(
        "Die wöchentliche Arbeitszeit beträgt vierzig Stunden; Mehrarbeit wird mit einem Zuschlag vergütet.",
      ),
    ).toEqual({
      language: "de",
      confident: true,
    });
    expect(detectLanguage("Artículo 5").confident).toBe(false);
  });

  it("does not end a sentence at abbreviations or decimal points", () => {
    expect(splitSentences("See Art. 5 of the text. Pay is 1.5 times. Next").map((p) => p.text)).toEqual([
      "See Art. 5 of the text.",
      "Pay is 1.5 times.",
      "Next",
    ]);
  });
});

describe("[AGREEMENTS] suggestion quality", () => {
  it("explains each suggestion with the words that triggered it and the value's span", () => {
    const text = "Artículo 6. Horas extraordinarias\nSe abonarán con un recargo del 50 %.";
    const [suggestion] = suggestFindings(text);
    expect(suggestion).toMatchObject({ code: "OT.RATE", value: { kind: "number", value: 50, unit: "percent" } });
    for (const span of [...(suggestion?.triggers ?? []), suggestion?.valueSpan]) {
      expect(text.slice(span?.start, span?.end)).toBe(span?.text);
    }
  });

  it("counts true and false positives and negatives per family", () => {
    const evaluation = evaluateSuggestions([
      {
        id: "a",
        language: "en",
        split: "dev",
        text: "Overtime is paid at time and a half.",
        codes: ["OT.RATE"],
        values: { "OT.RATE": { kind: "multiplier", value: 1.5 } },
      },
      { id: "b", language: "en", split: "dev", text: "Overtime is paid at time and a half.", codes: ["WT.REST"] },
    ]);
    const ot = evaluation.byFamily.get("OT");
    expect(ot).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 0, valuesExpected: 1, valuesRight: 1 });
    expect(evaluation.byFamily.get("WT")?.falseNegatives).toBe(1);
    expect(precision(evaluation.overall)).toBe(0.5);
    expect(recall(evaluation.overall)).toBe(0.5);
    expect(
      sameValue(
        { kind: "money", amount: "1050", currency: "EUR", per: null },
        { kind: "money", amount: "1050.00", currency: "EUR", per: null },
      ),
    ).toBe(true);
  });

  it("meets the precision aim (0.8) on the held-out labelled clauses", async () => {
    const evaluation = await evaluateLabelledClauses("test");
    expect(evaluation.clauses).toBeGreaterThan(150);
    expect(precision(evaluation.overall)).toBeGreaterThanOrEqual(0.8);
  });
});
