import { REPORT_LANGUAGES } from "../../../../../common/reports.ts";
import { de } from "./strings-de.ts";
import { en, type PageStrings } from "./strings-en.ts";
import { es } from "./strings-es.ts";
import { fr } from "./strings-fr.ts";

export type { PageStrings };
export type PageLanguage = (typeof REPORT_LANGUAGES)[number];
export const PAGE_LANGUAGES = REPORT_LANGUAGES;

const CATALOG: Record<PageLanguage, PageStrings> = { en, es, fr, de };

export function stringsFor(language: PageLanguage): PageStrings {
  return CATALOG[language];
}

function isPageLanguage(value: unknown): value is PageLanguage {
  return typeof value === "string" && (PAGE_LANGUAGES as readonly string[]).includes(value);
}

/** The language asked for in the page (`lang`), else the browser's first known language, else English. */
export function chooseLanguage(asked: unknown, acceptLanguage: string | undefined): PageLanguage {
  if (isPageLanguage(asked)) return asked;
  const preferred = (acceptLanguage ?? "")
    .split(",")
    .map((entry) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const quality = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality)
    .find((entry) => isPageLanguage(entry.language));
  return (preferred?.language as PageLanguage | undefined) ?? "en";
}

/** Puts values into a text's `{name}` places. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function countryName(language: PageLanguage, code: string): string {
  return new Intl.DisplayNames([language], { type: "region" }).of(code) ?? code;
}

export function formatDay(language: PageLanguage, iso: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
}

export function formatMoment(language: PageLanguage, iso: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
    new Date(iso),
  );
}
