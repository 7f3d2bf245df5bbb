import { CompiledQuery } from "kysely";
import type { CompareQuery } from "../common/agreements-api.ts";
import { DEMO_LIBRARY } from "../server/src/modules/agreements/index.ts";
import { compareAgreements } from "../server/src/modules/agreements/use-cases/compare-agreements.ts";
import type { Db } from "../server/src/platform/db/database.ts";
import { Random } from "./agreements-generator.ts";
import { type BenchLibrary, engineName, sharedAgreementsLibrary } from "./agreements-library.ts";
import { defineBenchmark } from "./harness.ts";
import { measureCalls } from "./latency.ts";

/**
 * Latency of the compare matrix (compareAgreements) for 50 agreements × 40 taxonomy codes, called
 * in-process, against the two statements it sends written by hand and sent through the same driver.
 */

const AGREEMENTS_PER_MATRIX = 50;
const CODES_PER_MATRIX = 40;
/** Different matrices per round, so that no single choice of agreements decides the numbers. */
const MATRICES = 10;

interface Matrix {
  name: string;
  ids: string[];
  codes: string[];
}

interface Fixture {
  library: BenchLibrary;
  matrices: Matrix[];
}

export default defineBenchmark<Fixture>({
  name: "agreements-compare",
  title: `latency of compareAgreements, ${AGREEMENTS_PER_MATRIX} agreements × ${CODES_PER_MATRIX} codes, vs its SQL written by hand`,
  setupTimeoutSeconds: 3600,
  notes: [
    "in-process calls, one at a time: no HTTP. The subject is compareAgreements(db, { ids, codes }) and builds " +
      "the cells with their evidence; the baseline sends the same two statements (the agreements by id, then " +
      "their findings on the codes joined to their clauses) as hand-written SQL through the same Kysely driver, " +
      "and builds nothing.",
    `${MATRICES} matrices of random agreements and random codes (seeded), the same for both sides; both must return the same rows.`,
    "no target in the issue for compare: the ratio is for reading.",
  ],

  async setup(context) {
    const library = await sharedAgreementsLibrary(context);
    const random = new Random(library.options.seed, 0xc0);
    const allCodes = DEMO_LIBRARY.taxonomy.codes.map((code) => code.code);
    const matrices: Matrix[] = [];
    for (let n = 0; n < MATRICES; n++) {
      const ids = random.sample(library.agreementIds, AGREEMENTS_PER_MATRIX);
      const codes = random.sample(allCodes, CODES_PER_MATRIX);
      const subject = await compareAgreements(library.db, { ids, codes });
      const raw = await rawCompare(library.db, { ids, codes });
      const subjectFindings = subject.cells.reduce((sum, cell) => sum + cell.findings.length, 0);
      if (subject.agreements.length !== raw.agreements.length || subjectFindings !== raw.findings.length) {
        throw new Error(
          `compareAgreements and the hand-written SQL disagree: ${subject.agreements.length} vs ${raw.agreements.length} agreements, ` +
            `${subjectFindings} vs ${raw.findings.length} findings`,
        );
      }
      matrices.push({
        name: `matrix ${n + 1} [${subject.agreements.length}×${subject.codes.length}, ${subject.cells.length} cells, ${subjectFindings} findings]`,
        ids,
        codes,
      });
    }
    return { library, matrices };
  },

  async baseline(context, { library, matrices }) {
    return measureCalls(context, {
      label: `the same two SQL statements written by hand, through the same driver (${engineName(library)})`,
      calls: matrices.map((m) => ({ name: m.name, run: () => rawCompare(library.db, m) })),
      breakdownTitle: "median per matrix",
      minRounds: 5,
    });
  },

  async subject(context, { library, matrices }) {
    return measureCalls(context, {
      label: `compareAgreements(db, { ids, codes }), in-process, no HTTP (${engineName(library)})`,
      calls: matrices.map((m) => ({
        name: m.name,
        run: () => compareAgreements(library.db, { ids: m.ids, codes: m.codes } satisfies CompareQuery),
      })),
      breakdownTitle: "median per matrix",
      minRounds: 5,
      details: [library.description],
    });
  },
});

/** The statements compareAgreements sends for explicit ids and codes, written by hand. */
async function rawCompare(db: Db, { ids, codes }: { ids: string[]; codes: string[] }) {
  const placeholders = (count: number, first: number) =>
    Array.from({ length: count }, (_, n) => `$${first + n}`).join(", ");
  const agreements = await db.executeQuery<{ id: string; title: string; countries: string[] }>(
    CompiledQuery.raw(
      `SELECT id, title, countries FROM agreements WHERE id IN (${placeholders(ids.length, 1)}) ORDER BY title, id`,
      ids,
    ),
  );
  const found = agreements.rows.map((row) => row.id);
  const foundList = placeholders(found.length, 1);
  const codeList = placeholders(codes.length, found.length + 1);
  const findings = await db.executeQuery<{ agreement_id: string; code: string; document: unknown }>(
    CompiledQuery.raw(
      `SELECT f.agreement_id, f.code, f.clause_id, c.article_ref, f.document
       FROM agreement_findings f
       JOIN agreement_clauses c ON c.agreement_id = f.agreement_id AND c.id = f.clause_id
       WHERE f.agreement_id IN (${foundList}) AND f.code IN (${codeList})
       ORDER BY c.position, f.position`,
      [...found, ...codes],
    ),
  );
  return { agreements: agreements.rows, findings: findings.rows };
}
