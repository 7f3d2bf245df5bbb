import type { ColumnType, Generated } from "kysely";
import type { REPORT_KINDS, REPORT_OUTCOMES, REPORT_STATUSES } from "../../../../common/reports.ts";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint columns arrive as strings (PostgreSQL) or numbers (PGlite): read them with Number(). */
type BigIntColumn = ColumnType<string | number, number, number>;

/** One row: the installation's salt for receipts (decision 0006). */
export interface ReportSettingsTable {
  singleton: Generated<boolean>;
  receipt_salt: Uint8Array;
}

/** A report: in clear what the queue, deadlines and figures need; the rest in `content`, encrypted. */
export interface ReportsTable {
  id: Generated<string>;
  organization_id: string;
  kind: (typeof REPORT_KINDS)[number];
  /** The violation's category, or "accident". */
  category: string;
  country: string;
  sector: string | null;
  status: Generated<(typeof REPORT_STATUSES)[number]>;
  outcome: (typeof REPORT_OUTCOMES)[number] | null;
  received_at: Timestamp;
  acknowledge_by: Timestamp;
  feedback_by: Timestamp;
  acknowledged_at: Timestamp | null;
  resolved_at: Timestamp | null;
  /** Finds the report from its receipt; reveals nothing of the receipt or its key. */
  receipt_lookup: string;
  /** The report's key, encrypted with the receipt's key. */
  key_for_reporter: Uint8Array;
  /** What the reporter wrote (ReportContent as JSON), encrypted with the report's key. */
  content: Uint8Array;
  /** The officer in charge, if any. */
  assigned_to: string | null;
  /** Officers' own short tags; never personal data (they are kept in clear to filter the queue). */
  labels: ColumnType<string[], string[] | undefined, string[]>;
  /** The transparency log's entry for the current status: the change or referral that set it. */
  status_log_index: BigIntColumn | null;
}

/** An organization's deadlines and how long closed cases are kept; defaults apply without a row. */
export interface ReportCaseSettingsTable {
  organization_id: string;
  acknowledge_days: number;
  feedback_months: number;
  /** Days a closed case is kept before it expires with its keys; null keeps it. */
  retention_days: number | null;
}

/** An officer's internal note on a case; the reporter never sees it. Encrypted with the report's key. */
export interface ReportNotesTable {
  id: Generated<string>;
  seq: Generated<string>;
  report_id: string;
  organization_id: string;
  author_user_id: string | null;
  created_at: Timestamp;
  content: Uint8Array;
}

/** One reminder e-mail per officer, organization and day. */
export interface ReportRemindersSentTable {
  organization_id: string;
  user_id: string;
  day: ColumnType<string, string, string>;
}

/** The report's key sealed to one officer of the organization holding the report. */
export interface ReportKeySealsTable {
  report_id: string;
  organization_id: string;
  user_id: string;
  sealed_key: Uint8Array;
}

export interface ReportMessagesTable {
  id: Generated<string>;
  report_id: string;
  organization_id: string;
  author: "reporter" | "officer";
  author_user_id: string | null;
  created_at: Timestamp;
  /** The message text, encrypted with the report's key. */
  content: Uint8Array;
}

/** Who did what to a report and when; never its content. */
export interface ReportEventsTable {
  id: Generated<string>;
  report_id: string | null;
  organization_id: string;
  user_id: string | null;
  action: string;
  at: Timestamp;
  /** The transparency log's entry for this event, when it was logged. */
  log_index: BigIntColumn | null;
}

/** A file the reporter attached; name, type and bytes encrypted with the report's key. */
export interface ReportAttachmentsTable {
  id: Generated<string>;
  seq: Generated<string>;
  report_id: string;
  organization_id: string;
  created_at: Timestamp;
  /** AttachmentHeader as JSON, encrypted with the report's key. */
  header: Uint8Array;
  /** The file (without identifying metadata unless the reporter kept it), encrypted with the report's key. */
  content: Uint8Array;
}

export interface ReportsTables {
  report_settings: ReportSettingsTable;
  reports: ReportsTable;
  report_key_seals: ReportKeySealsTable;
  report_messages: ReportMessagesTable;
  report_events: ReportEventsTable;
  report_attachments: ReportAttachmentsTable;
  report_case_settings: ReportCaseSettingsTable;
  report_notes: ReportNotesTable;
  report_reminders_sent: ReportRemindersSentTable;
}
