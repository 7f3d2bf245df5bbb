import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementSchema, isValueKindAllowed } from "../common/agreements.ts";
import { DEMO_LIBRARY } from "../server/src/modules/agreements/index.ts";
import { loadAgreement } from "../server/src/modules/agreements/use-cases/read-library.ts";
import { searchAgreements } from "../server/src/modules/agreements/use-cases/search-agreements.ts";
import { createOrganization } from "../server/src/modules/identity/index.ts";
import type { DatabaseHandle } from "../server/src/platform/db/database.ts";
import { createTestDatabase } from "../server/test/database.ts";
import {
  generateAgreement,
  generateLibrary,
  type LibraryOptions,
  libraryOptionsFromEnv,
} from "./agreements-generator.ts";
import { loadSyntheticLibrary } from "./agreements-library.ts";

const SMALL: LibraryOptions = { agreements: 20, clausesPerAgreement: 12, seed: 7 };
const codes = new Map(DEMO_LIBRARY.taxonomy.codes.map((code) => [code.code, code]));

describe("[BENCH] synthetic agreements library", () => {
  const library = [...generateLibrary(SMALL)];

  it("generates valid agreements, coded with real taxonomy codes and the value kinds they allow", () => {
    expect(library).toHaveLength(20);
    for (const agreement of library) {
      const parsed = agreementSchema.safeParse(agreement);
      expect(parsed.success, `${agreement.id}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(true);
      expect(agreement.clauses).toHaveLength(12);
      for (const finding of agreement.clauses.flatMap((clause) => clause.findings)) {
        const code = codes.get(finding.code);
        expect(code, finding.code).toBeDefined();
        if (code) expect(isValueKindAllowed(code, finding.value), `${finding.code} ${finding.value?.kind}`).toBe(true);
      }
    }
    expect(new Set(library.map((a) => a.id)).size).toBe(20);
    const languages = new Set(library.flatMap((a) => a.clauses.map((c) => c.language.slice(0, 2))));
    expect(languages.size).toBeGreaterThanOrEqual(4);
  });

  it("is deterministic for a seed, and any agreement can be generated alone", () => {
    expect([...generateLibrary(SMALL)]).toEqual(library);
    expect(generateAgreement(SMALL, 13)).toEqual(library[13]);
    expect(generateAgreement({ ...SMALL, seed: 8 }, 13)).not.toEqual(library[13]);
  });

  it("reads its scale from the environment, 10,000 × 50 by default", () => {
    expect(libraryOptionsFromEnv({})).toEqual({ agreements: 10_000, clausesPerAgreement: 50, seed: 20261123 });
    expect(libraryOptionsFromEnv({ BENCH_AGREEMENTS: "200", BENCH_CLAUSES_PER_AGREEMENT: "5" })).toMatchObject({
      agreements: 200,
      clausesPerAgreement: 5,
    });
    expect(() => libraryOptionsFromEnv({ BENCH_AGREEMENTS: "ten" })).toThrow(/BENCH_AGREEMENTS/);
  });

  describe("loaded into a database", () => {
    let database: DatabaseHandle;
    beforeAll(async () => {
      database = await createTestDatabase();
      const union = await createOrganization(database.db, { name: "Bench curators", kind: "union" });
      const stats = await loadSyntheticLibrary(database.db, union.id, SMALL);
      expect(stats).toMatchObject({ agreements: 20, clauses: 240 });
    });
    afterAll(() => database.close());

    it("reads back every agreement exactly as generated", async () => {
      for (const agreement of library) {
        expect(await loadAgreement(database.db, agreement.id)).toEqual(JSON.parse(JSON.stringify(agreement)));
      }
    });

    it("is found by words of its clauses, in each clause's language", async () => {
      const clause = library[0]?.clauses.find((c) => c.language === library[0]?.languages[0]);
      const word = clause?.text
        .split(" ")
        .find((w) => w.length > 7)
        ?.replace(/[.,]+$/, "");
      expect(word).toBeDefined();
      const result = await searchAgreements(database.db, { q: word, page: 1, pageSize: 20 });
      expect(result.results.map((r) => r.id)).toContain(library[0]?.id);
    });
  });
});
