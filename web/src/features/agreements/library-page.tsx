import type { TFunction } from "i18next";
import { useCallback, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { TaxonomyCode } from "../../../../common/agreements.ts";
import type { AgreementSearchResult, AgreementSummary } from "../../../../common/agreements-api.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { InForce, TranslatedList, useEnumLabel } from "./agreement-bits.tsx";
import { countryName, formatNumber } from "./agreement-format.ts";
import { codeIndex, getLibraryOverview, getTaxonomy, searchAgreements } from "./agreements-api.ts";
import { useCanImport } from "./import/import-access.tsx";
import { SearchForm } from "./search-form.tsx";
import {
  apiQuery,
  hasFilters,
  pageFromParams,
  paramsFromValues,
  type SearchField,
  type SearchValues,
  valuesFromParams,
  withValue,
} from "./search-state.ts";

/** Facet values shown before "show all": enough for most searches, short enough for a phone. */
const FACET_PREVIEW = 8;

export function LibraryPage() {
  const { t } = useTranslation();
  usePageTitle(t("agreements.library.title"));
  const [searchParams, setSearchParams] = useSearchParams();
  const values = valuesFromParams(searchParams);
  const query = apiQuery(searchParams);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const canImport = useCanImport();

  const load = useCallback(async () => ({ query, result: await searchAgreements(query) }), [query]);
  const [search] = useAsyncData(load);
  const loadReference = useCallback(async () => {
    const [taxonomy, overview] = await Promise.all([getTaxonomy(), getLibraryOverview()]);
    return { codes: taxonomy.codes, countries: overview.facets.countries.map((facet) => facet.value) };
  }, []);
  const [reference] = useAsyncData(loadReference);
  const codes = reference.state === "loaded" ? reference.data.codes : [];
  const countries = reference.state === "loaded" ? reference.data.countries : [];

  // The previous results stay on screen while the next ones load, marked busy.
  const current = search.state === "loaded" && search.data.query === query ? search.data.result : null;

  return (
    <>
      <h1>{t("agreements.library.title")}</h1>
      <p className="lead">{t("agreements.library.intro")}</p>
      <ul className="plain-list library__links">
        <li>
          <Link to="/agreements/compare">{t("agreements.compare.libraryLink")}</Link>
        </li>
        <li>
          <Link to="/agreements/taxonomy">{t("agreements.library.taxonomyLink")}</Link>
        </li>
        {canImport ? (
          <li>
            <Link to="/agreements/import">{t("agreements.import.libraryLink")}</Link>
          </li>
        ) : null}
        <li>
          <a href="/api/v1/agreements/export?format=json" download>
            {t("agreements.library.exportJson")}
          </a>{" "}
          <span className="muted">– {t("agreements.library.exportJsonHint")}</span>
        </li>
        <li>
          <a href="/api/v1/agreements/export?format=csv" download>
            {t("agreements.library.exportCsv")}
          </a>{" "}
          <span className="muted">– {t("agreements.library.exportCsvHint")}</span>
        </li>
      </ul>
      <SearchForm
        values={values}
        countries={countries}
        codes={codes}
        onSearch={(draft) => setSearchParams(paramsFromValues(draft))}
      />
      <StatusMessage>{current ? resultCountText(t, current) : null}</StatusMessage>
      <AsyncContent data={search}>
        {({ result }) => (
          <div className="library" aria-busy={current ? undefined : true}>
            <section className="library__results" aria-labelledby="library-results-title">
              <h2 id="library-results-title" tabIndex={-1} ref={resultsHeading}>
                {t("agreements.library.results")}
              </h2>
              <ActiveFilters values={values} codes={codes} />
              {result.results.length === 0 ? (
                <NoResults filtered={hasFilters(values)} />
              ) : (
                <ol className="result-list">
                  {result.results.map((agreement) => (
                    <ResultItem key={agreement.id} agreement={agreement} />
                  ))}
                </ol>
              )}
              <Pagination
                result={result}
                values={values}
                page={pageFromParams(searchParams)}
                onNavigate={() => resultsHeading.current?.focus()}
              />
            </section>
            <Facets result={result} values={values} codes={codes} />
          </div>
        )}
      </AsyncContent>
    </>
  );
}

// `ReturnType<typeof useTranslation>` would widen the namespace to every possible one, which is slow to check.
type Translate = TFunction;

function resultCountText(t: Translate, result: AgreementSearchResult): string {
  const locale = currentLocale();
  const count =
    result.total === 1
      ? t("agreements.library.oneResult")
      : t("agreements.library.resultCount", { count: formatNumber(result.total, locale) });
  const pages = Math.ceil(result.total / result.pageSize);
  return pages > 1
    ? `${count} ${t("agreements.library.pageOf", { page: formatNumber(result.page, locale), pages: formatNumber(pages, locale) })}`
    : count;
}

function NoResults({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <p>{t("agreements.library.noResults")}</p>
      {filtered ? (
        <p>
          <Link to="/agreements">{t("agreements.search.clear")}</Link>
        </p>
      ) : null}
    </div>
  );
}

function ResultItem({ agreement }: { agreement: AgreementSummary }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="result">
      <h3 className="result__title">
        <Link to={`/agreements/${agreement.id}`}>{agreement.title}</Link>
      </h3>
      {agreement.titleEn && agreement.titleEn !== agreement.title ? (
        <p className="result__subtitle" lang="en">
          {agreement.titleEn}
        </p>
      ) : null}
      <dl className="meta-list">
        <div>
          <dt>{t("agreements.fields.countries")}</dt>
          <dd>{agreement.countries.map((code) => countryName(code, locale)).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("agreements.fields.sectors")}</dt>
          <dd>
            <TranslatedList group="sectors" values={agreement.sectors} />
          </dd>
        </div>
        <div>
          <dt>{t("agreements.fields.status")}</dt>
          <dd>
            <TranslatedList group="statuses" values={[agreement.status]} />
          </dd>
        </div>
        <div>
          <dt>{t("agreements.fields.inForce")}</dt>
          <dd>
            <InForce from={agreement.inForceFrom} to={agreement.inForceTo} />
          </dd>
        </div>
        {agreement.parties.length > 0 ? (
          <div className="meta-list__wide">
            <dt>{t("agreements.fields.parties")}</dt>
            <dd>{agreement.parties.join("; ")}</dd>
          </div>
        ) : null}
      </dl>
      {agreement.snippets.length > 0 ? (
        <ul className="snippets" aria-label={t("agreements.library.matches")}>
          {agreement.snippets.map((snippet) => (
            <li key={snippet.clauseId} className="snippet">
              {snippet.articleRef ? <span className="snippet__ref">{snippet.articleRef}: </span> : null}…
              {snippet.parts.map((part, index) =>
                // biome-ignore lint/suspicious/noArrayIndexKey: parts never move; their order is the text.
                part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
              )}
              …
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function ActiveFilters({ values, codes }: { values: SearchValues; codes: readonly TaxonomyCode[] }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const locale = currentLocale();
  const labelOf = (field: SearchField, value: string): string => {
    switch (field) {
      case "country":
        return countryName(value, locale);
      case "sector":
        return label("sectors", value);
      case "covers":
        return label("coverage", value);
      case "code":
        return codes.find((code) => code.code === value)?.labels[locale] ?? value;
      default:
        return value;
    }
  };
  const active = (["q", "country", "sector", "covers", "inForceOn", "code", "min", "max"] as const).filter(
    (field) => values[field] !== "",
  );
  if (active.length === 0) {
    return null;
  }
  return (
    <ul className="chip-list" aria-label={t("agreements.library.activeFilters")}>
      {active.map((field) => {
        const text = `${t(`agreements.filterNames.${field}`)}: ${labelOf(field, values[field])}`;
        return (
          <li key={field}>
            <Link className="chip chip--removable" to={{ search: withValue(values, field, "").toString() }}>
              {text}
              <span className="chip__remove" aria-hidden="true">
                ×
              </span>
              <span className="visually-hidden"> – {t("agreements.library.removeFilter")}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

interface FacetsProps {
  result: AgreementSearchResult;
  values: SearchValues;
  codes: readonly TaxonomyCode[];
}

function Facets({ result, values, codes }: FacetsProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const locale = currentLocale();
  const index = codeIndex(codes);
  return (
    <aside className="library__facets" aria-labelledby="library-facets-title">
      <h2 id="library-facets-title">{t("agreements.library.facets")}</h2>
      <FacetGroup
        title={t("agreements.fields.countries")}
        field="country"
        facets={result.facets.countries}
        values={values}
        label={(value) => countryName(value, locale)}
      />
      <FacetGroup
        title={t("agreements.fields.sectors")}
        field="sector"
        facets={result.facets.sectors}
        values={values}
        label={(value) => label("sectors", value)}
      />
      <FacetGroup
        title={t("agreements.library.codes")}
        field="code"
        facets={result.facets.codes}
        values={values}
        label={(value) => index.get(value)?.labels[locale] ?? value}
      />
    </aside>
  );
}

interface FacetGroupProps {
  title: string;
  field: SearchField;
  facets: readonly { value: string; count: number }[];
  values: SearchValues;
  label: (value: string) => string;
}

function FacetGroup({ title, field, facets, values, label }: FacetGroupProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (facets.length === 0) {
    return null;
  }
  const item = (facet: { value: string; count: number }) => {
    const selected = values[field] === facet.value;
    const count = formatNumber(facet.count, locale);
    return (
      <li key={facet.value}>
        {selected ? (
          <span className="chip chip--selected" aria-current="true">
            {label(facet.value)} <span className="chip__count">{count}</span>
          </span>
        ) : (
          <Link className="chip" to={{ search: withValue(values, field, facet.value).toString() }}>
            {label(facet.value)} <span className="chip__count">{count}</span>
            <span className="visually-hidden"> {t("agreements.library.agreementsCount")}</span>
          </Link>
        )}
      </li>
    );
  };
  const shown = facets.slice(0, FACET_PREVIEW);
  const more = facets.slice(FACET_PREVIEW);
  return (
    <div className="facet-group">
      <h3 className="facet-group__title">{title}</h3>
      <ul className="chip-list">{shown.map(item)}</ul>
      {more.length > 0 ? (
        <details className="facet-group__more" open={more.some((facet) => facet.value === values[field])}>
          <summary>{t("agreements.library.moreFacets", { count: formatNumber(more.length, locale) })}</summary>
          <ul className="chip-list">{more.map(item)}</ul>
        </details>
      ) : null}
    </div>
  );
}

interface PaginationProps {
  result: AgreementSearchResult;
  values: SearchValues;
  page: number;
  onNavigate: () => void;
}

function Pagination({ result, values, page, onNavigate }: PaginationProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const pages = Math.ceil(result.total / result.pageSize);
  if (pages <= 1) {
    return null;
  }
  const to = (target: number) => ({ search: paramsFromValues(values, target).toString() });
  return (
    <nav className="pagination" aria-label={t("agreements.library.pagination")}>
      {page > 1 ? (
        <Link className="button button--secondary button--small" to={to(page - 1)} onClick={onNavigate} rel="prev">
          {t("agreements.library.previous")}
        </Link>
      ) : null}
      <span className="pagination__position">
        {t("agreements.library.pageOf", { page: formatNumber(page, locale), pages: formatNumber(pages, locale) })}
      </span>
      {page < pages ? (
        <Link className="button button--secondary button--small" to={to(page + 1)} onClick={onNavigate} rel="next">
          {t("agreements.library.next")}
        </Link>
      ) : null}
    </nav>
  );
}
