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

const SIZE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/** "820 kB", "1.2 MB": decimal units, named by Intl in the reader's language. */
export function formatFileSize(bytes: number, locale: Locale): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: SIZE_UNITS[unit],
    // "700 bytes" rather than "700 byte"; larger units read best short ("1.2 MB").
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** What kind of file a media type is, in words an officer knows. */
export type FileKind = "photo" | "pdf" | "audio" | "other";

export function fileKind(mediaType: string): FileKind {
  if (mediaType.startsWith("image/")) return "photo";
  if (mediaType === "application/pdf") return "pdf";
  if (mediaType.startsWith("audio/")) return "audio";
  return "other";
}
