import { CompiledQuery } from "kysely";
import { exportLibrary } from "../server/src/modules/agreements/use-cases/export-library.ts";
import type { Db } from "../server/src/platform/db/database.ts";
import { type BenchLibrary, engineName, sharedAgreementsLibrary } from "./agreements-library.ts";
import { defineBenchmark } from "./harness.ts";
import { inSeconds, measureCalls } from "./latency.ts";

/**
 * Time of a full export of the library (exportLibrary: every agreement with its clauses and
 * findings, the taxonomy and the baselines), in-process, against selecting every row of those
 * tables with one hand-written statement per table through the same driver.
 */

export default defineBenchmark<BenchLibrary>({
  name: "agreements-export",
  title: "time of a full exportLibrary vs selecting every row with raw SQL",
  setupTimeoutSeconds: 3600,
  notes: [
    "in-process, one export at a time: no HTTP and no JSON or CSV serialization. The subject is exportLibrary(db); " +
      "the baseline selects all rows of agreements, agreement_clauses, agreement_findings, the newest taxonomy and " +
      "the country baselines (5 statements through the same Kysely driver) and assembles nothing.",
    "both sides must return every agreement, clause and finding of the library, or the measurement stops.",
    "at least one measured export per side after one warm-up export (unless BENCH_WARMUP_SECONDS=0); " +
      "no target in the issue for export: the ratio is for reading.",
  ],

  setup: (context) => sharedAgreementsLibrary(context),

  async baseline(context, library) {
    return inSeconds(
      await measureCalls(context, {
        label: `SELECT every row of the agreements tables, 5 hand-written statements (${engineName(library)})`,
        calls: [{ name: "select all rows", run: () => rawExport(library) }],
        minRounds: 1,
      }),
      "export",
    );
  },

  async subject(context, library) {
    return inSeconds(
      await measureCalls(context, {
        label: `exportLibrary(db), in-process, no HTTP (${engineName(library)})`,
        calls: [
          {
            name: "export",
            run: async () => {
              const exported = await exportLibrary(library.db);
              const clauses = exported.agreements.reduce((sum, a) => sum + a.clauses.length, 0);
              const findings = exported.agreements.reduce(
                (sum, a) => sum + a.clauses.reduce((n, c) => n + c.findings.length, 0),
                0,
              );
              expectCounts(library, { agreements: exported.agreements.length, clauses, findings });
            },
          },
        ],
        minRounds: 1,
        details: [library.description],
      }),
      "export",
    );
  },
});

async function rawExport(library: BenchLibrary): Promise<void> {
  const db: Db = library.db;
  const select = (text: string) => db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, []));
  const agreements = await select("SELECT document FROM agreements ORDER BY id");
  const clauses = await select(
    "SELECT agreement_id, id, article_ref, text_kind, body, language FROM agreement_clauses ORDER BY agreement_id, position",
  );
  const findings = await select(
    "SELECT agreement_id, clause_id, document FROM agreement_findings ORDER BY agreement_id, clause_id, position",
  );
  await select(
    `SELECT document FROM agreement_taxonomy_codes
     WHERE version = (SELECT max(version) FROM agreement_taxonomy_codes) ORDER BY code`,
  );
  await select("SELECT document FROM agreement_country_baselines ORDER BY country");
  expectCounts(library, {
    agreements: agreements.rows.length,
    clauses: clauses.rows.length,
    findings: findings.rows.length,
  });
}

function expectCounts(library: BenchLibrary, got: BenchLibrary["counts"]): void {
  const want = library.counts;
  if (got.agreements !== want.agreements || got.clauses !== want.clauses || got.findings !== want.findings) {
    throw new Error(`export returned ${JSON.stringify(got)}, the library holds ${JSON.stringify(want)}`);
  }
}
