import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearchParams } from "react-router";
import type { Membership, SessionUser } from "../../../../common/identity.ts";
import type { CaseSummary } from "../../../../common/reports.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { chosenOrganization, OrganizationChoice } from "../../components/organization-choice.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { RequireSession } from "../../session/route-guards.tsx";
import { countryName } from "../agreements/agreement-format.ts";
import {
  DateText,
  DueSoonBadge,
  LabelTags,
  nextDeadline,
  OverdueBadge,
  StatusTag,
  useCaseLabel,
} from "./case-bits.tsx";
import { type CaseOfficer, listCases, listOfficers, type QueueFilters } from "./cases-api.ts";
import { NotAnOfficer } from "./not-an-officer.tsx";
import { casePagePath, caseSettingsPath, officerMemberships, readQueueNotice } from "./officer-access.ts";
import { hasFilters, QueueFilterForm, queueSearch, readQueueFilters } from "./queue-filters.tsx";
import { ReminderBanner } from "./reminder-banner.tsx";

export function CasesRoute() {
  return <RequireSession>{(session) => <CasesPage user={session.user} />}</RequireSession>;
}

function CasesPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const organizations = officerMemberships(user);
  usePageTitle(organizations.length > 0 ? t("cases.title") : t("cases.notAllowedTitle"));
  const notice = readQueueNotice(useLocation().state);

  const selected = chosenOrganization(organizations, searchParams);
  if (!selected) {
    return <NotAnOfficer />;
  }

  return (
    <>
      <h1>{t("cases.title")}</h1>
      <OrganizationChoice
        id="cases-organization"
        label={t("cases.organization")}
        organizations={organizations}
        selected={selected}
        onChoose={(organizationId) => setSearchParams({ org: organizationId })}
      />
      <p>{t("cases.intro")}</p>
      <p>
        <Link to={caseSettingsPath(selected.organizationId)}>{t("cases.settings.link")}</Link>
      </p>
      <ReminderBanner key={`reminders-${selected.organizationId}`} organizationId={selected.organizationId} />
      <StatusMessage tone="success">
        {notice?.kind === "deleted"
          ? t("cases.actions.deleted")
          : notice?.kind === "referred"
            ? t("cases.actions.referred", { organization: notice.organization })
            : null}
      </StatusMessage>
      <CaseQueue
        key={selected.organizationId}
        organization={selected}
        userId={user.id}
        filters={readQueueFilters(searchParams)}
        onFilter={(filters) => setSearchParams(queueSearch(selected.organizationId, filters))}
      />
    </>
  );
}

interface CaseQueueProps {
  organization: Membership;
  userId: string;
  filters: QueueFilters;
  onFilter: (filters: QueueFilters) => void;
}

function CaseQueue({ organization, userId, filters, onFilter }: CaseQueueProps) {
  const { t } = useTranslation();
  const { organizationId } = organization;
  const loadOfficers = useCallback(() => listOfficers(organizationId), [organizationId]);
  const [officers] = useAsyncData(loadOfficers);

  return (
    <section aria-labelledby="case-queue-title">
      <h2 id="case-queue-title">{t("cases.queueTitle", { organization: organization.organizationName })}</h2>
      <AsyncContent data={officers}>
        {(all) => (
          <FilteredCases
            organizationId={organizationId}
            userId={userId}
            officers={all}
            filters={filters}
            onFilter={onFilter}
          />
        )}
      </AsyncContent>
    </section>
  );
}

interface FilteredCasesProps extends Omit<CaseQueueProps, "organization"> {
  organizationId: string;
  officers: readonly CaseOfficer[];
}

function FilteredCases({ organizationId, userId, officers, filters, onFilter }: FilteredCasesProps) {
  const { t } = useTranslation();
  const { status, label, assigned } = filters;
  const load = useCallback(
    () => listCases(organizationId, { status, label, assigned }),
    [organizationId, status, label, assigned],
  );
  const [cases] = useAsyncData(load);
  const labels = cases.state === "loaded" ? cases.data.flatMap((summary) => summary.labels) : [];
  const names = new Map(officers.map((officer) => [officer.userId, officer.displayName]));

  return (
    <>
      <QueueFilterForm
        organizationId={organizationId}
        filters={filters}
        labels={labels}
        officers={officers}
        userId={userId}
        onFilter={onFilter}
      />
      <AsyncContent data={cases}>
        {(data) =>
          data.length === 0 ? (
            <p className="empty-state">{hasFilters(filters) ? t("cases.filters.noMatch") : t("cases.noCases")}</p>
          ) : (
            <>
              <QueueCounts cases={data} />
              <ol className="case-list">
                {data.map((summary) => (
                  <CaseCard key={summary.id} organizationId={organizationId} summary={summary} names={names} />
                ))}
              </ol>
            </>
          )
        }
      </AsyncContent>
    </>
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

interface CaseCardProps {
  organizationId: string;
  summary: CaseSummary;
  /** Officers' names by user id. */
  names: ReadonlyMap<string, string>;
}

function CaseCard({ organizationId, summary, names }: CaseCardProps) {
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
      <DueSoonBadge dueSoon={summary.dueSoon} timeline={summary} />
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
        <div>
          <dt>{t("cases.assignment.title")}</dt>
          <dd>
            {summary.assignedTo === null
              ? t("cases.assignment.nobody")
              : (names.get(summary.assignedTo) ?? t("cases.assignment.formerOfficer"))}
          </dd>
        </div>
        <div className="meta-list__wide">
          <dt>{t("cases.labels.title")}</dt>
          <dd>
            <LabelTags labels={summary.labels} />
          </dd>
        </div>
      </dl>
    </li>
  );
}
