import { useTranslation } from "react-i18next";
import type { ReportTimeline } from "../../../../common/reports.ts";
import { formatDateTime } from "../../lib/format.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { formatDay } from "./case-format.ts";

/** The translated groups of a case's coded values. */
type LabelGroup = "kinds" | "categories" | "statuses" | "outcomes" | "severities" | "employerReported";

/** A coded value's name in the reader's language; an unknown code (added on the server later) shows as is. */
export function useCaseLabel(): (group: LabelGroup, value: string) => string {
  const { t } = useTranslation();
  return (group, value) => t(`cases.${group}.${value}` as "cases.kinds.violation", { defaultValue: value });
}

export function StatusTag({ status }: { status: ReportTimeline["status"] }) {
  const label = useCaseLabel();
  return <span className={`tag tag--case tag--case-${status}`}>{label("statuses", status)}</span>;
}

interface OverdueBadgeProps {
  overdue: "acknowledge" | "feedback" | null;
  timeline: Pick<ReportTimeline, "acknowledgeBy" | "feedbackBy">;
}

/** Says in words which deadline passed and when, so the mark does not rely on its colour. */
export function OverdueBadge({ overdue, timeline }: OverdueBadgeProps) {
  const { t } = useTranslation();
  if (!overdue) {
    return null;
  }
  const locale = currentLocale();
  const due = overdue === "acknowledge" ? timeline.acknowledgeBy : timeline.feedbackBy;
  return (
    <p className="overdue-badge">
      <span className="overdue-badge__icon" aria-hidden="true">
        !
      </span>
      {t(`cases.overdue.${overdue}`, { date: formatDay(due, locale) })}
    </p>
  );
}

interface DueSoonBadgeProps {
  dueSoon: "acknowledge" | "feedback" | null;
  timeline: Pick<ReportTimeline, "acknowledgeBy" | "feedbackBy">;
}

/** Says in words which deadline comes within days, before it is missed. */
export function DueSoonBadge({ dueSoon, timeline }: DueSoonBadgeProps) {
  const { t } = useTranslation();
  if (!dueSoon) {
    return null;
  }
  const due = dueSoon === "acknowledge" ? timeline.acknowledgeBy : timeline.feedbackBy;
  return <p className="due-soon-badge">{t(`cases.dueSoon.${dueSoon}`, { date: formatDay(due, currentLocale()) })}</p>;
}

/** A case's labels as small tags; a list, so screen readers say how many there are. */
export function LabelTags({ labels }: { labels: readonly string[] }) {
  const { t } = useTranslation();
  if (labels.length === 0) {
    return <span className="muted">{t("cases.labels.none")}</span>;
  }
  return (
    <ul className="label-tags">
      {labels.map((label) => (
        <li key={label} className="tag tag--label">
          {label}
        </li>
      ))}
    </ul>
  );
}

/** The deadline the case is waiting on next, if it is still open. */
export function nextDeadline(
  timeline: Pick<ReportTimeline, "status" | "acknowledgeBy" | "feedbackBy">,
): { step: "acknowledge" | "feedback"; at: string } | null {
  if (timeline.status === "new") {
    return { step: "acknowledge", at: timeline.acknowledgeBy };
  }
  if (timeline.status === "acknowledged" || timeline.status === "in_progress") {
    return { step: "feedback", at: timeline.feedbackBy };
  }
  return null;
}

export function DateText({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const locale = currentLocale();
  return <time dateTime={iso}>{withTime ? formatDateTime(iso, locale) : formatDay(iso, locale)}</time>;
}
