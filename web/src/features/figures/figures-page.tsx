import { type ReactNode, useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { type ReportFigures, SMALL_CELL } from "../../../../common/reports.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { type AsyncData, useAsyncData } from "../../lib/use-async-data.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { countryName } from "../agreements/agreement-format.ts";
import { useCaseLabel } from "../cases/case-bits.tsx";
import { listReceivers, type ReportReceiver } from "../cases/cases-api.ts";
import { type FiguresFilters, figuresCsvPath, getFigures } from "./figures-api.ts";
import { BarChart } from "./figures-chart.tsx";
import {
  type FigureRow,
  formatDays,
  formatMonth,
  formatShare,
  outcomeRows,
  receivedBreakdowns,
} from "./figures-format.ts";
import { ShownText } from "./shown-text.tsx";

/** Public figures on the reports received through Guildhall, per organization and country. */
export function FiguresPage() {
  const { t } = useTranslation();
  usePageTitle(t("figures.title"));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: FiguresFilters = {
    organizationId: searchParams.get("organizationId") ?? "",
    country: searchParams.get("country") ?? "",
  };
  const [receivers] = useAsyncData(listReceivers);

  function choose(name: keyof FiguresFilters, value: string) {
    const next = { ...filters, [name]: value };
    const params = new URLSearchParams();
    if (next.organizationId) params.set("organizationId", next.organizationId);
    if (next.country) params.set("country", next.country);
    setSearchParams(params, { replace: true });
  }

  return (
    <div className="figures">
      <h1>{t("figures.title")}</h1>
      <p className="lead">{t("figures.intro")}</p>
      <p className="figures__note">{t("figures.suppression")}</p>
      <FiguresFilterFields receivers={receivers} filters={filters} onChoose={choose} />
      <FiguresResults
        key={`${filters.organizationId}/${filters.country}`}
        organizationId={filters.organizationId}
        country={filters.country}
      />
    </div>
  );
}

interface FilterFieldsProps {
  receivers: AsyncData<ReportReceiver[]>;
  filters: FiguresFilters;
  onChoose: (name: keyof FiguresFilters, value: string) => void;
}

function FiguresFilterFields({ receivers, filters, onChoose }: FilterFieldsProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const all = receivers.state === "loaded" ? receivers.data : [];
  const countries = [...new Set(all.map((receiver) => receiver.country).filter((code) => code !== null))]
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  // A filter from the address that is not (or not yet) in the lists still shows as chosen.
  const organizations = all.map((receiver) => ({ value: receiver.id, label: receiver.name }));
  if (filters.organizationId && !organizations.some((option) => option.value === filters.organizationId)) {
    organizations.push({ value: filters.organizationId, label: filters.organizationId });
  }
  if (filters.country && !countries.some((option) => option.value === filters.country)) {
    countries.push({ value: filters.country, label: countryName(filters.country, locale) });
  }
  return (
    <section className="figures__filters" aria-labelledby="figures-filters-title">
      <h2 id="figures-filters-title" className="visually-hidden">
        {t("figures.filtersTitle")}
      </h2>
      <SelectField
        id="figures-organization"
        label={t("figures.organization")}
        value={filters.organizationId}
        options={[{ value: "", label: t("figures.allOrganizations") }, ...organizations]}
        onChange={(event) => onChoose("organizationId", event.target.value)}
      />
      <SelectField
        id="figures-country"
        label={t("figures.country")}
        value={filters.country}
        options={[{ value: "", label: t("figures.allCountries") }, ...countries]}
        onChange={(event) => onChoose("country", event.target.value)}
      />
      {receivers.state === "failed" ? (
        <p className="inline-error" role="alert">
          {t("figures.filtersUnavailable")}
        </p>
      ) : null}
    </section>
  );
}

function FiguresResults({ organizationId, country }: FiguresFilters) {
  const { t } = useTranslation();
  const load = useCallback(() => getFigures({ organizationId, country }), [organizationId, country]);
  const [figures] = useAsyncData(load);
  return (
    <>
      <AsyncContent data={figures}>{(data) => <Figures figures={data} />}</AsyncContent>
      <p className="figures__download">
        <a className="button button--secondary" href={figuresCsvPath({ organizationId, country })} download>
          {t("figures.downloadCsv")}
        </a>
      </p>
    </>
  );
}

function Figures({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  const label = useCaseLabel();
  const locale = currentLocale();
  const { byMonth, byCategory } = receivedBreakdowns(figures);
  const monthRows = byMonth.map((row) => ({ ...row, label: formatMonth(row.key, locale) }));
  const categoryRows = byCategory.map((row) => ({ ...row, label: label("categories", row.key) }));
  const outcomes = outcomeRows(figures).map((row) => ({ ...row, label: label("outcomes", row.key) }));

  return (
    <>
      <dl className="figures__stats">
        <Stat term={t("figures.total")}>
          <ShownText shown={figures.total === null ? { kind: "fewerThan", limit: SMALL_CELL } : count(figures.total)} />
        </Stat>
        <Stat term={t("figures.medianAcknowledge")}>
          {figures.medianDaysToAcknowledge === null ? (
            <NotShown text={t("figures.notEnough.acknowledged")} />
          ) : (
            formatDays(figures.medianDaysToAcknowledge, locale)
          )}
        </Stat>
        <Stat term={t("figures.medianResolve")}>
          {figures.medianDaysToResolve === null ? (
            <NotShown text={t("figures.notEnough.resolved")} />
          ) : (
            formatDays(figures.medianDaysToResolve, locale)
          )}
        </Stat>
        <Stat term={t("figures.overdueShare")}>
          {figures.overdueShare === null ? (
            <NotShown text={t("figures.notEnough.open")} />
          ) : (
            formatShare(figures.overdueShare, locale)
          )}
        </Stat>
      </dl>

      <FigureSection id="figures-months" title={t("figures.byMonthTitle")} column={t("figures.month")} rows={monthRows}>
        <BarChart rows={monthRows} />
      </FigureSection>
      <FigureSection
        id="figures-categories"
        title={t("figures.byCategoryTitle")}
        column={t("figures.category")}
        rows={categoryRows}
      >
        <BarChart rows={categoryRows} />
      </FigureSection>
      <FigureSection
        id="figures-outcomes"
        title={t("figures.outcomesTitle")}
        column={t("figures.outcome")}
        rows={outcomes}
      >
        <p className="muted">{t("figures.outcomesHint")}</p>
      </FigureSection>
    </>
  );
}

function count(value: number) {
  return { kind: "count", value } as const;
}

function NotShown({ text }: { text: string }) {
  return <span className="figures__not-shown">{text}</span>;
}

function Stat({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="figures__stat">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface FigureSectionProps {
  id: string;
  title: string;
  column: string;
  rows: readonly (FigureRow<string> & { label: string })[];
  /** Shown between the heading and the table (a chart, a hint). */
  children?: ReactNode;
}

function FigureSection({ id, title, column, rows, children }: FigureSectionProps) {
  const { t } = useTranslation();
  return (
    <section className="panel figures__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>{t("figures.none")}</p>
      ) : (
        <>
          {children}
          <DataTable caption={title} columns={[column, t("figures.reports")]} rows={rows} emptyText={t("figures.none")}>
            {(row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>
                  <ShownText shown={row.shown} />
                </td>
              </tr>
            )}
          </DataTable>
        </>
      )}
    </section>
  );
}
