import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/db/database.ts";
import { agreementImportsRoutes } from "./agreement-imports.routes.ts";
import { agreementsRoutes } from "./agreements.routes.ts";
import { BASELINES } from "./data/baselines.ts";
import { AGREEMENTS } from "./data/corpus.ts";
import { TAXONOMY } from "./data/taxonomy.ts";

export type { AgreementsTables } from "./agreements.tables.ts";
export { evaluateLabelledClauses, formatEvaluation } from "./import/evaluation/evaluate-suggestions.ts";
export {
  type AgreementOutline,
  agreementOutlines,
  agreementReferenceExists,
  sectorCoverage,
} from "./use-cases/agreement-references.ts";
export { type AiConsentTerm, aiConsentTerms } from "./use-cases/ai-consent-terms.ts";
export { describeValue } from "./use-cases/compare-agreements.ts";
export { exportLibrary } from "./use-cases/export-library.ts";
export { importLibraryFile } from "./use-cases/import-library.ts";
export { loadLibrary } from "./use-cases/load-library.ts";
export { prepareSearch as prepareAgreementSearch } from "./use-cases/search-indexes.ts";

/** Serves the agreements library under /api/v1. */
export async function registerAgreements(app: FastifyInstance, options: { db: Db; now: () => Date }): Promise<void> {
  await app.register(agreementsRoutes, { prefix: "/api/v1", ...options });
  await app.register(agreementImportsRoutes, { prefix: "/api/v1", ...options });
}

/** The shipped taxonomy, country baselines and demo corpus of real agreements. */
export const DEMO_LIBRARY = { taxonomy: TAXONOMY, agreements: AGREEMENTS, baselines: BASELINES } as const;
