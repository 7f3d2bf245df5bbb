import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/db/database.ts";
import { reportsRoutes } from "./reports.routes.ts";

export type { ReportsTables } from "./reports.tables.ts";
export { addReporterMessage, followUpReport } from "./use-cases/follow-up.ts";
export { submitReport } from "./use-cases/submit-report.ts";

/** Serves reports under /api/v1. */
export async function registerReports(
  app: FastifyInstance,
  options: { db: Db; now: () => Date; followUpLimitPerMinute: number },
): Promise<void> {
  await app.register(reportsRoutes, { prefix: "/api/v1", ...options });
}
