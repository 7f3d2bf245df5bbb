import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AgreementSearchQuery,
  type AgreementSearchResult,
  agreementSearchQuerySchema,
} from "../common/agreements-api.ts";
import { saveAgreement } from "../server/src/modules/agreements/agreements.repository.ts";
import { comparableNumber } from "../server/src/modules/agreements/library-values.ts";
import { findAgreement } from "../server/src/modules/agreements/use-cases/read-library.ts";
import { searchAgreements } from "../server/src/modules/agreements/use-cases/search-agreements.ts";
import { prepareSearch } from "../server/src/modules/agreements/use-cases/search-indexes.ts";
import { createOrganization } from "../server/src/modules/identity/index.ts";
import { type DatabaseHandle, inTransaction } from "../server/src/platform/db/database.ts";
import { createTestDatabase } from "../server/test/database.ts";
import { generateAgreement, type LibraryOptions, searchWords } from "./agreements-generator.ts";
import { loadSyntheticLibrary } from "./agreements-library.ts";
import { searchMix } from "./agreements-search.bench.ts";
import { referenceSearch, summarizeResult } from "./agreements-search-sql.ts";

const LIBRARY: LibraryOptions = { agreements: 150, clausesPerAgreement: 8, seed: 11 };

/** The bench's mix, and more: every filter alone and combined, bounds on both sides, deep pages. */
function queries(): Array<Record<string, string>> {
  const en = searchWords("en");
  const de = searchWords("de");
  return [
    ...searchMix(),
    { q: en.general(1), country: "DE" },
    { q: en.general(0), pageSize: "7", page: "3" },
    { q: `${en.topic("PAY", 0)} or ${de.topic("PAY", 0)}`, sector: "film" },
    { q: en.general(2), covers: "employees", inForceOn: "2020-01-01" },
    { code: "WT.WEEK_MAX", min: "35", max: "40" },
    { code: "OT.PREMIUM", min: "1.5" },
    { code: "PAY.MIN" },
    { covers: "minors" },
    { inForceOn: "2015-03-01", pageSize: "100" },
    { page: "4", pageSize: "10" },
    { page: "100" },
    { q: "nothingmatchesthisword" },
    { q: "the" },
    { q: `-${en.general(0)}` },
    { q: `${en.general(1)} -${en.general(2)} or ${de.general(1)}` },
    { q: `${en.general(1)}'s "${de.topic("WT", 3)} ${de.topic("WT", 4)}"` },
    ...boundsAtValues(),
  ];
}

/** Bounds equal to values found in the library: where an off-by-one in a range filter shows. */
function boundsAtValues(): Array<Record<string, string>> {
  return [0, 1, 2]
    .flatMap((index) => generateAgreement(LIBRARY, index).clauses.flatMap((clause) => clause.findings))
    .filter((finding) => finding.present === "yes")
    .map((finding) => ({ code: finding.code, value: comparableNumber(finding.value) }))
    .filter((found) => found.value !== null)
    .slice(0, 3)
    .flatMap(
      ({ code, value }): Array<Record<string, string>> => [
        { code, min: String(value) },
        { code, max: String(value) },
        { code, min: String(value), max: String(value) },
      ],
    );
}

describe("agreements search: the in-memory index against PostgreSQL alone", () => {
  let database: DatabaseHandle;
  let union: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    union = (await createOrganization(database.db, { name: "Search curators", kind: "union" })).id;
    await loadSyntheticLibrary(database.db, union, LIBRARY);
  });
  afterAll(() => database.close());

  async function expectSameAsReference(search: (query: AgreementSearchQuery) => Promise<AgreementSearchResult>) {
    let matched = 0;
    for (const raw of queries()) {
      const query = agreementSearchQuerySchema.parse(raw);
      const { snippets: _snippets, ...subject } = summarizeResult(await search(query));
      expect(subject, JSON.stringify(raw)).toEqual(await referenceSearch(database.db, query));
      if (subject.total > 0) matched++;
    }
    // The comparison means something only if most queries find agreements.
    expect(matched).toBeGreaterThan(queries().length / 2);
  }

  it("gives the same total, ranking, page and facets as the whole search in SQL, for every query", async () => {
    expect(await prepareSearch(database.db)).toEqual({
      agreements: LIBRARY.agreements,
      clauses: LIBRARY.agreements * LIBRARY.clausesPerAgreement,
    });
    await expectSameAsReference((query) => searchAgreements(database.db, query));
  });

  it("gives the same answers with the text match in SQL (inside a transaction, without the text index)", async () => {
    await expectSameAsReference((query) => inTransaction(database.db, (trx) => searchAgreements(trx, query)));
  });

  it("sees every change to the library on the next search, whatever made it", async () => {
    const first = { q: undefined, page: 1, pageSize: 100 } as const;
    const before = await searchAgreements(database.db, first);
    expect(before.total).toBe(LIBRARY.agreements);

    const extra = { ...generateAgreement({ ...LIBRARY, seed: 12 }, 0), id: "added-later", title: "Zzz added later" };
    await saveAgreement(database.db, union, extra, null);
    const added = await searchAgreements(database.db, { ...first, q: "Zzz" });
    expect(added.results.map((r) => r.id)).toEqual(["added-later"]);
    expect((await searchAgreements(database.db, first)).total).toBe(LIBRARY.agreements + 1);

    // A change behind the application's back (an operator's SQL) is seen too: the version is a trigger's.
    await sql`UPDATE agreements SET countries = '{IS}' WHERE id = 'added-later'`.execute(database.db);
    const iceland = await searchAgreements(database.db, { ...first, country: "IS" });
    expect(iceland.results.map((r) => r.id)).toEqual(["added-later"]);
    await sql`DELETE FROM agreement_findings WHERE agreement_id = 'added-later'`.execute(database.db);
    const withoutFindings = await searchAgreements(database.db, { ...first, country: "IS" });
    expect(withoutFindings.facets.codes).toEqual([]);
    await sql`DELETE FROM agreements WHERE id = 'added-later'`.execute(database.db);
    expect(await findAgreement(database.db, "added-later")).toBeUndefined();
    expect((await searchAgreements(database.db, first)).total).toBe(LIBRARY.agreements);
    expect((await searchAgreements(database.db, { ...first, country: "IS" })).total).toBe(0);
  });
});
