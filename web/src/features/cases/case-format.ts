import type { Locale } from "../../../../common/identity.ts";

/** "4 Aug 2026": deadlines are days, their hour would only distract. */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

/** A calendar date ("2026-03-01") as written, never shifted a day by the reader's time zone. */
export function formatCalendarDate(date: string, locale: Locale): string {
  const when = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(when.getTime())
    ? date
    : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(when);
}

/** A date and time the reporter gave, with or without an offset; shown as given when unreadable. */
export function formatReportedTime(value: string, locale: Locale): string {
  const when = new Date(value);
  return Number.isNaN(when.getTime())
    ? value
    : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(when);
}
