import { type Insertable, sql, type Updateable } from "kysely";
import type { REPORT_STATUSES } from "../../../../common/reports.ts";
import { getSodium } from "../../platform/crypto/sodium.ts";
import type { Db } from "../../platform/db/database.ts";
import type {
  ReportAttachmentsTable,
  ReportCaseSettingsTable,
  ReportNotesTable,
  ReportsTable,
} from "./reports.tables.ts";

/** SQL for the reports tables only; every function takes the executor. */

/** What a case is in clear: the queue, deadlines and figures read these, never the content. */
const CASE_COLUMNS = [
  "id",
  "kind",
  "category",
  "country",
  "sector",
  "status",
  "outcome",
  "received_at",
  "acknowledge_by",
  "feedback_by",
  "acknowledged_at",
  "resolved_at",
  "assigned_to",
  "labels",
  "status_log_index",
] as const;

/** The installation's receipt salt, created on first use (the same for every server instance). */
export async function receiptSalt(db: Db): Promise<Uint8Array> {
  const existing = await db.selectFrom("report_settings").select("receipt_salt").executeTakeFirst();
  if (existing) return Uint8Array.from(existing.receipt_salt);
  const sodium = await getSodium();
  await db
    .insertInto("report_settings")
    .values({ receipt_salt: sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES) })
    .onConflict((c) => c.column("singleton").doNothing())
    .execute();
  const row = await db.selectFrom("report_settings").select("receipt_salt").executeTakeFirstOrThrow();
  return Uint8Array.from(row.receipt_salt);
}

export type NewReport = Omit<Insertable<ReportsTable>, "id" | "status" | "outcome" | "acknowledged_at" | "resolved_at">;

export async function insertReport(
  db: Db,
  report: NewReport,
  seals: { userId: string; sealedKey: Uint8Array }[],
): Promise<string> {
  const { id } = await db.insertInto("reports").values(report).returning("id").executeTakeFirstOrThrow();
  await insertSealRows(
    db,
    seals.map((seal) => ({ reportId: id, organizationId: report.organization_id, ...seal })),
  );
  return id;
}

export function findReportByReceiptLookup(db: Db, lookup: string) {
  return db
    .selectFrom("reports")
    .select([...CASE_COLUMNS, "organization_id", "key_for_reporter", "content"])
    .where("receipt_lookup", "=", lookup)
    .executeTakeFirst();
}

export function listMessages(db: Db, reportId: string) {
  return db
    .selectFrom("report_messages")
    .select(["author", "created_at", "content"])
    .where("report_id", "=", reportId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function insertMessage(
  db: Db,
  message: {
    reportId: string;
    organizationId: string;
    author: "reporter" | "officer";
    userId: string | null;
    at: Date;
    content: Uint8Array;
  },
): Promise<void> {
  await db
    .insertInto("report_messages")
    .values({
      report_id: message.reportId,
      organization_id: message.organizationId,
      author: message.author,
      author_user_id: message.userId,
      created_at: message.at,
      content: message.content,
    })
    .execute();
}

export async function insertAttachment(db: Db, row: Insertable<ReportAttachmentsTable>): Promise<string> {
  const { id } = await db.insertInto("report_attachments").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export function listAttachmentHeaders(db: Db, reportId: string) {
  return db
    .selectFrom("report_attachments")
    .select(["id", "created_at", "header"])
    .where("report_id", "=", reportId)
    .orderBy("seq")
    .execute();
}

export function findAttachment(db: Db, reportId: string, attachmentId: string) {
  return db
    .selectFrom("report_attachments")
    .select(["id", "created_at", "header", "content"])
    .where("report_id", "=", reportId)
    .where("id", "=", attachmentId)
    .executeTakeFirst();
}

const DEFAULT_SETTINGS = { acknowledge_days: 7, feedback_months: 3, retention_days: null };

/** The organization's deadlines and retention; EU directive 2019/1937 defaults without a row. */
export async function findCaseSettings(db: Db, organizationId: string) {
  const row = await db
    .selectFrom("report_case_settings")
    .select(["acknowledge_days", "feedback_months", "retention_days"])
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  return row ?? DEFAULT_SETTINGS;
}

export async function saveCaseSettings(db: Db, settings: Insertable<ReportCaseSettingsTable>): Promise<void> {
  const { organization_id, ...values } = settings;
  await db
    .insertInto("report_case_settings")
    .values(settings)
    .onConflict((c) => c.column("organization_id").doUpdateSet(values))
    .execute();
}

export async function insertNote(db: Db, note: Insertable<ReportNotesTable>): Promise<void> {
  await db.insertInto("report_notes").values(note).execute();
}

export function listNotes(db: Db, reportId: string) {
  return db
    .selectFrom("report_notes")
    .select(["author_user_id", "created_at", "content"])
    .where("report_id", "=", reportId)
    .orderBy("seq")
    .execute();
}

/** Closed cases whose organization's retention has run out. */
export function listExpiredCases(db: Db, now: Date) {
  return db
    .selectFrom("reports as r")
    .innerJoin("report_case_settings as s", "s.organization_id", "r.organization_id")
    .select(["r.id", "r.organization_id"])
    .where("r.status", "=", "closed")
    .where("s.retention_days", "is not", null)
    .where(sql<boolean>`r.resolved_at + s.retention_days * interval '1 day' < ${now}`)
    .execute();
}

/** Open cases past a deadline, or close to one, for reminders; counts only. */
export async function countDeadlines(db: Db, organizationId: string, now: Date, soon: Date) {
  const row = await db
    .selectFrom("reports")
    .select([
      sql<string>`count(*) FILTER (WHERE status = 'new' AND acknowledge_by < ${now})`.as("overdue_acknowledge"),
      sql<string>`count(*) FILTER (WHERE status NOT IN ('resolved', 'closed') AND feedback_by < ${now}
        AND NOT (status = 'new' AND acknowledge_by < ${now}))`.as("overdue_feedback"),
      sql<string>`count(*) FILTER (WHERE (status = 'new' AND acknowledge_by BETWEEN ${now} AND ${soon})
        OR (status NOT IN ('new', 'resolved', 'closed') AND feedback_by BETWEEN ${now} AND ${soon}))`.as("due_soon"),
    ])
    .where("organization_id", "=", organizationId)
    .executeTakeFirstOrThrow();
  return {
    overdueAcknowledge: Number(row.overdue_acknowledge),
    overdueFeedback: Number(row.overdue_feedback),
    dueSoon: Number(row.due_soon),
  };
}

/** Organizations with at least one open case: the ones reminders may concern. */
export async function organizationsWithOpenCases(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("reports")
    .select("organization_id")
    .distinct()
    .where("status", "not in", ["resolved", "closed"])
    .execute();
  return rows.map((row) => row.organization_id);
}

/** Claims today's reminder for an officer; false if it was already sent. */
export async function claimReminder(db: Db, organizationId: string, userId: string, day: string): Promise<boolean> {
  const result = await db
    .insertInto("report_reminders_sent")
    .values({ organization_id: organizationId, user_id: userId, day })
    .onConflict((c) => c.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function releaseReminder(db: Db, organizationId: string, userId: string, day: string): Promise<void> {
  await db
    .deleteFrom("report_reminders_sent")
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", userId)
    .where("day", "=", day)
    .execute();
}

/** Records who did what to a report, and when (and where the transparency log has it); never what it says. */
export async function recordEvent(
  db: Db,
  event: {
    reportId: string;
    organizationId: string;
    userId: string | null;
    action: string;
    at: Date;
    logIndex?: number;
  },
): Promise<void> {
  await db
    .insertInto("report_events")
    .values({
      report_id: event.reportId,
      organization_id: event.organizationId,
      user_id: event.userId,
      action: event.action,
      at: event.at,
      log_index: event.logIndex ?? null,
    })
    .execute();
}

export interface QueueFilter {
  status?: (typeof REPORT_STATUSES)[number];
  label?: string;
  /** A user id, or null for cases nobody is assigned to. */
  assignedTo?: string | null;
}

/** The newest 500 cases matching the filter. */
export function listCases(db: Db, organizationId: string, filter: QueueFilter = {}) {
  let query = db.selectFrom("reports").select(CASE_COLUMNS).where("organization_id", "=", organizationId);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.label) query = query.where(sql<boolean>`${filter.label} = ANY(labels)`);
  if (filter.assignedTo === null) query = query.where("assigned_to", "is", null);
  else if (filter.assignedTo) query = query.where("assigned_to", "=", filter.assignedTo);
  return query.orderBy("received_at", "desc").orderBy("id").limit(500).execute();
}

export function findCase(db: Db, organizationId: string, reportId: string) {
  return db
    .selectFrom("reports")
    .select([...CASE_COLUMNS, "content"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", reportId)
    .executeTakeFirst();
}

export async function findSealedKey(db: Db, reportId: string, userId: string): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom("report_key_seals")
    .select("sealed_key")
    .where("report_id", "=", reportId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.sealed_key;
}

export async function updateCase(
  db: Db,
  reportId: string,
  change: Pick<
    Updateable<ReportsTable>,
    "status" | "outcome" | "acknowledged_at" | "resolved_at" | "assigned_to" | "labels" | "status_log_index"
  >,
): Promise<void> {
  await db.updateTable("reports").set(change).where("id", "=", reportId).execute();
}

/** Cases of the organization whose key is sealed to `holder` but not to `recipient`. */
export async function listCasesSealedToOnlyOne(
  db: Db,
  organizationId: string,
  holder: string,
  recipient: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("report_key_seals as mine")
    .select("mine.report_id")
    .where("mine.organization_id", "=", organizationId)
    .where("mine.user_id", "=", holder)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("report_key_seals as theirs")
            .select("theirs.user_id")
            .whereRef("theirs.report_id", "=", "mine.report_id")
            .where("theirs.user_id", "=", recipient),
        ),
      ),
    )
    .orderBy("mine.report_id")
    .execute();
  return rows.map((row) => row.report_id);
}

/** Copies of report keys, each sealed to one officer. */
export async function insertSealRows(
  db: Db,
  seals: { reportId: string; organizationId: string; userId: string; sealedKey: Uint8Array }[],
): Promise<void> {
  if (seals.length === 0) return;
  await db
    .insertInto("report_key_seals")
    .values(
      seals.map((seal) => ({
        report_id: seal.reportId,
        organization_id: seal.organizationId,
        user_id: seal.userId,
        sealed_key: seal.sealedKey,
      })),
    )
    .execute();
}

/** Destroys every copy of the report's key and seals it to the given officers of `organizationId`. */
export async function replaceSeals(
  db: Db,
  reportId: string,
  organizationId: string,
  seals: { userId: string; sealedKey: Uint8Array }[],
): Promise<void> {
  await db.deleteFrom("report_key_seals").where("report_id", "=", reportId).execute();
  await insertSealRows(
    db,
    seals.map((seal) => ({ reportId, organizationId, ...seal })),
  );
}

/** The case now belongs to another organization, as new, with a new acknowledgement deadline. */
export async function moveCase(
  db: Db,
  reportId: string,
  move: { organizationId: string; acknowledgeBy: Date; logIndex: number },
): Promise<void> {
  await db
    .updateTable("reports")
    .set({
      organization_id: move.organizationId,
      status: "new",
      acknowledged_at: null,
      acknowledge_by: move.acknowledgeBy,
      status_log_index: move.logIndex,
    })
    .where("id", "=", reportId)
    .execute();
  for (const table of ["report_messages", "report_attachments"] as const) {
    await db
      .updateTable(table)
      .set({ organization_id: move.organizationId })
      .where("report_id", "=", reportId)
      .execute();
  }
}

/** Deletes the report; its messages and key copies go with it (ON DELETE CASCADE). */
export async function deleteReport(db: Db, reportId: string): Promise<void> {
  await db.deleteFrom("reports").where("id", "=", reportId).execute();
}

/** Counts and medians for public figures, from the columns kept in clear. */
export async function countFigures(db: Db, filter: { organizationId?: string; country?: string }, now: Date) {
  let reports = db.selectFrom("reports");
  if (filter.organizationId) reports = reports.where("organization_id", "=", filter.organizationId);
  if (filter.country) reports = reports.where("country", "=", filter.country);
  const received = await reports
    .select([
      sql<string>`to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM')`.as("month"),
      "category",
      sql<string>`count(*)`.as("count"),
    ])
    .groupBy([sql`1`, "category"])
    .orderBy(sql`1`)
    .orderBy("category")
    .execute();
  const outcomes = await reports
    .select(["outcome", sql<string>`count(*)`.as("count")])
    .where("outcome", "is not", null)
    .groupBy("outcome")
    .orderBy("outcome")
    .execute();
  const days = (from: string, to: string) =>
    sql<number>`extract(epoch from (${sql.ref(to)} - ${sql.ref(from)})) / 86400`;
  const summary = await reports
    .select([
      sql<string>`count(acknowledged_at)`.as("acknowledged"),
      sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days("received_at", "acknowledged_at")})`.as(
        "median_acknowledge",
      ),
      sql<string>`count(resolved_at)`.as("resolved"),
      sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days("received_at", "resolved_at")})`.as(
        "median_resolve",
      ),
      sql<string>`count(*) FILTER (WHERE status NOT IN ('resolved', 'closed'))`.as("open"),
      sql<string>`count(*) FILTER (WHERE (status = 'new' AND acknowledge_by < ${now})
        OR (status NOT IN ('resolved', 'closed') AND feedback_by < ${now}))`.as("overdue"),
    ])
    .executeTakeFirstOrThrow();
  return {
    received: received.map((row) => ({ month: row.month, category: row.category, count: Number(row.count) })),
    outcomes: outcomes.map((row) => ({
      outcome: row.outcome as NonNullable<typeof row.outcome>,
      count: Number(row.count),
    })),
    acknowledged: Number(summary.acknowledged),
    medianDaysToAcknowledge: summary.median_acknowledge === null ? null : Number(summary.median_acknowledge),
    resolved: Number(summary.resolved),
    medianDaysToResolve: summary.median_resolve === null ? null : Number(summary.median_resolve),
    open: Number(summary.open),
    overdue: Number(summary.overdue),
  };
}
