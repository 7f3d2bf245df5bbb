import type { Selectable } from "kysely";
import type { ReportContent, ReportTimeline } from "../../../../../common/reports.ts";
import { logReference } from "../../../../../common/transparency.ts";
import { decryptText } from "../../../platform/crypto/envelope.ts";
import type { Db } from "../../../platform/db/database.ts";
import { listMessages } from "../reports.repository.ts";
import type { ReportsTable } from "../reports.tables.ts";
import { listAttachments } from "./attachments.ts";

/** What the reporter wrote, every message since and the files' descriptions, decrypted with the report's key. */
export async function readCaseFile(db: Db, reportId: string, content: Uint8Array, recordKey: Uint8Array) {
  const messages = await Promise.all(
    (await listMessages(db, reportId)).map(async (message) => ({
      author: message.author,
      at: message.created_at.toISOString(),
      text: await decryptText(Uint8Array.from(message.content), recordKey),
    })),
  );
  return {
    content: JSON.parse(await decryptText(Uint8Array.from(content), recordKey)) as ReportContent,
    messages,
    attachments: await listAttachments(db, reportId, recordKey),
  };
}

type TimelineRow = Pick<
  Selectable<ReportsTable>,
  "status" | "outcome" | "received_at" | "acknowledge_by" | "feedback_by" | "acknowledged_at" | "status_log_index"
>;

/** Where a report stands, as both the reporter and the officers see it. */
export function timelineOf(row: TimelineRow): ReportTimeline {
  return {
    status: row.status,
    outcome: row.outcome,
    receivedAt: row.received_at.toISOString(),
    acknowledgeBy: row.acknowledge_by.toISOString(),
    feedbackBy: row.feedback_by.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    log: row.status_log_index === null ? null : logReference(Number(row.status_log_index)),
  };
}
