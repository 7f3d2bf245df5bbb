import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Every page names itself in the tab title, which is what screen readers announce first. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t("app.pageTitle", { page });
  }, [page, t]);
}
