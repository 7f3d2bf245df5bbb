import { describe, expect, it } from "vitest";
import { findingValueSchema, isValueKindAllowed } from "../../../../../../common/agreements.ts";
import { TAXONOMY } from "../../data/taxonomy.ts";
import { LABELLED_CLAUSES } from "./labelled-clauses.ts";

const LANGUAGES = ["en", "es", "fr", "de"] as const;
const codesById = new Map(TAXONOMY.codes.map((c) => [c.code, c]));

describe("labelled evaluation clauses", () => {
  it("has unique ids that name their language", () => {
    const ids = LABELLED_CLAUSES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const clause of LABELLED_CLAUSES) {
      expect(clause.id).toMatch(new RegExp(`^${clause.language}-\\d{3}$`));
      expect(clause.text.trim().length).toBeGreaterThan(20);
    }
  });

  it("uses only taxonomy codes, each at most once per clause", () => {
    for (const clause of LABELLED_CLAUSES) {
      expect(new Set(clause.codes).size, clause.id).toBe(clause.codes.length);
      for (const code of clause.codes) expect(codesById.has(code), `${clause.id}: ${code}`).toBe(true);
    }
  });

  it("gives values that validate and are allowed for their code", () => {
    for (const clause of LABELLED_CLAUSES) {
      for (const [code, value] of Object.entries(clause.values ?? {})) {
        expect(clause.codes, `${clause.id}: value for ${code} without the code`).toContain(code);
        expect(findingValueSchema.safeParse(value).success, `${clause.id}: ${code}`).toBe(true);
        const taxonomyCode = codesById.get(code);
        expect(taxonomyCode, `${clause.id}: ${code}`).toBeDefined();
        if (taxonomyCode) expect(isValueKindAllowed(taxonomyCode, value), `${clause.id}: ${code}`).toBe(true);
      }
    }
  });

  it("has at least 50 clauses per language, alternating dev and test", () => {
    for (const language of LANGUAGES) {
      const clauses = LABELLED_CLAUSES.filter((c) => c.language === language);
      expect(clauses.length, language).toBeGreaterThanOrEqual(50);
      clauses.forEach((clause, index) => {
        expect(clause.split, clause.id).toBe(index % 2 === 0 ? "dev" : "test");
      });
      expect(new Set(clauses.map((c) => c.split))).toEqual(new Set(["dev", "test"]));
    }
  });

  it("mixes coded clauses with clauses that carry no code", () => {
    const empty = LABELLED_CLAUSES.filter((c) => c.codes.length === 0).length;
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThan(LABELLED_CLAUSES.length / 2);
  });
});
