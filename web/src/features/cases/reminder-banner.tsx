import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { type CaseReminders, DUE_SOON_DAYS } from "../../../../common/reports.ts";
import { StatusMessage } from "../../components/status-message.tsx";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { getReminders } from "./cases-api.ts";

/**
 * What needs doing soon, at the top of the queue: how many cases missed a deadline and how many
 * reach one within days. Nothing when there are none; the queue itself says why it failed to load.
 */
export function ReminderBanner({ organizationId }: { organizationId: string }) {
  const load = useCallback(() => getReminders(organizationId), [organizationId]);
  const [reminders] = useAsyncData(load);
  const text = useReminderText(reminders.state === "loaded" ? reminders.data : null);
  return <StatusMessage tone="warning">{text}</StatusMessage>;
}

function useReminderText(reminders: CaseReminders | null): string | null {
  const { t } = useTranslation();
  if (!reminders) {
    return null;
  }
  const overdue = reminders.overdueAcknowledge + reminders.overdueFeedback;
  const days = String(DUE_SOON_DAYS);
  const parts = [
    ...(overdue === 1 ? [t("cases.reminders.overdueOne")] : []),
    ...(overdue > 1 ? [t("cases.reminders.overdueMany", { count: String(overdue) })] : []),
    ...(reminders.dueSoon === 1 ? [t("cases.reminders.dueSoonOne", { days })] : []),
    ...(reminders.dueSoon > 1 ? [t("cases.reminders.dueSoonMany", { count: String(reminders.dueSoon), days })] : []),
  ];
  return parts.length === 0 ? null : t("cases.reminders.text", { items: parts.join(", ") });
}
