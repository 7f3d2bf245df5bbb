import { z } from "zod";
import {
  type CaseSummary,
  type CaseView,
  caseSummarySchema,
  caseViewSchema,
  reportReceiverSchema,
} from "../../../../common/reports.ts";
import { apiRequest } from "../../lib/api.ts";

export type CaseOutcome = NonNullable<CaseSummary["outcome"]>;
export type ReportReceiver = z.infer<typeof reportReceiverSchema>;

/** What an officer may move a case to; "new" and "acknowledged" only come from the reporter and acknowledging. */
export const STATUS_CHANGES = ["in_progress", "resolved", "closed"] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];

function casesPath(organizationId: string): string {
  return `/api/v1/organizations/${encodeURIComponent(organizationId)}/reports`;
}

function casePath(organizationId: string, reportId: string): string {
  return `${casesPath(organizationId)}/${encodeURIComponent(reportId)}`;
}

export function listCases(organizationId: string): Promise<CaseSummary[]> {
  return apiRequest(casesPath(organizationId), { schema: z.array(caseSummarySchema) });
}

/** Opens the case with the officer's key; the server records the access. */
export function getCase(organizationId: string, reportId: string): Promise<CaseView> {
  return apiRequest(casePath(organizationId, reportId), { schema: caseViewSchema });
}

export function acknowledgeCase(organizationId: string, reportId: string): Promise<CaseSummary> {
  return apiRequest(`${casePath(organizationId, reportId)}/acknowledge`, {
    method: "POST",
    body: {},
    schema: caseSummarySchema,
  });
}

export function changeCaseStatus(
  organizationId: string,
  reportId: string,
  change: { status: StatusChange; outcome?: CaseOutcome },
): Promise<CaseSummary> {
  return apiRequest(`${casePath(organizationId, reportId)}/status`, {
    method: "POST",
    body: change,
    schema: caseSummarySchema,
  });
}

export function replyToReporter(organizationId: string, reportId: string, text: string): Promise<void> {
  return apiRequest(`${casePath(organizationId, reportId)}/messages`, { method: "POST", body: { text } });
}

export function referCase(organizationId: string, reportId: string, targetOrganizationId: string): Promise<void> {
  return apiRequest(`${casePath(organizationId, reportId)}/refer`, {
    method: "POST",
    body: { organizationId: targetOrganizationId },
  });
}

export function deleteCase(organizationId: string, reportId: string): Promise<void> {
  return apiRequest(casePath(organizationId, reportId), { method: "DELETE" });
}

/** Unions and authorities that can receive a report, i.e. where a case can be referred. */
export function listReceivers(): Promise<ReportReceiver[]> {
  return apiRequest("/api/v1/reports/receivers", { schema: z.array(reportReceiverSchema) });
}

/** An attached file as a download: the session cookie goes with a plain link, and the server records the access. */
export function attachmentPath(organizationId: string, reportId: string, attachmentId: string): string {
  return `${casePath(organizationId, reportId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
