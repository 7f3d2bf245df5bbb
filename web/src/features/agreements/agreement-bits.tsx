import { useTranslation } from "react-i18next";
import {
  type Evidence,
  GITHUB_FILE_URN_PREFIX,
  IMPORTED_DOCUMENT_URN_PREFIX,
  type PartialDate,
} from "../../../../common/agreements.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { formatPartialDate } from "./agreement-format.ts";

/** Groups of `agreements.*` keys named after the API's enum values. */
export type EnumGroup =
  | "sectors"
  | "levels"
  | "statuses"
  | "coverage"
  | "partyRoles"
  | "presence"
  | "appliesTo"
  | "strengths"
  | "valueKinds"
  | "evidenceBases"
  | "sourceKinds"
  | "lineageRelations"
  | "textKinds"
  | "families";

/** The translated name of an enum value; a value added on the server before its translation shows as is. */
export function useEnumLabel(): (group: EnumGroup, value: string) => string {
  const { t } = useTranslation();
  return (group, value) => t(`agreements.${group}.${value}` as "agreements.sectors.film", { defaultValue: value });
}

export function TranslatedList({ group, values }: { group: EnumGroup; values: readonly string[] }) {
  const label = useEnumLabel();
  const locale = currentLocale();
  return <>{new Intl.ListFormat(locale, { type: "unit" }).format(values.map((value) => label(group, value)))}</>;
}

export function PartialDateText({ date }: { date: PartialDate }) {
  return <time dateTime={date}>{formatPartialDate(date, currentLocale())}</time>;
}

/** "March 2025 – 2026", "from March 2025", "until 2026" or "not known". */
export function InForce({
  from,
  to,
  openEnded = false,
}: {
  from: string | null;
  to: string | null;
  openEnded?: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const fromText = from ? formatPartialDate(from, locale) : null;
  const toText = to ? formatPartialDate(to, locale) : null;
  if (fromText && toText) {
    return <>{t("agreements.inForce.range", { from: fromText, to: toText })}</>;
  }
  if (fromText) {
    return (
      <>
        {openEnded
          ? t("agreements.inForce.openEnded", { from: fromText })
          : t("agreements.inForce.since", { from: fromText })}
      </>
    );
  }
  if (toText) {
    return <>{t("agreements.inForce.until", { to: toText })}</>;
  }
  return <>{openEnded ? t("agreements.inForce.indefinite") : t("agreements.unknown")}</>;
}

export function BasisTag({ basis }: { basis: Evidence["basis"] | (string & {}) }) {
  const label = useEnumLabel();
  return <span className={`tag tag--basis tag--${basis}`}>{label("evidenceBases", basis)}</span>;
}

/**
 * Web addresses are links; a file known only by its research-index id, or a document an officer
 * imported and that is published nowhere else, is named, not linked.
 */
export function ExternalLink({ url, children }: { url: string; children: string }) {
  const { t } = useTranslation();
  const unlinked = url.startsWith(GITHUB_FILE_URN_PREFIX)
    ? t("agreements.agreement.indexedFile")
    : url.startsWith(IMPORTED_DOCUMENT_URN_PREFIX)
      ? t("agreements.agreement.importedDocument")
      : null;
  if (unlinked) {
    return (
      <span>
        {children} <span className="muted">({unlinked})</span>
      </span>
    );
  }
  return (
    <a href={url} rel="noopener noreferrer" className="external-link">
      {children}
    </a>
  );
}
