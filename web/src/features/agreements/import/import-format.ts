import type { ImportSummary } from "../../../../../common/agreements-import.ts";
import type { Locale } from "../../../../../common/identity.ts";
import type { ApiError } from "../../../lib/api.ts";

/** "20 MB", "350 kB", "12 bytes", in the reader's language. */
export function formatBytes(bytes: number, locale: Locale): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / 1024 / 1024, "megabyte"]
      : bytes >= 1024
        ? [bytes / 1024, "kilobyte"]
        : [bytes, "byte"];
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: unit === "byte" ? "long" : "short",
    maximumFractionDigits: 1,
  }).format(value);
}

/** What a document was called; pasted text has no name. */
export function sourceName(source: ImportSummary["source"], pasted: string): string {
  return source.filename ?? pasted;
}

/**
 * The server's own sentence is worth showing for the import's errors (it says, for example, that a
 * PDF is password-protected), next to our translated one. It is written in English.
 */
export function serverDetail(error: ApiError): string | undefined {
  const specific = error.code.startsWith("import_") || error.code === "validation_failed";
  return specific && error.message.trim() !== "" ? error.message : undefined;
}

/** Keeps text the user typed for this tab only, so a lost session or a reload loses nothing. */
export const draftStorage = {
  read(key: string): string | null {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  write(key: string, value: string | null): void {
    try {
      if (value === null || value === "") {
        sessionStorage.removeItem(key);
      } else {
        sessionStorage.setItem(key, value);
      }
    } catch {
      // Storage can be full or disabled; the text then lives as long as the page.
    }
  },
};
