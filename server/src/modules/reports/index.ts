import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/db/database.ts";
import { acceptAttachments } from "./multipart-form.ts";
import { reportPages } from "./pages/report-pages.routes.ts";
import { reportsRoutes } from "./reports.routes.ts";
import { WrongReceiptDelays } from "./wrong-receipt-delays.ts";

export type { ReportsTables } from "./reports.tables.ts";
export { addReporterMessage, followUpReport } from "./use-cases/follow-up.ts";
export { type MaintenanceResult, runReportsMaintenance } from "./use-cases/maintenance.ts";
export { submitReport } from "./use-cases/submit-report.ts";

/** Serves reports under /api/v1, and the reporter's pages at /report. */
export async function registerReports(
  app: FastifyInstance,
  options: { db: Db; now: () => Date; followUpLimitPerMinute: number },
): Promise<void> {
  const wrongReceiptDelays = new WrongReceiptDelays();
  await app.register(async (scope) => {
    await acceptAttachments(scope);
    await scope.register(reportsRoutes, { prefix: "/api/v1", ...options, wrongReceiptDelays });
    await scope.register(reportPages, { ...options, wrongReceiptDelays });
  });
}
