import type { Locale } from "../../common/identity.ts";
import de from "../../web/src/locales/de.json" with { type: "json" };
import en from "../../web/src/locales/en.json" with { type: "json" };
import es from "../../web/src/locales/es.json" with { type: "json" };
import fr from "../../web/src/locales/fr.json" with { type: "json" };

export type Messages = typeof en;

/** The app's own translations, so tests assert what a person reading that language would see. */
export const MESSAGES: Record<Locale, Messages> = { en, es, fr, de };

/** Fills i18next-style `{{name}}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

export function exactly(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}$`);
}

export function containing(text: string): RegExp {
  return new RegExp(escapeRegExp(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
