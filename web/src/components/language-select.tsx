import { useTranslation } from "react-i18next";
import { LOCALES, type Locale } from "../../../common/identity.ts";
import { changeLanguage, currentLocale, isLocale } from "../lib/i18n.ts";

/** Each language is named in itself, so people can find theirs whatever language the page is in. */
const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  de: "Deutsch",
};

export function LanguageSelect() {
  const { t } = useTranslation();
  return (
    <div className="language-select">
      <label htmlFor="language-select">{t("language.label")}</label>
      <select
        id="language-select"
        value={currentLocale()}
        onChange={(event) => {
          const { value } = event.target;
          if (isLocale(value)) {
            void changeLanguage(value);
          }
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LANGUAGE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
