import { sql } from "kysely";
import { insertImport } from "../server/src/modules/agreements/agreement-imports.repository.ts";
import { type AnalyzedDocument, analyzeDocument } from "../server/src/modules/agreements/import/analyze-document.ts";
import { LABELLED_CLAUSES } from "../server/src/modules/agreements/import/evaluation/labelled-clauses.ts";
import { extractText } from "../server/src/modules/agreements/import/extract-text.ts";
import { createOrganization } from "../server/src/modules/identity/index.ts";
import { type Db, inTransaction } from "../server/src/platform/db/database.ts";
import { makePdf } from "../server/test/documents.ts";
import { openBenchDatabase } from "./database.ts";
import { defineBenchmark } from "./harness.ts";
import { inSeconds, measureCalls } from "./latency.ts";

/**
 * Import of a 100-page PDF agreement, in-process: read its text layer (pdf.js), split it into
 * articles, detect languages, suggest findings and store the draft, against storing the same draft
 * with hand-written INSERT statements alone.
 */

const PAGES = Number(process.env.BENCH_IMPORT_PAGES ?? 100);
const LINES_PER_PAGE = 48;
const CHARACTERS_PER_LINE = 95;

interface ImportFixture {
  db: Db;
  organizationId: string;
  pdf: Uint8Array;
  analyzed: AnalyzedDocument;
  engine: string;
  description: string;
}

export default defineBenchmark<ImportFixture>({
  name: "agreements-import",
  title: `import of a ${PAGES}-page PDF (extract, split, detect, suggest, store) vs storing the draft with raw SQL`,
  setupTimeoutSeconds: 600,
  notes: [
    "in-process, one import at a time: no HTTP upload. The subject runs the whole pipeline on the same PDF each time; " +
      "the baseline inserts the draft row and its suggestion rows that the pipeline produced, with hand-written " +
      "multi-row INSERTs through the same driver.",
    "no target in the issue for import: the ratio says how much of the time is reading and analysing rather than storing.",
  ],

  setup: async (context) => {
    const { database } = await openBenchDatabase(context);
    const { db, engine } = database;
    const organization = await createOrganization(db, { name: "Bench Import Union", kind: "union", country: "ES" });
    if (engine === "postgres") {
      context.defer("delete the bench organization and its imports", async () => {
        await db.deleteFrom("agreement_imports").where("organization_id", "=", organization.id).execute();
        await db.deleteFrom("organizations").where("id", "=", organization.id).execute();
      });
    }
    context.progress(`drawing a ${PAGES}-page PDF`);
    const pdf = await makePdf(pagesOfAgreementText(PAGES));
    const stages = await timedImport(pdf);
    const clauses = stages.analyzed.clauses.length;
    const suggestions = stages.analyzed.clauses.reduce((sum, c) => sum + c.suggestions.length, 0);
    return {
      db,
      organizationId: organization.id,
      pdf,
      analyzed: stages.analyzed,
      engine: engine === "postgres" ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite",
      description:
        `${PAGES} pages, ${(pdf.length / 1024).toFixed(0)} KiB PDF -> ${clauses} clauses, ${suggestions} suggestions; ` +
        `the first (cold) import's stages: extract ${stages.extractMs.toFixed(0)} ms, analyse ${stages.analyzeMs.toFixed(0)} ms`,
    };
  },

  async baseline(context, fixture) {
    return inSeconds(
      await measureCalls(context, {
        label: `INSERT the draft and its suggestion rows, hand-written SQL (${fixture.engine})`,
        calls: [{ name: "insert", run: () => rawInsert(fixture) }],
        minRounds: 3,
      }),
      "import",
    );
  },

  async subject(context, fixture) {
    return inSeconds(
      await measureCalls(context, {
        label: `extractText + analyzeDocument + insertImport, in-process (${fixture.engine})`,
        calls: [
          {
            name: "import",
            run: async () => {
              const { analyzed } = await timedImport(fixture.pdf);
              if (analyzed.clauses.length !== fixture.analyzed.clauses.length) {
                throw new Error("the import split the same PDF differently");
              }
              await inTransaction(fixture.db, (trx) =>
                insertImport(trx, {
                  organizationId: fixture.organizationId,
                  userId: null,
                  source: { kind: "pdf", filename: "bench.pdf", bytes: fixture.pdf.length, pages: PAGES },
                  analyzed,
                  now: new Date(),
                }),
              );
            },
          },
        ],
        minRounds: 3,
        details: [fixture.description],
      }),
      "import",
    );
  },
});

async function timedImport(pdf: Uint8Array) {
  const started = performance.now();
  const extracted = await extractText({ filename: "bench.pdf", bytes: pdf });
  const extractMs = performance.now() - started;
  const analyzed = await analyzeDocument(extracted);
  return { analyzed, extractMs, analyzeMs: performance.now() - started - extractMs };
}

/** Spanish clauses of the labelled set, numbered as articles, wrapped to fill the pages. */
function pagesOfAgreementText(pages: number): string[][] {
  const spanish = LABELLED_CLAUSES.filter((c) => c.language === "es").map((c) =>
    c.text.replace(/^Artículo [^.]*\.\s*/, ""),
  );
  const lines: string[] = ["CONVENIO COLECTIVO DE LA INDUSTRIA AUDIOVISUAL (texto de prueba)", ""];
  for (let article = 1; lines.length < pages * LINES_PER_PAGE; article++) {
    lines.push(`Artículo ${article}.`);
    lines.push(...wrap(spanish[(article - 1) % spanish.length] ?? ""), "");
  }
  const result: string[][] = [];
  for (let page = 0; page < pages; page++) {
    result.push(lines.slice(page * LINES_PER_PAGE, (page + 1) * LINES_PER_PAGE).map(winAnsi));
  }
  return result;
}

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > CHARACTERS_PER_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The standard PDF fonts draw Windows-1252 only; anything else becomes a plain equivalent. */
function winAnsi(line: string): string {
  return line
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[^\x20-\x7E\u00A0-\u00FF€–—…]/g, "?");
}

async function rawInsert(fixture: ImportFixture): Promise<void> {
  const { analyzed } = fixture;
  await inTransaction(fixture.db, async (trx) => {
    const clauses = analyzed.clauses.map(({ suggestions: _, ...clause }) => clause);
    const inserted = await sql<{ id: string }>`
      INSERT INTO agreement_imports
        (organization_id, status, source, language, warnings, clauses, agreement_id, created_by, created_at, updated_at)
      VALUES (${fixture.organizationId}, 'draft', ${JSON.stringify({ kind: "pdf" })}::jsonb, ${analyzed.language},
        ${JSON.stringify(analyzed.warnings)}::jsonb, ${JSON.stringify(clauses)}::jsonb, NULL, NULL, now(), now())
      RETURNING id`.execute(trx);
    const importId = inserted.rows[0]?.id;
    const rows = analyzed.clauses.flatMap((clause) =>
      clause.suggestions.map(
        (s, position) =>
          sql`(${importId}, ${s.id}, ${fixture.organizationId}, ${clause.id}, ${position}, 'pending', ${JSON.stringify(s)}::jsonb)`,
      ),
    );
    for (let start = 0; start < rows.length; start += 1000) {
      await sql`INSERT INTO agreement_import_suggestions
        (import_id, id, organization_id, clause_id, position, decision, document)
        VALUES ${sql.join(rows.slice(start, start + 1000))}`.execute(trx);
    }
  });
}
