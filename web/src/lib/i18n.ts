import i18next from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import { LOCALES, type Locale } from "../../../common/identity.ts";
import de from "../locales/de.json";
import en from "../locales/en.json";
import es from "../locales/es.json";
import fr from "../locales/fr.json";

/** Where the language the user picked is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = "guildhall.lang";

// `satisfies` makes the type checker report any key a translation is missing.
export const resources = {
  en: { translation: en },
  es: { translation: es satisfies typeof en },
  fr: { translation: fr satisfies typeof en },
  de: { translation: de satisfies typeof en },
} as const;

declare module "i18next" {
  interface CustomTypeOptions {
    resources: (typeof resources)["en"];
  }
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The app's language as one of our locales, whatever regional variant the browser reported. */
export function currentLocale(): Locale {
  const language = i18next.resolvedLanguage ?? i18next.language ?? "en";
  return isLocale(language) ? language : "en";
}

export async function changeLanguage(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Storage can be disabled (private mode, policies); the choice then lasts for this visit only.
  }
  await i18next.changeLanguage(locale);
}

function reflectLanguageInDocument(): void {
  document.documentElement.lang = currentLocale();
}

export async function initI18n(): Promise<void> {
  i18next.on("languageChanged", reflectLanguageInDocument);
  await i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      supportedLngs: LOCALES,
      nonExplicitSupportedLngs: true,
      load: "languageOnly",
      fallbackLng: "en",
      returnNull: false,
      interpolation: { escapeValue: false },
      detection: {
        order: ["localStorage", "navigator"],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        // Only an explicit choice in the language menu is remembered, never a guess.
        caches: [],
      },
    });
  reflectLanguageInDocument();
}
