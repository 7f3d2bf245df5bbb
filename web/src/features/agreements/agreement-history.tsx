import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { type AgreementChange, agreementChangeSchema } from "../../../../common/agreements-api.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { apiRequest } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { transparencyEntryPath } from "../transparency/log-entry.tsx";
import { formatNumber } from "./agreement-format.ts";

const changesResponseSchema = z.object({ changes: z.array(agreementChangeSchema) });

/** Changes shown before "show earlier changes": the latest ones are what readers look for. */
const RECENT_CHANGES = 5;

/** When the agreement was created and changed in Guildhall, and by which union (newest first). */
export function getAgreementChanges(agreementId: string): Promise<AgreementChange[]> {
  return apiRequest(`/api/v1/agreements/${encodeURIComponent(agreementId)}/changes`, {
    schema: changesResponseSchema,
  }).then((answer) => answer.changes);
}

/**
 * The agreement's history, loaded apart from the agreement so that the page shows at once and a
 * failed history request only affects this section. Agreements loaded by operators (the demo
 * library among them) have no recorded change until an officer edits them.
 */
export function HistorySection({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => getAgreementChanges(agreementId), [agreementId]);
  const [changes] = useAsyncData(load);
  return (
    <section className="panel agreement__section" aria-labelledby="agreement-history">
      <h2 id="agreement-history">{t("agreements.history.title")}</h2>
      <AsyncContent data={changes}>
        {(list) =>
          list.length === 0 ? <p className="muted">{t("agreements.history.empty")}</p> : <ChangeList changes={list} />
        }
      </AsyncContent>
    </section>
  );
}

function ChangeList({ changes }: { changes: readonly AgreementChange[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const recent = changes.slice(0, RECENT_CHANGES);
  const earlier = changes.slice(RECENT_CHANGES);
  return (
    <>
      <ol className="history-list">
        {recent.map((change, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two changes may share a time; the list never reorders.
          <ChangeItem key={`${change.changedAt}:${index}`} change={change} />
        ))}
      </ol>
      {earlier.length > 0 ? (
        <details className="history-list__more">
          <summary>{t("agreements.history.earlier", { count: formatNumber(earlier.length, locale) })}</summary>
          <ol className="history-list" start={RECENT_CHANGES + 1}>
            {earlier.map((change, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two changes may share a time; the list never reorders.
              <ChangeItem key={`${change.changedAt}:${index}`} change={change} />
            ))}
          </ol>
        </details>
      ) : null}
    </>
  );
}

function ChangeItem({ change }: { change: AgreementChange }) {
  const { t } = useTranslation();
  const date = formatDateTime(change.changedAt, currentLocale());
  const union = change.organizationName;
  // A union that no longer exists has no name; the change itself is still worth showing.
  const text =
    change.action === "created"
      ? union
        ? t("agreements.history.created", { union, date })
        : t("agreements.history.createdNoUnion", { date })
      : union
        ? t("agreements.history.updated", { union, date })
        : t("agreements.history.updatedNoUnion", { date });
  return (
    <li className={`history-list__item history-list__item--${change.action}`}>
      {text}
      {change.log ? (
        <>
          {" · "}
          <Link to={transparencyEntryPath(change.log.index)}>
            {t("transparency.entry.short", { index: change.log.index })}
          </Link>
        </>
      ) : null}
    </li>
  );
}
