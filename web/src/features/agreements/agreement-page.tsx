import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  type Clause,
  type CountryBaseline,
  compareWithBaseline,
  type Finding,
  type TaxonomyCode,
  type TriState,
} from "../../../../common/agreements.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { NotFoundPage } from "../errors/not-found-page.tsx";
import { LogEntryLink } from "../transparency/log-entry.tsx";
import { BasisTag, ExternalLink, InForce, PartialDateText, TranslatedList, useEnumLabel } from "./agreement-bits.tsx";
import { countryName, formatNumber, formatPercent, languageName, useValueFormat } from "./agreement-format.ts";
import { HistorySection } from "./agreement-history.tsx";
import { type AgreementWithBaselines, codeIndex, getAgreement, getTaxonomy } from "./agreements-api.ts";

const COVERAGE_GROUPS = ["employees", "freelancers", "influencers", "background", "minors"] as const;

export function AgreementRoute() {
  const { agreementId = "" } = useParams();
  const load = useCallback(async () => {
    const [agreement, taxonomy] = await Promise.all([getAgreement(agreementId), getTaxonomy()]);
    return { agreement, codes: codeIndex(taxonomy.codes) };
  }, [agreementId]);
  const [data] = useAsyncData(load);
  return (
    <AsyncContent data={data} failed={(error) => (error.status === 404 ? <NotFoundPage /> : undefined)}>
      {({ agreement, codes }) => <AgreementPage key={agreement.id} agreement={agreement} codes={codes} />}
    </AsyncContent>
  );
}

interface AgreementPageProps {
  agreement: AgreementWithBaselines;
  codes: ReadonlyMap<string, TaxonomyCode>;
}

function AgreementPage({ agreement, codes }: AgreementPageProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  usePageTitle(agreement.title);
  const ownLanguage = agreement.languages[0];
  return (
    <article className="agreement">
      <p className="back-link">
        <Link to="/agreements">{t("agreements.agreement.back")}</Link>
      </p>
      <h1 lang={ownLanguage}>{agreement.title}</h1>
      {agreement.titleEn && agreement.titleEn !== agreement.title ? (
        <p className="lead" lang="en">
          {agreement.titleEn}
        </p>
      ) : null}
      <p className="tag-row">
        <span className={agreement.status === "concluded" ? "tag tag--active" : "tag tag--muted"}>
          {label("statuses", agreement.status)}
        </span>
        <span className="tag tag--muted">{label("levels", agreement.level)}</span>
        {agreement.titleKind === "descriptive" ? (
          <span className="tag tag--muted">{t("agreements.agreement.descriptiveTitle")}</span>
        ) : null}
      </p>
      <AgreementDetails agreement={agreement} />
      {agreement.notes.length > 0 ? (
        <section className="panel agreement__section" aria-labelledby="agreement-notes">
          <h2 id="agreement-notes">{t("agreements.agreement.notes")}</h2>
          <ul className="plain-list">
            {agreement.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {agreement.lineage.length > 0 ? <LineageSection agreement={agreement} /> : null}
      <SourcesSection agreement={agreement} />
      <HistorySection agreementId={agreement.id} />
      <section className="agreement__section" aria-labelledby="agreement-clauses">
        <h2 id="agreement-clauses">
          {t("agreements.agreement.clauses", { count: formatNumber(agreement.clauses.length, currentLocale()) })}
        </h2>
        {agreement.clauses.length === 0 ? (
          <p>{t("agreements.agreement.noClauses")}</p>
        ) : (
          <ol className="clause-list">
            {agreement.clauses.map((clause, index) => (
              <ClauseItem
                key={clause.id}
                clause={clause}
                number={index + 1}
                codes={codes}
                baselines={agreement.baselines.filter((baseline) => agreement.countries.includes(baseline.country))}
              />
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

function AgreementDetails({ agreement }: { agreement: AgreementWithBaselines }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const locale = currentLocale();
  const { dates } = agreement;
  return (
    <section className="panel agreement__section" aria-labelledby="agreement-details">
      <h2 id="agreement-details">{t("agreements.agreement.details")}</h2>
      <dl className="details-list">
        <div>
          <dt>{t("agreements.fields.parties")}</dt>
          <dd>
            <ul className="plain-list">
              {agreement.parties.map((party) => (
                <li key={`${party.role}:${party.name}`}>
                  {party.name} <span className="muted">({label("partyRoles", party.role)})</span>
                  {party.basis && party.basis !== "seen" ? <BasisTag basis={party.basis} /> : null}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t("agreements.fields.countries")}</dt>
          <dd>{agreement.countries.map((code) => countryName(code, locale)).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("agreements.fields.level")}</dt>
          <dd>{label("levels", agreement.level)}</dd>
        </div>
        <div>
          <dt>{t("agreements.fields.sectors")}</dt>
          <dd>
            <TranslatedList group="sectors" values={agreement.sectors} />
          </dd>
        </div>
        {agreement.workersCovered ? (
          <div>
            <dt>{t("agreements.fields.workersCovered")}</dt>
            <dd>
              {agreement.workersCovered.low === agreement.workersCovered.high
                ? formatNumber(agreement.workersCovered.low, locale)
                : new Intl.NumberFormat(locale).formatRange(
                    agreement.workersCovered.low,
                    agreement.workersCovered.high,
                  )}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("agreements.fields.coverage")}</dt>
          <dd>
            <ul className="coverage-list">
              {COVERAGE_GROUPS.map((group) => (
                <li key={group}>
                  <span>{label("coverage", group)}:</span> <TriStateText value={agreement.coverage[group]} />
                </li>
              ))}
            </ul>
            {agreement.coverage.note ? <p className="muted">{agreement.coverage.note}</p> : null}
          </dd>
        </div>
        <div>
          <dt>{t("agreements.fields.inForce")}</dt>
          <dd>
            <InForce from={dates.inForceFrom} to={dates.inForceTo} openEnded={dates.openEnded} />
          </dd>
        </div>
        {(["tentative", "signed", "ratified"] as const).map((key) => {
          const date = dates[key];
          return date ? (
            <div key={key}>
              <dt>{t(`agreements.dates.${key}`)}</dt>
              <dd>
                <PartialDateText date={date} />
              </dd>
            </div>
          ) : null;
        })}
        {dates.ratificationVoteShare !== null ? (
          <div>
            <dt>{t("agreements.dates.voteShare")}</dt>
            <dd>
              {t("agreements.dates.voteShareValue", { share: formatPercent(dates.ratificationVoteShare, locale) })}
            </dd>
          </div>
        ) : null}
        {dates.note ? (
          <div className="details-list__wide">
            <dt>{t("agreements.dates.note")}</dt>
            <dd>{dates.note}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("agreements.fields.languages")}</dt>
          <dd>{agreement.languages.map((tag) => languageName(tag, locale)).join(", ")}</dd>
        </div>
        {agreement.log ? (
          <div>
            <dt>{t("transparency.entry.term")}</dt>
            <dd>
              <LogEntryLink log={agreement.log} />
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function TriStateText({ value }: { value: TriState }) {
  const { t } = useTranslation();
  if (value === "unknown") {
    return <span className="tri tri--unknown">{t("agreements.unknown")}</span>;
  }
  return value ? (
    <span className="tri tri--yes">{t("agreements.yes")}</span>
  ) : (
    <span className="tri tri--no">{t("agreements.no")}</span>
  );
}

function LineageSection({ agreement }: { agreement: AgreementWithBaselines }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <section className="panel agreement__section" aria-labelledby="agreement-lineage">
      <h2 id="agreement-lineage">{t("agreements.agreement.lineage")}</h2>
      <ul className="plain-list">
        {agreement.lineage.map((link) => (
          <li key={`${link.relation}:${link.agreementId ?? link.externalTitle}`}>
            {label("lineageRelations", link.relation)}:{" "}
            {link.agreementId ? (
              <Link to={`/agreements/${link.agreementId}`}>{link.agreementId}</Link>
            ) : (
              <cite>{link.externalTitle}</cite>
            )}
            {link.basis !== "seen" ? <BasisTag basis={link.basis} /> : null}
            {link.note ? <span className="muted"> – {link.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SourcesSection({ agreement }: { agreement: AgreementWithBaselines }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <section className="panel agreement__section" aria-labelledby="agreement-sources">
      <h2 id="agreement-sources">{t("agreements.agreement.sources")}</h2>
      <ul className="source-list">
        {agreement.sources.map((source) => (
          <li key={source.url}>
            <ExternalLink url={source.url}>{source.title}</ExternalLink>{" "}
            <span className={source.kind === "primary" ? "tag tag--active" : "tag tag--muted"}>
              {label("sourceKinds", source.kind)}
            </span>
            {source.accessedOn ? (
              <span className="muted">
                {" "}
                {t("agreements.agreement.accessedOn")} <PartialDateText date={source.accessedOn} />
              </span>
            ) : null}
            {source.partialUrl ? <span className="muted"> – {t("agreements.agreement.partialUrl")}</span> : null}
            {source.note ? <p className="muted source-list__note">{source.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ClauseItemProps {
  clause: Clause;
  number: number;
  codes: ReadonlyMap<string, TaxonomyCode>;
  baselines: readonly CountryBaseline[];
}

function ClauseItem({ clause, number, codes, baselines }: ClauseItemProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const titleId = `clause-${clause.id}`;
  return (
    <li className="clause" id={`clause-${clause.id}-item`}>
      <section aria-labelledby={titleId}>
        <h3 className="clause__title" id={titleId}>
          {clause.articleRef ?? t("agreements.agreement.clauseNumber", { number: String(number) })}
          <span className={`tag tag--${clause.textKind}`}>{label("textKinds", clause.textKind)}</span>
        </h3>
        {clause.textKind === "verbatim" ? (
          <blockquote className="clause__text" lang={clause.language}>
            <p>{clause.text}</p>
          </blockquote>
        ) : (
          <p className="clause__text" lang={clause.language}>
            {clause.text}
          </p>
        )}
        {clause.findings.length > 0 ? (
          <ul className="finding-list" aria-label={t("agreements.finding.listLabel")}>
            {clause.findings.map((finding, index) => (
              <FindingItem
                // biome-ignore lint/suspicious/noArrayIndexKey: findings keep their coded order; a code may repeat.
                key={`${finding.code}:${index}`}
                finding={finding}
                code={codes.get(finding.code)}
                baselines={baselines}
                language={clause.language}
              />
            ))}
          </ul>
        ) : null}
      </section>
    </li>
  );
}

interface FindingItemProps {
  finding: Finding;
  /** Coders write notes and text values in the language of the clause's text. */
  language: string;
  code: TaxonomyCode | undefined;
  baselines: readonly CountryBaseline[];
}

function FindingItem({ finding, code, baselines, language }: FindingItemProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useValueFormat();
  const locale = format.locale;
  const comparisons = code?.baseline
    ? baselines
        .map((baseline) => ({ country: baseline.country, result: compareWithBaseline(code, finding.value, baseline) }))
        .flatMap(({ country, result }) => (result === "unknown" ? [] : [{ country, result }]))
    : [];
  return (
    <li className="finding">
      <h4 className="finding__title">
        {code ? code.labels[locale] : finding.code} <code className="finding__code">{finding.code}</code>
        {finding.verified ? <span className="tag tag--active">{t("agreements.finding.verified")}</span> : null}
      </h4>
      <dl className="meta-list">
        <div>
          <dt>{t("agreements.finding.presence")}</dt>
          <dd>{label("presence", finding.present)}</dd>
        </div>
        {finding.value ? (
          <div>
            <dt>{t("agreements.finding.value")}</dt>
            <dd className="finding__value" lang={finding.value.kind === "text" ? language : undefined}>
              {format.value(finding.value)}
            </dd>
          </div>
        ) : null}
        {comparisons.map((comparison) => (
          <div key={comparison.country}>
            <dt>
              {baselines.length > 1
                ? t("agreements.finding.comparedWithLawIn", { country: countryName(comparison.country, locale) })
                : t("agreements.finding.comparedWithLaw")}
            </dt>
            <dd>
              <span className={`tag tag--${comparison.result}`}>{t(`agreements.comparison.${comparison.result}`)}</span>
            </dd>
          </div>
        ))}
        <div>
          <dt>{t("agreements.finding.appliesTo")}</dt>
          <dd>
            {label("appliesTo", finding.appliesTo)}
            {finding.classification ? ` (${finding.classification})` : null}
          </dd>
        </div>
        {finding.strength ? (
          <div>
            <dt>{t("agreements.finding.strength")}</dt>
            <dd>{label("strengths", finding.strength)}</dd>
          </div>
        ) : null}
        {finding.effectiveFrom || finding.effectiveTo ? (
          <div>
            <dt>{t("agreements.finding.effective")}</dt>
            <dd>
              <InForce from={finding.effectiveFrom} to={finding.effectiveTo} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("agreements.finding.confidence")}</dt>
          <dd>{formatPercent(finding.confidence * 100, locale)}</dd>
        </div>
      </dl>
      {finding.note ? (
        <p className="finding__note" lang={language}>
          {finding.note}
        </p>
      ) : null}
      <div className="finding__evidence">
        <p className="finding__evidence-title">{t("agreements.finding.evidence")}</p>
        <ul className="plain-list">
          {finding.evidence.map((evidence) => (
            <li key={`${evidence.url}:${evidence.note}`}>
              <ExternalLink url={evidence.url}>{evidence.note}</ExternalLink> <BasisTag basis={evidence.basis} />
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}
