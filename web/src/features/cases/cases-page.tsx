import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router";
import type { Membership, SessionUser } from "../../../../common/identity.ts";
import type { CaseSummary } from "../../../../common/reports.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { RequireSession } from "../../session/route-guards.tsx";
import { countryName } from "../agreements/agreement-format.ts";
import { DateText, nextDeadline, OverdueBadge, StatusTag, useCaseLabel } from "./case-bits.tsx";
import { listCases } from "./cases-api.ts";
import { NotAnOfficer } from "./not-an-officer.tsx";
import { casePagePath, officerMemberships, readQueueNotice } from "./officer-access.ts";

export function CasesRoute() {
  return <RequireSession>{(session) => <CasesPage user={session.user} />}</RequireSession>;
}

function CasesPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const organizations = officerMemberships(user);
  usePageTitle(organizations.length > 0 ? t("cases.title") : t("cases.notAllowedTitle"));
  const notice = readQueueNotice(useLocation().state);

  const selected =
    organizations.find((membership) => membership.organizationId === searchParams.get("org")) ?? organizations[0];
  if (!selected) {
    return <NotAnOfficer />;
  }

  return (
    <>
      <h1>{t("cases.title")}</h1>
      {organizations.length > 1 ? (
        <div className="narrow">
          <SelectField
            id="cases-organization"
            label={t("cases.organization")}
            value={selected.organizationId}
            options={organizations.map((organization) => ({
              value: organization.organizationId,
              label: organization.organizationName,
            }))}
            onChange={(event) => setSearchParams({ org: event.target.value })}
          />
        </div>
      ) : (
        <p className="lead">{selected.organizationName}</p>
      )}
      <p>{t("cases.intro")}</p>
      <StatusMessage tone="success">
        {notice?.kind === "deleted"
          ? t("cases.actions.deleted")
          : notice?.kind === "referred"
            ? t("cases.actions.referred", { organization: notice.organization })
            : null}
      </StatusMessage>
      <CaseQueue key={selected.organizationId} organization={selected} />
    </>
  );
}

function CaseQueue({ organization }: { organization: Membership }) {
  const { t } = useTranslation();
  const load = useCallback(() => listCases(organization.organizationId), [organization.organizationId]);
  const [cases] = useAsyncData(load);

  return (
    <section aria-labelledby="case-queue-title">
      <h2 id="case-queue-title">{t("cases.queueTitle", { organization: organization.organizationName })}</h2>
      <AsyncContent data={cases}>
        {(data) =>
          data.length === 0 ? (
            <p className="empty-state">{t("cases.noCases")}</p>
          ) : (
            <>
              <QueueCounts cases={data} />
              <ol className="case-list">
                {data.map((summary) => (
                  <CaseCard key={summary.id} organizationId={organization.organizationId} summary={summary} />
                ))}
              </ol>
            </>
          )
        }
      </AsyncContent>
    </section>
  );
}

function QueueCounts({ cases }: { cases: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const overdue = cases.filter((summary) => summary.overdue !== null).length;
  return (
    <p className="case-list__counts">
      {cases.length === 1 ? t("cases.oneCase") : t("cases.caseCount", { count: cases.length })}
      {overdue > 0 ? (
        <>
          {" · "}
          <strong>{t("cases.overdueCount", { count: overdue })}</strong>
        </>
      ) : null}
    </p>
  );
}

function CaseCard({ organizationId, summary }: { organizationId: string; summary: CaseSummary }) {
  const { t } = useTranslation();
  const label = useCaseLabel();
  const locale = currentLocale();
  const deadline = nextDeadline(summary);
  return (
    <li className={summary.overdue ? "case-card case-card--overdue" : "case-card"}>
      <h3 className="case-card__title">
        <Link to={casePagePath(organizationId, summary.id)}>
          {label("categories", summary.category)}
          <span className="visually-hidden">
            {", "}
            {t("cases.receivedOn", { date: formatDateTime(summary.receivedAt, locale) })}
          </span>
        </Link>
      </h3>
      <OverdueBadge overdue={summary.overdue} timeline={summary} />
      <dl className="meta-list">
        <div>
          <dt>{t("cases.fields.received")}</dt>
          <dd>
            <DateText iso={summary.receivedAt} withTime />
          </dd>
        </div>
        <div>
          <dt>{t("cases.fields.kind")}</dt>
          <dd>{label("kinds", summary.kind)}</dd>
        </div>
        <div>
          <dt>{t("cases.fields.country")}</dt>
          <dd>{countryName(summary.country, locale)}</dd>
        </div>
        <div>
          <dt>{t("cases.fields.status")}</dt>
          <dd>
            <StatusTag status={summary.status} />
            {summary.outcome
              ? ` ${t("cases.outcomeAfterStatus", { outcome: label("outcomes", summary.outcome) })}`
              : null}
          </dd>
        </div>
        {deadline ? (
          <div>
            <dt>{t(deadline.step === "acknowledge" ? "cases.fields.acknowledgeBy" : "cases.fields.feedbackBy")}</dt>
            <dd>
              <DateText iso={deadline.at} />
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
