import { useTranslation } from "react-i18next";
import {
  type FindingValue,
  type PartialDate,
  partialDatePrecision,
  type RateBasis,
} from "../../../../common/agreements.ts";
import type { Locale } from "../../../../common/identity.ts";
import { currentLocale } from "../../lib/i18n.ts";

/** Units Intl can name in every language by itself ("15 minutes", "15 Minuten"). */
const INTL_UNITS = {
  minute: "minute",
  minutes: "minute",
  hour: "hour",
  hours: "hour",
  day: "day",
  days: "day",
  week: "week",
  weeks: "week",
  month: "month",
  months: "month",
  year: "year",
  years: "year",
} as const;

/** Our own units, counted with a translation ("3 sessions") because Intl does not know them. */
const COUNTED_UNITS = {
  session: "session",
  sessions: "session",
  side: "side",
  sides: "side",
  episode: "episode",
  project: "project",
  use: "use",
} as const;

export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(locale, { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(tag: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(locale, { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "2024", "August 2024" or "4 August 2024": only as precise as the source. */
export function formatPartialDate(date: PartialDate, locale: Locale): string {
  const [year = "", month = "01", day = "01"] = date.split("-");
  const when = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (Number.isNaN(when.getTime())) {
    return date;
  }
  const precision = partialDatePrecision(date);
  const options: Intl.DateTimeFormatOptions =
    precision === "year"
      ? { year: "numeric" }
      : precision === "month"
        ? { year: "numeric", month: "long" }
        : { dateStyle: "long" };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(when);
}

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...options }).format(value);
}

export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
}

const DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const DURATION_UNITS = ["year", "month", "week", "day", "hour", "minute", "second"] as const;

/** "PT48H" → "48 hours", "P1Y6M" → "1 year and 6 months", in the reader's language. */
export function formatIsoDuration(iso: string, locale: Locale): string {
  const match = DURATION.exec(iso);
  if (!match) {
    return iso;
  }
  const parts = DURATION_UNITS.flatMap((unit, index) => {
    const amount = match[index + 1];
    return amount === undefined
      ? []
      : [new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(Number(amount))];
  });
  return parts.length === 0 ? iso : new Intl.ListFormat(locale, { type: "conjunction" }).format(parts);
}

/** Formats coded values and their units in the reader's language. */
export function useValueFormat() {
  const { t } = useTranslation();
  const locale = currentLocale();

  function quantity(value: number, unit: keyof typeof INTL_UNITS | keyof typeof COUNTED_UNITS): string {
    if (unit in INTL_UNITS) {
      const intlUnit = INTL_UNITS[unit as keyof typeof INTL_UNITS];
      return new Intl.NumberFormat(locale, { style: "unit", unit: intlUnit, unitDisplay: "long" }).format(value);
    }
    const counted = COUNTED_UNITS[unit as keyof typeof COUNTED_UNITS];
    return t(`agreements.countedUnits.${counted}`, { count: formatNumber(value, locale) });
  }

  /** "per day", "per 15 minutes". */
  function rate(basis: RateBasis): string {
    const what = basis.quantity === 1 ? t(`agreements.rateUnits.${basis.unit}`) : quantity(basis.quantity, basis.unit);
    return t("agreements.per", { basis: what });
  }

  function value(finding: FindingValue): string {
    switch (finding.kind) {
      case "number": {
        const amount =
          finding.unit === "percent"
            ? formatPercent(finding.value, locale)
            : finding.unit === "count"
              ? formatNumber(finding.value, locale)
              : quantity(finding.value, finding.unit);
        return finding.per ? `${amount} ${rate(finding.per)}` : amount;
      }
      case "money": {
        const amount = new Intl.NumberFormat(locale, { style: "currency", currency: finding.currency }).format(
          Number(finding.amount),
        );
        return finding.per ? `${amount} ${rate(finding.per)}` : amount;
      }
      case "multiplier": {
        const factor = `×${formatNumber(finding.value, locale, { maximumFractionDigits: 3 })}`;
        return finding.base ? `${factor} (${finding.base})` : factor;
      }
      case "duration":
        return formatIsoDuration(finding.value, locale);
      case "boolean":
        return finding.value ? t("agreements.yes") : t("agreements.no");
      case "text":
        return finding.value;
    }
  }

  return { locale, value, rate };
}
