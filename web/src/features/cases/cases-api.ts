import { z } from "zod";
import {
  type CaseReminders,
  type CaseSettings,
  type CaseSummary,
  type CaseView,
  caseOfficerSchema,
  caseRemindersSchema,
  caseSettingsSchema,
  caseSummarySchema,
  caseViewSchema,
  type REPORT_STATUSES,
  reportReceiverSchema,
  shareCasesResponseSchema,
} from "../../../../common/reports.ts";
import { apiRequest } from "../../lib/api.ts";

export type CaseOutcome = NonNullable<CaseSummary["outcome"]>;
export type ReportReceiver = z.infer<typeof reportReceiverSchema>;
export type CaseOfficer = z.infer<typeof caseOfficerSchema>;
export type CaseStatus = (typeof REPORT_STATUSES)[number];

/** The queue's filters, as the server takes them; an empty one is left out. */
export interface QueueFilters {
  status: string;
  label: string;
  /** "me", "nobody" or an officer's user id. */
  assigned: string;
}

/** What an officer may move a case to; "new" and "acknowledged" only come from the reporter and acknowledging. */
export const STATUS_CHANGES = ["in_progress", "resolved", "closed"] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];

function casesPath(organizationId: string): string {
  return `/api/v1/organizations/${encodeURIComponent(organizationId)}/reports`;
}

function casePath(organizationId: string, reportId: string): string {
  return `${casesPath(organizationId)}/${encodeURIComponent(reportId)}`;
}

export function listCases(organizationId: string, filters?: QueueFilters): Promise<CaseSummary[]> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters ?? {})) {
    if (value !== "") query.set(name, value);
  }
  // Without filters, the address has no "?" at all.
  const search = query.toString() === "" ? "" : `?${query.toString()}`;
  return apiRequest(`${casesPath(organizationId)}${search}`, { schema: z.array(caseSummarySchema) });
}

/** The organization's officers, to name assignees and choose one. */
export function listOfficers(organizationId: string): Promise<CaseOfficer[]> {
  return apiRequest(`${casesPath(organizationId)}/officers`, { schema: z.array(caseOfficerSchema) });
}

/** How many cases are overdue or due soon: counts only. */
export function getReminders(organizationId: string): Promise<CaseReminders> {
  return apiRequest(`${casesPath(organizationId)}/reminders`, { schema: caseRemindersSchema });
}

export function getCaseSettings(organizationId: string): Promise<CaseSettings> {
  return apiRequest(`${casesPath(organizationId)}/settings`, { schema: caseSettingsSchema });
}

export function saveCaseSettings(organizationId: string, settings: CaseSettings): Promise<CaseSettings> {
  return apiRequest(`${casesPath(organizationId)}/settings`, {
    method: "PUT",
    body: settings,
    schema: caseSettingsSchema,
  });
}

/** Puts an officer (or nobody) in charge; refused with `conflict` while they cannot open the case. */
export function assignCase(organizationId: string, reportId: string, userId: string | null): Promise<CaseSummary> {
  return apiRequest(`${casePath(organizationId, reportId)}/assign`, {
    method: "POST",
    body: { userId },
    schema: caseSummarySchema,
  });
}

export function labelCase(organizationId: string, reportId: string, labels: readonly string[]): Promise<CaseSummary> {
  return apiRequest(`${casePath(organizationId, reportId)}/labels`, {
    method: "PUT",
    body: { labels },
    schema: caseSummarySchema,
  });
}

export function addCaseNote(organizationId: string, reportId: string, text: string): Promise<void> {
  return apiRequest(`${casePath(organizationId, reportId)}/notes`, { method: "POST", body: { text } });
}

/** Seals every case this officer can open to another officer too; answers how many. */
export async function shareCases(organizationId: string, userId: string): Promise<number> {
  const answer = await apiRequest(`${casesPath(organizationId)}/share`, {
    method: "POST",
    body: { userId },
    schema: shareCasesResponseSchema,
  });
  return answer.shared;
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
