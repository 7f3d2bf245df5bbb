import { type FormEvent, useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { findingValueSchema, TAXONOMY_FAMILIES, type TaxonomyCode } from "../../../../common/agreements.ts";
import type { AgreementSummary, CompareResult } from "../../../../common/agreements-api.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { ScrollingCheckList } from "../../components/scrolling-check-list.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { TextField } from "../../components/text-field.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { BasisTag, ExternalLink, useEnumLabel } from "./agreement-bits.tsx";
import { countryName, formatNumber, useValueFormat } from "./agreement-format.ts";
import { codeIndex, compareAgreements, getTaxonomy, listAllAgreements } from "./agreements-api.ts";
import {
  AI_PROVISIONS_FAMILIES,
  type CompareSort,
  type CompareState,
  compareApiQuery,
  compareSearch,
  compareStateFromParams,
  hasProvisions,
} from "./compare-state.ts";

type CompareAgreement = CompareResult["agreements"][number];
type CompareCell = CompareResult["cells"][number];

export function ComparePage() {
  const { t } = useTranslation();
  usePageTitle(t("agreements.compare.title"));
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const state = compareStateFromParams(searchParams);
  const search = compareSearch(state);

  const loadReference = useCallback(async () => {
    const [taxonomy, agreements] = await Promise.all([getTaxonomy(), listAllAgreements()]);
    return { codes: taxonomy.codes, agreements };
  }, []);
  const [reference] = useAsyncData(loadReference);
  const taxonomy = reference.state === "loaded" ? reference.data.codes : null;
  const query = taxonomy && hasProvisions(state) ? compareApiQuery(state, taxonomy) : null;

  const load = useCallback(
    async () => (query === null ? null : { query, result: await compareAgreements(query) }),
    [query],
  );
  const [matrix] = useAsyncData(load);

  const show = (next: CompareState) => navigate({ search: compareSearch(next) });

  return (
    <>
      <p className="back-link">
        <Link to="/agreements">{t("agreements.agreement.back")}</Link>
      </p>
      <h1>{t("agreements.compare.title")}</h1>
      <p className="lead">{t("agreements.compare.intro")}</p>
      <AsyncContent data={reference}>
        {({ codes, agreements }) => (
          <CompareForm key={search} state={state} codes={codes} agreements={agreements} onCompare={show} />
        )}
      </AsyncContent>
      <StatusMessage>
        {matrix.state === "loaded" && matrix.data && matrix.data.query === query
          ? t("agreements.compare.status", {
              agreements: formatNumber(matrix.data.result.agreements.length, currentLocale()),
              provisions: formatNumber(matrix.data.result.codes.length, currentLocale()),
            })
          : null}
      </StatusMessage>
      {query === null ? (
        reference.state === "loaded" ? (
          <p className="empty-state">{t("agreements.compare.start")}</p>
        ) : null
      ) : (
        <AsyncContent data={matrix}>
          {(data) =>
            data && taxonomy ? (
              <CompareResults
                state={state}
                query={data.query}
                result={data.result}
                codes={codeIndex(taxonomy)}
                busy={data.query !== query}
              />
            ) : null
          }
        </AsyncContent>
      )}
    </>
  );
}

interface CompareFormProps {
  state: CompareState;
  codes: readonly TaxonomyCode[];
  agreements: readonly AgreementSummary[];
  onCompare: (state: CompareState) => void;
}

function toggled(values: readonly string[], value: string, on: boolean): string[] {
  return on ? [...values.filter((item) => item !== value), value] : values.filter((item) => item !== value);
}

function matches(text: string, words: string): boolean {
  const haystack = text.toLocaleLowerCase();
  return words
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The form starts from the address each time the address changes (its `key`), so back and forward work. */
function CompareForm({ state, codes, agreements, onCompare }: CompareFormProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const locale = currentLocale();
  const [ids, setIds] = useState(state.ids);
  const [families, setFamilies] = useState(state.families);
  const [chosenCodes, setChosenCodes] = useState(state.codes);
  const [agreementFilter, setAgreementFilter] = useState("");
  const [codeFilter, setCodeFilter] = useState("");
  const [error, setError] = useState(false);
  const errorId = useId();

  const countries = (agreement: AgreementSummary) =>
    agreement.countries.map((code) => countryName(code, locale)).join(", ");
  const shownAgreements = agreements.filter(
    (agreement) =>
      ids.includes(agreement.id) ||
      matches(`${agreement.title} ${agreement.titleEn ?? ""} ${countries(agreement)}`, agreementFilter),
  );
  const presentFamilies = TAXONOMY_FAMILIES.filter((family) => codes.some((code) => code.family === family));
  const shownCodes = codes.filter(
    (code) => chosenCodes.includes(code.code) || matches(`${code.labels[locale]} ${code.code}`, codeFilter),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (families.length === 0 && chosenCodes.length === 0) {
      setError(true);
      return;
    }
    setError(false);
    onCompare({ ...state, ids, families, codes: chosenCodes });
  };

  return (
    <section className="panel compare-form" aria-labelledby="compare-form-title">
      <h2 id="compare-form-title">{t("agreements.compare.choose")}</h2>
      <div className="compare-form__ready">
        <button
          type="button"
          className="button button--secondary"
          aria-describedby="compare-ai-hint"
          onClick={() => onCompare({ ids: [], codes: [], families: [...AI_PROVISIONS_FAMILIES], sort: state.sort })}
        >
          {t("agreements.compare.aiProvisions")}
        </button>
        <p className="field__hint" id="compare-ai-hint">
          {t("agreements.compare.aiProvisionsHint")}
        </p>
      </div>
      <form className="compare-form__form" noValidate onSubmit={submit}>
        <fieldset className="compare-form__group">
          <legend>{t("agreements.compare.agreements")}</legend>
          <p className="field__hint">
            {t("agreements.compare.agreementsHint")}{" "}
            <span className="compare-form__count">
              {ids.length === 0
                ? t("agreements.compare.allAgreements")
                : t("agreements.compare.chosen", { count: formatNumber(ids.length, locale) })}
            </span>
          </p>
          <TextField
            id="compare-agreement-filter"
            label={t("agreements.compare.findAgreement")}
            type="search"
            autoComplete="off"
            value={agreementFilter}
            onChange={(event) => setAgreementFilter(event.target.value)}
          />
          <ScrollingCheckList
            options={shownAgreements.map((agreement) => ({
              value: agreement.id,
              label: agreement.title,
              detail: countries(agreement),
            }))}
            chosen={ids}
            onChange={setIds}
            emptyText={t("agreements.compare.noAgreementMatches")}
          />
          {ids.length > 0 ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setIds([])}>
              {t("agreements.compare.useAll")}
            </button>
          ) : null}
        </fieldset>
        <fieldset className="compare-form__group">
          <legend>{t("agreements.compare.families")}</legend>
          <ul className="check-list check-list--columns">
            {presentFamilies.map((family) => (
              <li key={family}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={families.includes(family)}
                    onChange={(event) => setFamilies(toggled(families, family, event.target.checked))}
                  />
                  <span>
                    {label("families", family)} <code>{family}</code>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <details className="compare-form__codes" open={state.codes.length > 0}>
          <summary>
            {t("agreements.compare.codes")}
            {chosenCodes.length > 0 ? (
              <span className="badge">
                {t("agreements.compare.chosen", { count: formatNumber(chosenCodes.length, locale) })}
              </span>
            ) : null}
          </summary>
          <fieldset className="compare-form__group">
            <legend className="visually-hidden">{t("agreements.compare.codes")}</legend>
            <TextField
              id="compare-code-filter"
              label={t("agreements.compare.findCode")}
              type="search"
              autoComplete="off"
              value={codeFilter}
              onChange={(event) => setCodeFilter(event.target.value)}
            />
            {shownCodes.length === 0 ? (
              <p className="muted">{t("agreements.compare.noCodeMatches")}</p>
            ) : (
              <ul className="check-list check-list--scroll">
                {shownCodes.map((code) => (
                  <li key={code.code}>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={chosenCodes.includes(code.code)}
                        onChange={(event) => setChosenCodes(toggled(chosenCodes, code.code, event.target.checked))}
                      />
                      <span>
                        {code.labels[locale]} <code>{code.code}</code>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </details>
        {error ? (
          <p className="field__error" id={errorId} role="alert">
            {t("agreements.compare.needProvisions")}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button" aria-describedby={error ? errorId : undefined}>
            {t("agreements.compare.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function sortAgreements(agreements: readonly CompareAgreement[], sort: CompareSort, locale: string) {
  const byTitle = (a: CompareAgreement, b: CompareAgreement) => a.title.localeCompare(b.title, locale);
  const country = (agreement: CompareAgreement) =>
    agreement.countries.map((code) => countryName(code, currentLocale())).join(", ");
  return [...agreements].sort(
    sort === "country" ? (a, b) => country(a).localeCompare(country(b), locale) || byTitle(a, b) : byTitle,
  );
}

interface CompareResultsProps {
  state: CompareState;
  query: string;
  result: CompareResult;
  codes: ReadonlyMap<string, TaxonomyCode>;
  busy: boolean;
}

function CompareResults({ state, query, result, codes, busy }: CompareResultsProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const agreements = sortAgreements(result.agreements, state.sort, locale);
  const cells = new Map(result.cells.map((cell) => [`${cell.code}\u0000${cell.agreementId}`, cell]));
  const codeLabel = (code: string) => codes.get(code)?.labels[locale] ?? code;
  const sorts: CompareSort[] = ["title", "country"];
  return (
    <section className="compare-results" aria-labelledby="compare-results-title" aria-busy={busy || undefined}>
      <h2 id="compare-results-title">{t("agreements.compare.results")}</h2>
      {result.agreements.length === 0 || result.codes.length === 0 ? (
        <p className="empty-state">{t("agreements.compare.empty")}</p>
      ) : (
        <>
          <div className="compare-results__tools">
            <nav aria-label={t("agreements.compare.sortBy")}>
              <span aria-hidden="true">{t("agreements.compare.sortBy")}: </span>
              <ul className="chip-list compare-results__sorts">
                {sorts.map((sort) => (
                  <li key={sort}>
                    {sort === state.sort ? (
                      <span className="chip chip--selected" aria-current="true">
                        {t(`agreements.compare.sort.${sort}`)}
                      </span>
                    ) : (
                      <Link className="chip" to={{ search: compareSearch({ ...state, sort }) }}>
                        {t(`agreements.compare.sort.${sort}`)}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
            <p>
              <a href={`/api/v1/agreements/compare.csv?${query}`} download="agreements-comparison.csv">
                {t("agreements.compare.csv")}
              </a>
            </p>
          </div>
          <div className="table-scroll compare-scroll">
            <table className="table compare-table">
              <caption className="compare-table__caption">
                {t("agreements.compare.caption", {
                  provisions: formatNumber(result.codes.length, locale),
                  agreements: formatNumber(result.agreements.length, locale),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("agreements.compare.provision")}</th>
                  {agreements.map((agreement) => (
                    <th scope="col" key={agreement.id} className="compare-table__agreement">
                      <Link to={`/agreements/${agreement.id}`}>{agreement.title}</Link>
                      <span className="compare-table__countries">
                        {agreement.countries.map((code) => countryName(code, locale)).join(", ")}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.codes.map((code) => (
                  <tr key={code}>
                    <th scope="row" className="compare-table__code">
                      {codeLabel(code)} <code>{code}</code>
                    </th>
                    {agreements.map((agreement) => {
                      const cell = cells.get(`${code}\u0000${agreement.id}`);
                      return (
                        <td key={agreement.id} className="compare-table__cell">
                          {cell ? (
                            <CellContent cell={cell} codeLabel={codeLabel(code)} agreement={agreement} />
                          ) : (
                            <span className="compare-table__no-data">{t("agreements.compare.noData")}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

interface CellContentProps {
  cell: CompareCell;
  codeLabel: string;
  agreement: CompareAgreement;
}

function CellContent({ cell, codeLabel, agreement }: CellContentProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useValueFormat();
  const text = (finding: CompareCell["findings"][number]) => {
    const value = findingValueSchema.safeParse(finding.value);
    return value.success ? format.value(value.data) : label("presence", finding.present);
  };
  const evidenceCount = cell.findings.reduce((count, finding) => count + finding.evidence.length, 0);
  return (
    <>
      <ul className="compare-table__values">
        {cell.findings.map((finding, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings keep the clauses' order; a clause may repeat.
          <li key={`${finding.clauseId}:${index}`}>{text(finding)}</li>
        ))}
      </ul>
      <details className="compare-table__evidence">
        <summary>
          {t("agreements.compare.evidence", { count: formatNumber(evidenceCount, format.locale) })}
          <span className="visually-hidden">
            {" "}
            – {codeLabel}, {agreement.title}
          </span>
        </summary>
        <ul className="plain-list">
          {cell.findings.map((finding, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above.
            <li key={`${finding.clauseId}:${index}`} className="compare-table__finding">
              <Link to={`/agreements/${agreement.id}#clause-${finding.clauseId}-item`}>
                {finding.articleRef ?? t("agreements.compare.clause")}
              </Link>
              {finding.evidence.length > 0 ? (
                <ul className="plain-list">
                  {finding.evidence.map((evidence) => (
                    <li key={`${evidence.url}:${evidence.note}`}>
                      <ExternalLink url={evidence.url}>{evidence.note || evidence.url}</ExternalLink>{" "}
                      <BasisTag basis={evidence.basis} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
