import { type CaseReminders, DUE_SOON_DAYS } from "../../../../../common/reports.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import type { Mailer } from "../../../platform/mail/mailer.ts";
import { listOfficers } from "../../identity/index.ts";
import {
  claimReminder,
  countDeadlines,
  deleteReport,
  listExpiredCases,
  organizationsWithOpenCases,
  recordEvent,
  releaseReminder,
} from "../reports.repository.ts";
import { logCaseRemoved } from "./case-log.ts";
import { addDays } from "./deadlines.ts";

/**
 * Deletes closed cases whose organization's retention has run out, with every copy of their key,
 * and records and logs each expiry (never what the case said).
 */
export async function expireClosedCases(db: Db, now: Date): Promise<number> {
  const expired = await listExpiredCases(db, now);
  for (const { id, organization_id } of expired) {
    await inTransaction(db, async (trx) => {
      const removal = { reportId: id, organizationId: organization_id, reason: "expired" } as const;
      const logIndex = await logCaseRemoved(trx, removal, now);
      await recordEvent(trx, {
        reportId: id,
        organizationId: organization_id,
        userId: null,
        action: "expired",
        at: now,
        logIndex,
      });
      await deleteReport(trx, id);
    });
  }
  return expired.length;
}

export interface ReminderOptions {
  mailer: Mailer;
  /** Where officers open their queue, e.g. https://guildhall.example.org; without it the mail names no link. */
  publicOrigin: string | undefined;
}

/**
 * E-mails each officer of an organization with cases overdue or due soon, at most once a day per
 * organization: counts and a link only, nothing from any case. A failed send is released so the
 * next run tries again.
 */
export async function sendReminderEmails(db: Db, options: ReminderOptions, now: Date): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  let sent = 0;
  for (const organizationId of await organizationsWithOpenCases(db)) {
    const counts = await countDeadlines(db, organizationId, now, addDays(now, DUE_SOON_DAYS));
    if (counts.overdueAcknowledge + counts.overdueFeedback + counts.dueSoon === 0) continue;
    for (const officer of await listOfficers(db, organizationId)) {
      if (!(await claimReminder(db, organizationId, officer.userId, day))) continue;
      try {
        await options.mailer.send({
          to: officer.email,
          ...reminderMail(counts, options.publicOrigin ? `${options.publicOrigin}/cases?org=${organizationId}` : null),
        });
        sent++;
      } catch (error) {
        await releaseReminder(db, organizationId, officer.userId, day);
        throw error;
      }
    }
  }
  return sent;
}

/** The reminder's words; the same in every language the officer might read, since accounts have no language yet. */
export function reminderMail(counts: CaseReminders, queueUrl: string | null): { subject: string; text: string } {
  const lines = [
    `Cases waiting for you in Guildhall / Casos pendientes / Dossiers en attente / Offene Fälle:`,
    "",
    `  ${counts.overdueAcknowledge}  overdue: receipt not acknowledged / sin acuse de recibo / accusé de réception en retard / Eingangsbestätigung überfällig`,
    `  ${counts.overdueFeedback}  overdue: no feedback to the reporter / sin respuesta / sans réponse / ohne Rückmeldung`,
    `  ${counts.dueSoon}  due within ${DUE_SOON_DAYS} days / vencen pronto / bientôt dus / bald fällig`,
    "",
    queueUrl ? `Open the queue: ${queueUrl}` : "Open the queue in Guildhall (Cases).",
    "",
    "This message names no case and holds nothing a reporter wrote.",
  ];
  const overdue = counts.overdueAcknowledge + counts.overdueFeedback;
  return {
    subject: overdue > 0 ? `Guildhall: ${overdue} overdue case(s)` : `Guildhall: ${counts.dueSoon} case(s) due soon`,
    text: lines.join("\n"),
  };
}

export interface MaintenanceResult {
  expired: number;
  reminded: number;
}

/** One round: expire closed cases past retention, then send the day's reminders if mail is configured. */
export async function runReportsMaintenance(
  db: Db,
  options: { mailer: Mailer | null; publicOrigin: string | undefined },
  now: Date,
): Promise<MaintenanceResult> {
  const expired = await expireClosedCases(db, now);
  const reminded = options.mailer
    ? await sendReminderEmails(db, { mailer: options.mailer, publicOrigin: options.publicOrigin }, now)
    : 0;
  return { expired, reminded };
}
