import { useTranslation } from "react-i18next";
import { currentLocale } from "../../lib/i18n.ts";
import type { Shown } from "./figures-format.ts";

/** A figure in words: the number, or what can be said of a hidden one (never 0). */
export function ShownText({ shown }: { shown: Shown }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(currentLocale());
  switch (shown.kind) {
    case "count":
      return <>{number.format(shown.value)}</>;
    case "fewerThan":
      return <>{t("figures.fewerThan", { limit: number.format(shown.limit) })}</>;
    case "atLeast":
      return <>{t("figures.atLeast", { value: number.format(shown.value) })}</>;
    case "hidden":
      return <>{t("figures.hidden")}</>;
  }
}
