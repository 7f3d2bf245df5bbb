import { useTranslation } from "react-i18next";

/** What someone without an officer role sees on the case pages: why, not the cases. */
export function NotAnOfficer() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("cases.notAllowedTitle")}</h1>
      <p className="lead">{t("cases.notAllowed")}</p>
    </>
  );
}
