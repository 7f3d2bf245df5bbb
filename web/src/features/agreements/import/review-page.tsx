import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { TaxonomyCode } from "../../../../../common/agreements.ts";
import type { ImportDraft, Suggestion, SuggestionDecision } from "../../../../../common/agreements-import.ts";
import type { Membership } from "../../../../../common/identity.ts";
import { AsyncContent } from "../../../components/async-content.tsx";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import { SelectField } from "../../../components/select-field.tsx";
import { StatusMessage } from "../../../components/status-message.tsx";
import { toApiError } from "../../../lib/api.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { currentLocale } from "../../../lib/i18n.ts";
import { useAsyncData } from "../../../lib/use-async-data.ts";
import { useErrorMessage } from "../../../lib/use-error-message.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";
import { NotFoundPage } from "../../errors/not-found-page.tsx";
import { formatNumber, formatPercent, languageName } from "../agreement-format.ts";
import { codeIndex, getTaxonomy } from "../agreements-api.ts";
import { langOf, MarkedText } from "./clause-text.tsx";
import { CommitForm } from "./commit-form.tsx";
import { clauseParts } from "./highlight.ts";
import { RequireUnionOfficer } from "./import-access.tsx";
import { decideSuggestion, discardImport, getImport } from "./import-api.ts";
import { formatBytes, sourceName } from "./import-format.ts";
import type { ImportLocationState } from "./import-page.tsx";
import { SuggestionItem } from "./suggestion-item.tsx";

/** Clauses per page: long agreements have hundreds. */
export const CLAUSES_PER_PAGE = 25;

const FILTERS = ["all", "suggested", "pending", "accepted", "rejected"] as const;
type ClauseFilter = (typeof FILTERS)[number];

const THRESHOLDS = [0.9, 0.8, 0.7, 0.6, 0.5] as const;

export function ImportReviewRoute() {
  return <RequireUnionOfficer>{({ union }) => <ReviewLoader union={union} />}</RequireUnionOfficer>;
}

function ReviewLoader({ union }: { union: Membership }) {
  const { importId = "" } = useParams();
  const describeError = useErrorMessage();
  const load = useCallback(async () => {
    const [draft, taxonomy] = await Promise.all([getImport(importId), getTaxonomy()]);
    return { draft, codes: codeIndex(taxonomy.codes) };
  }, [importId]);
  const [data] = useAsyncData(load);
  return (
    <AsyncContent
      data={data}
      failed={(error) =>
        error.status === 404 ? (
          <NotFoundPage />
        ) : (
          <p className="inline-error" role="alert">
            {describeError(error)}
          </p>
        )
      }
    >
      {({ draft, codes }) => <ReviewPage key={draft.id} initial={draft} codes={codes} union={union} />}
    </AsyncContent>
  );
}

function filterOf(params: URLSearchParams): ClauseFilter {
  const value = params.get("show");
  return FILTERS.find((filter) => filter === value) ?? "all";
}

function matchingClauseIds(draft: ImportDraft, filter: ClauseFilter): string[] {
  return draft.clauses
    .filter((clause) => {
      switch (filter) {
        case "all":
          return true;
        case "suggested":
          return clause.suggestions.length > 0;
        default:
          return clause.suggestions.some((suggestion) => suggestion.decision === filter);
      }
    })
    .map((clause) => clause.id);
}

function countDecisions(draft: ImportDraft): Record<SuggestionDecision | "total", number> {
  const counts = { total: 0, pending: 0, accepted: 0, rejected: 0 };
  for (const clause of draft.clauses) {
    for (const suggestion of clause.suggestions) {
      counts.total += 1;
      counts[suggestion.decision] += 1;
    }
  }
  return counts;
}

interface ReviewPageProps {
  initial: ImportDraft;
  codes: ReadonlyMap<string, TaxonomyCode>;
  union: Membership;
}

function ReviewPage({ initial, codes, union }: ReviewPageProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [searchParams] = useSearchParams();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const name = sourceName(draft.source, t("agreements.import.pastedText"));
  usePageTitle(t("agreements.import.review.title", { name }));

  const filter = filterOf(searchParams);
  // The list is fixed when the filter is chosen: deciding a suggestion must not pull its clause
  // away from under the keyboard. Choosing the filter again refreshes it.
  const [snapshot, setSnapshot] = useState(() => ({ filter, stale: false, ids: matchingClauseIds(draft, filter) }));
  let ids = snapshot.ids;
  if (snapshot.filter !== filter || snapshot.stale) {
    ids = matchingClauseIds(draft, filter);
    setSnapshot({ filter, stale: false, ids });
  }
  /** Recomputed at the next render, from the draft as it is then. */
  const refreshList = () => setSnapshot((previous) => ({ ...previous, stale: true }));

  const positions = useMemo(() => new Map(draft.clauses.map((clause, index) => [clause.id, index])), [draft.clauses]);
  const pages = Math.max(1, Math.ceil(ids.length / CLAUSES_PER_PAGE));
  const requestedPage = Number.parseInt(searchParams.get("page") ?? "1", 10);
  const page = Number.isFinite(requestedPage) ? Math.min(Math.max(requestedPage, 1), pages) : 1;
  const first = (page - 1) * CLAUSES_PER_PAGE;
  const shown = ids.slice(first, first + CLAUSES_PER_PAGE).flatMap((id) => {
    const index = positions.get(id);
    const clause = index === undefined ? undefined : draft.clauses[index];
    return clause && index !== undefined ? [{ clause, number: index + 1 }] : [];
  });
  const counts = countDecisions(draft);
  const editable = draft.status === "draft";

  const replaceSuggestion = useCallback((clauseId: string, updated: Suggestion) => {
    setDraft((previous) => ({
      ...previous,
      clauses: previous.clauses.map((clause) =>
        clause.id === clauseId
          ? {
              ...clause,
              suggestions: clause.suggestions.map((suggestion) =>
                suggestion.id === updated.id ? updated : suggestion,
              ),
            }
          : clause,
      ),
    }));
  }, []);

  const search = (next: { show?: ClauseFilter; page?: number }) => {
    const params = new URLSearchParams();
    const show = next.show ?? filter;
    if (show !== "all") params.set("show", show);
    const target = next.page ?? 1;
    if (target > 1) params.set("page", String(target));
    const text = params.toString();
    return text ? `?${text}` : "";
  };

  return (
    <article className="import-review">
      <p className="back-link">
        <Link to="/agreements/import">{t("agreements.import.review.back")}</Link>
      </p>
      <h1>
        {t("agreements.import.review.heading")} <span className="import-review__name">{name}</span>
      </h1>
      <p className="lead">{t("agreements.import.review.intro")}</p>
      <StatusMessage tone="success">{announcement}</StatusMessage>
      {draft.status === "committed" ? (
        <div className="status-message status-message--success import-review__state">
          <p>{t("agreements.import.review.committed")}</p>
          {draft.agreementId ? (
            <p>
              <Link to={`/agreements/${draft.agreementId}`}>{t("agreements.import.review.openAgreement")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <DraftDetails draft={draft} name={name} />
      {draft.warnings.length > 0 ? (
        <section className="import-warnings" aria-labelledby="import-warnings-title">
          <h2 id="import-warnings-title" className="import-warnings__title">
            {t("agreements.import.review.warningsTitle")}
          </h2>
          <ul>
            {draft.warnings.map((warning) => (
              <li key={warning}>{t(`agreements.import.review.warnings.${warning}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="agreement__section" aria-labelledby="import-progress-title">
        <h2 id="import-progress-title">{t("agreements.import.review.suggestionsTitle")}</h2>
        <p className="import-counter">
          {counts.total === 0
            ? t("agreements.import.review.noSuggestionsAtAll")
            : t("agreements.import.review.counter", {
                decided: formatNumber(counts.accepted + counts.rejected, locale),
                total: formatNumber(counts.total, locale),
                accepted: formatNumber(counts.accepted, locale),
                rejected: formatNumber(counts.rejected, locale),
                pending: formatNumber(counts.pending, locale),
              })}
        </p>
        {editable && counts.pending > 0 ? (
          <BulkAccept
            draft={draft}
            onUpdated={replaceSuggestion}
            onDone={(message) => {
              setAnnouncement(message);
              refreshList();
            }}
          />
        ) : null}
        <p className="import-legend">
          {t("agreements.import.review.legendIntro")}{" "}
          <mark className="import-mark import-mark--trigger">{t("agreements.import.review.legendTrigger")}</mark>{" "}
          <mark className="import-mark import-mark--value">{t("agreements.import.review.legendValue")}</mark>
        </p>
      </section>

      <section className="agreement__section" aria-labelledby="import-clauses-title">
        <h2 id="import-clauses-title" tabIndex={-1} ref={listHeading}>
          {t("agreements.import.review.clausesTitle", { count: formatNumber(draft.clauses.length, locale) })}
        </h2>
        <nav className="import-filters" aria-label={t("agreements.import.review.filter")}>
          <span aria-hidden="true">{t("agreements.import.review.filter")}: </span>
          <ul className="chip-list">
            {FILTERS.map((option) => {
              const count =
                option === "all"
                  ? draft.clauses.length
                  : option === "suggested"
                    ? draft.clauses.filter((clause) => clause.suggestions.length > 0).length
                    : counts[option];
              const text = t(`agreements.import.review.filters.${option}`, { count: formatNumber(count, locale) });
              return (
                <li key={option}>
                  {option === filter ? (
                    <span className="chip chip--selected" aria-current="true">
                      {text}
                    </span>
                  ) : (
                    <Link className="chip" to={{ search: search({ show: option }) }}>
                      {text}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </nav>
        <p className="field__hint">
          {t(
            filter === "pending" || filter === "accepted" || filter === "rejected"
              ? "agreements.import.review.filterHintDecision"
              : "agreements.import.review.filterHint",
          )}{" "}
          {filter !== "all" ? (
            <button type="button" className="link-button" onClick={refreshList}>
              {t("agreements.import.review.refresh")}
            </button>
          ) : null}
        </p>
        {ids.length === 0 ? (
          <p className="empty-state">{t("agreements.import.review.noClauses")}</p>
        ) : (
          <>
            <p className="import-review__position">
              {t("agreements.import.review.showing", {
                from: formatNumber(first + 1, locale),
                to: formatNumber(Math.min(first + CLAUSES_PER_PAGE, ids.length), locale),
                total: formatNumber(ids.length, locale),
              })}
            </p>
            <ol className="clause-list import-clauses">
              {shown.map(({ clause, number }) => {
                const clauseLabel =
                  clause.articleRef ?? t("agreements.agreement.clauseNumber", { number: formatNumber(number, locale) });
                const titleId = `import-clause-${clause.id}`;
                const parts = clauseParts(clause);
                const language = langOf(clause.language);
                return (
                  <li key={clause.id} className="clause import-clause" id={`${titleId}-item`}>
                    <section aria-labelledby={titleId}>
                      <h3 className="clause__title" id={titleId} lang={parts.heading ? language : undefined}>
                        {parts.heading ? <MarkedText segments={parts.heading} /> : clauseLabel}
                      </h3>
                      <p className="import-clause__text" lang={language}>
                        <MarkedText segments={parts.body} />
                      </p>
                      {clause.suggestions.length === 0 ? (
                        <p className="muted">{t("agreements.import.review.noSuggestions")}</p>
                      ) : (
                        <ul
                          className="suggestion-list"
                          aria-label={t("agreements.import.review.suggestionsLabel", { clause: clauseLabel })}
                        >
                          {clause.suggestions.map((suggestion) => (
                            <SuggestionItem
                              key={suggestion.id}
                              importId={draft.id}
                              clause={clause}
                              clauseLabel={clauseLabel}
                              suggestion={suggestion}
                              code={codes.get(suggestion.code)}
                              editable={editable}
                              onUpdated={replaceSuggestion}
                              onAnnounce={setAnnouncement}
                            />
                          ))}
                        </ul>
                      )}
                    </section>
                  </li>
                );
              })}
            </ol>
            {pages > 1 ? (
              <nav className="pagination" aria-label={t("agreements.import.review.pagination")}>
                {page > 1 ? (
                  <Link
                    className="button button--secondary button--small"
                    to={{ search: search({ page: page - 1 }) }}
                    onClick={() => listHeading.current?.focus()}
                    rel="prev"
                  >
                    {t("agreements.library.previous")}
                  </Link>
                ) : null}
                <span className="pagination__position">
                  {t("agreements.library.pageOf", {
                    page: formatNumber(page, locale),
                    pages: formatNumber(pages, locale),
                  })}
                </span>
                {page < pages ? (
                  <Link
                    className="button button--secondary button--small"
                    to={{ search: search({ page: page + 1 }) }}
                    onClick={() => listHeading.current?.focus()}
                    rel="next"
                  >
                    {t("agreements.library.next")}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </section>

      {editable ? (
        <>
          <CommitForm
            draft={draft}
            unionName={union.organizationName}
            accepted={counts.accepted}
            pending={counts.pending}
            onAlreadyCommitted={(current) => {
              setDraft(current);
              setAnnouncement(t("agreements.import.commit.errors.alreadyCommitted"));
            }}
          />
          <section className="agreement__section import-discard" aria-labelledby="import-discard-title">
            <h2 id="import-discard-title">{t("agreements.import.review.discardTitle")}</h2>
            <p>{t("agreements.import.review.discardIntro")}</p>
            <button type="button" className="button button--danger" onClick={() => setConfirmDiscard(true)}>
              {t("agreements.import.review.discard")}
            </button>
          </section>
        </>
      ) : null}
      {confirmDiscard ? (
        <ConfirmDialog
          title={t("agreements.import.review.discardConfirmTitle")}
          text={t("agreements.import.review.discardConfirmText", { name })}
          confirmLabel={t("agreements.import.review.discardConfirm")}
          onConfirm={async () => {
            await discardImport(draft.id);
            const state: ImportLocationState = { discarded: true };
            void navigate("/agreements/import", { state });
          }}
          onCancel={() => setConfirmDiscard(false)}
        />
      ) : null}
    </article>
  );
}

function DraftDetails({ draft, name }: { draft: ImportDraft; name: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="panel agreement__section" aria-labelledby="import-details-title">
      <h2 id="import-details-title">{t("agreements.import.review.details")}</h2>
      <dl className="details-list">
        <div>
          <dt>{t("agreements.import.review.source")}</dt>
          <dd>
            {name} <span className="muted">({t(`agreements.import.sourceKinds.${draft.source.kind}`)})</span>
          </dd>
        </div>
        <div>
          <dt>{t("agreements.import.review.language")}</dt>
          <dd className="import-review__language">{languageName(draft.language, locale)}</dd>
        </div>
        <div>
          <dt>{t("agreements.import.review.size")}</dt>
          <dd>{formatBytes(draft.source.bytes, locale)}</dd>
        </div>
        {draft.source.pages !== null ? (
          <div>
            <dt>{t("agreements.import.review.pages")}</dt>
            <dd>{formatNumber(draft.source.pages, locale)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("agreements.import.review.imported")}</dt>
          <dd>{formatDateTime(draft.createdAt, locale)}</dd>
        </div>
        <div>
          <dt>{t("agreements.import.review.status")}</dt>
          <dd>{t(`agreements.import.statuses.${draft.status}`)}</dd>
        </div>
      </dl>
    </section>
  );
}

interface BulkAcceptProps {
  draft: ImportDraft;
  onUpdated: (clauseId: string, suggestion: Suggestion) => void;
  onDone: (message: string) => void;
}

/** Accepts every pending suggestion at or above a confidence, one saved decision after another. */
function BulkAccept({ draft, onUpdated, onDone }: BulkAcceptProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const describeError = useErrorMessage();
  const [threshold, setThreshold] = useState<number>(0.8);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const eligible = draft.clauses.flatMap((clause) =>
    clause.suggestions
      .filter((suggestion) => suggestion.decision === "pending" && suggestion.confidence >= threshold)
      .map((suggestion) => ({ clauseId: clause.id, suggestion })),
  );

  async function run() {
    if (progress || eligible.length === 0) {
      return;
    }
    setError(null);
    const work = [...eligible];
    let done = 0;
    setProgress({ done, total: work.length });
    try {
      for (const { clauseId, suggestion } of work) {
        const updated = await decideSuggestion(draft.id, suggestion.id, { decision: "accepted" });
        onUpdated(clauseId, updated);
        done += 1;
        setProgress({ done, total: work.length });
      }
      onDone(t("agreements.import.review.bulk.done", { count: formatNumber(done, locale) }));
    } catch (caught) {
      setError(
        `${t("agreements.import.review.bulk.stopped", { count: formatNumber(done, locale) })} ${describeError(toApiError(caught))}`,
      );
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="import-bulk">
      <SelectField
        id="import-bulk-threshold"
        label={t("agreements.import.review.bulk.threshold")}
        value={String(threshold)}
        options={THRESHOLDS.map((value) => ({
          value: String(value),
          label: t("agreements.import.review.bulk.atLeast", { percent: formatPercent(value * 100, locale) }),
        }))}
        onChange={(event) => setThreshold(Number(event.target.value))}
      />
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={progress !== null || eligible.length === 0 || undefined}
        aria-describedby="import-bulk-status"
        onClick={() => void run()}
      >
        {progress
          ? t("agreements.import.review.bulk.running", {
              done: formatNumber(progress.done, locale),
              total: formatNumber(progress.total, locale),
            })
          : t("agreements.import.review.bulk.submit", { count: formatNumber(eligible.length, locale) })}
      </button>
      <p className="field__hint import-bulk__status" id="import-bulk-status">
        {eligible.length === 0 && !progress ? t("agreements.import.review.bulk.none") : null}
      </p>
      {error ? (
        <p className="inline-error import-bulk__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
