import type { Locale } from "../../../common/identity.ts";

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** "5 minutes", "5 minutos", "5 Minuten": Intl picks the plural form, so translations need none. */
export function formatWaitDuration(seconds: number, locale: Locale): string {
  if (seconds < 60) {
    return new Intl.NumberFormat(locale, { style: "unit", unit: "second", unitDisplay: "long" }).format(
      Math.max(1, Math.ceil(seconds)),
    );
  }
  return new Intl.NumberFormat(locale, { style: "unit", unit: "minute", unitDisplay: "long" }).format(
    Math.ceil(seconds / 60),
  );
}

/** Splits a long secret into groups of four so people can read it out and type it without losing their place. */
export function groupInFours(text: string): string {
  return text.match(/.{1,4}/g)?.join(" ") ?? text;
}
