import type { FindingValue } from "../../../../common/agreements.ts";

/** The first and last day a partial date ("2024", "2024-08", "2024-08-15") can mean. */
export function partialDateRange(value: string | null): { first: string | null; last: string | null } {
  if (value === null) return { first: null, last: null };
  const [year, month, day] = value.split("-");
  if (day) return { first: value, last: value };
  if (month) {
    const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${String(lastDay).padStart(2, "0")}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

const TEXT_SEARCH_CONFIGS: Record<string, string> = {
  en: "english",
  es: "spanish",
  fr: "french",
  de: "german",
  it: "italian",
  nl: "dutch",
};

/** Every text search configuration a clause may use; `simple` for languages without a stemmer. */
export const SEARCH_CONFIGS = [...Object.values(TEXT_SEARCH_CONFIGS), "simple"] as const;

/** The PostgreSQL text search configuration for a BCP 47 language tag. */
export function textSearchConfig(language: string): string {
  return TEXT_SEARCH_CONFIGS[language.split("-")[0]?.toLowerCase() ?? ""] ?? "simple";
}

/** A finding's value as one number for range filters: hours for durations, the amount for money. */
export function comparableNumber(value: FindingValue | null): string | number | null {
  if (value === null) return null;
  switch (value.kind) {
    case "number":
    case "multiplier":
      return value.value;
    case "money":
      return value.amount;
    case "duration":
      return durationHours(value.value);
    default:
      return null;
  }
}

/** Hours in an ISO 8601 duration of days, hours and minutes (P2D, PT48H, PT15M); null for months or years. */
export function durationHours(duration: string): number | null {
  const match =
    /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      duration,
    );
  if (!match) return null;
  const [, weeks = "0", days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  return Number(weeks) * 168 + Number(days) * 24 + Number(hours) + Number(minutes) / 60 + Number(seconds) / 3600;
}
