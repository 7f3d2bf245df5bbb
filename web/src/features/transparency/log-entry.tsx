import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LogReference } from "../../../../common/transparency.ts";

/** Where the transparency page fetches entry `index`'s proof bundle and checks it. */
export function transparencyEntryPath(index: number): string {
  return `/transparency?index=${index}`;
}

/** "Recorded in the transparency log, entry N", as a link to the page that checks that entry. */
export function LogEntryLink({ log }: { log: LogReference }) {
  const { t } = useTranslation();
  return (
    <Link to={transparencyEntryPath(log.index)} data-testid="log-entry-link">
      {t("transparency.entry.recorded", { index: log.index })}
    </Link>
  );
}
