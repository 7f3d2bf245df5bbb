export type { ReportsTables } from "./reports.tables.ts";
export { addReporterMessage, followUpReport } from "./use-cases/follow-up.ts";
export { submitReport } from "./use-cases/submit-report.ts";
