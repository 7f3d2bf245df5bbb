import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/db/database.ts";
import { consentRoutes } from "./consent.routes.ts";
import { buildDecisionIndex } from "./use-cases/index-sync.ts";

export type { ConsentTables } from "./consent.tables.ts";

/** Serves the consent registry under /api/v1, its decision index built from the database first. */
export async function registerConsent(app: FastifyInstance, options: { db: Db; now: () => Date }): Promise<void> {
  const index = await buildDecisionIndex(options.db);
  await app.register(consentRoutes, { prefix: "/api/v1", context: { ...options, index } });
}
