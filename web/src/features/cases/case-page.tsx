import { type ReactNode, useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { SessionUser } from "../../../../common/identity.ts";
import type { CaseView, ReportContent } from "../../../../common/reports.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import type { ApiError } from "../../lib/api.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { useErrorMessage } from "../../lib/use-error-message.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { RequireSession } from "../../session/route-guards.tsx";
import { countryName } from "../agreements/agreement-format.ts";
import { LogEntryLink } from "../transparency/log-entry.tsx";
import { CaseActions } from "./case-actions.tsx";
import { CaseAssignment } from "./case-assignment.tsx";
import { CaseAttachments } from "./case-attachments.tsx";
import { DateText, DueSoonBadge, OverdueBadge, StatusTag, useCaseLabel } from "./case-bits.tsx";
import { formatCalendarDate, formatReportedTime } from "./case-format.ts";
import { CaseLabels } from "./case-labels.tsx";
import { CaseMessages } from "./case-messages.tsx";
import { CaseNotes } from "./case-notes.tsx";
import { getCase } from "./cases-api.ts";
import { NotAnOfficer } from "./not-an-officer.tsx";
import { isOfficerOf, queuePath } from "./officer-access.ts";

export function CaseRoute() {
  const { orgId = "", reportId = "" } = useParams();
  return (
    <RequireSession>
      {(session) =>
        isOfficerOf(session.user, orgId) ? (
          <CasePage key={`${orgId}/${reportId}`} user={session.user} organizationId={orgId} reportId={reportId} />
        ) : (
          <NotAnOfficer />
        )
      }
    </RequireSession>
  );
}

interface CasePageProps {
  user: SessionUser;
  organizationId: string;
  reportId: string;
}

function CasePage({ user, organizationId, reportId }: CasePageProps) {
  const { t } = useTranslation();
  usePageTitle(t("cases.case.title"));
  const load = useCallback(() => getCase(organizationId, reportId), [organizationId, reportId]);
  const [found, reload] = useAsyncData(load);
  const backTo = queuePath(user, organizationId);

  return (
    <div className="case">
      <p className="back-link">
        <Link to={backTo}>{t("cases.backToQueue")}</Link>
      </p>
      <AsyncContent data={found} failed={(error) => <CaseNotOpened error={error} />}>
        {(view) => (
          <CaseFile view={view} organizationId={organizationId} userId={user.id} backTo={backTo} onChanged={reload} />
        )}
      </AsyncContent>
    </div>
  );
}

/** Why a case could not be opened, with what the officer can do about it. */
function CaseNotOpened({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const text =
    error.code === "forbidden"
      ? t("cases.case.openForbidden")
      : error.code === "not_found"
        ? t("cases.case.openNotFound")
        : describeError(error);
  return (
    <>
      <h1>{t("cases.case.notOpenedTitle")}</h1>
      <p className="inline-error" role="alert">
        {text}
      </p>
    </>
  );
}

interface CaseFileProps {
  view: CaseView;
  organizationId: string;
  userId: string;
  backTo: string;
  onChanged: () => void;
}

function CaseFile({ view, organizationId, userId, backTo, onChanged }: CaseFileProps) {
  const { t } = useTranslation();
  const label = useCaseLabel();
  const actionsHeading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function afterAction(message: string) {
    setNotice(message);
    onChanged();
    actionsHeading.current?.focus();
  }

  return (
    <>
      <h1>
        {label("categories", view.category)}
        <span className="case__kind"> · {label("kinds", view.kind)}</span>
      </h1>
      <p className="tag-row">
        <StatusTag status={view.status} />
      </p>
      <OverdueBadge overdue={view.overdue} timeline={view} />
      <DueSoonBadge dueSoon={view.dueSoon} timeline={view} />
      <div className="case__sections">
        <Timeline view={view} />
        <section className="panel" aria-labelledby="case-triage-title">
          <h2 id="case-triage-title">{t("cases.triage.title")}</h2>
          <CaseAssignment
            organizationId={organizationId}
            reportId={view.id}
            assignedTo={view.assignedTo}
            userId={userId}
            onChanged={onChanged}
          />
          <div className="subsection">
            <CaseLabels organizationId={organizationId} reportId={view.id} labels={view.labels} onChanged={onChanged} />
          </div>
        </section>
        <ReportSection content={view.content} />
        <CaseAttachments organizationId={organizationId} reportId={view.id} attachments={view.attachments} />
        <ContactSection contact={view.content.contact} />
        <CaseMessages organizationId={organizationId} reportId={view.id} messages={view.messages} onSent={onChanged} />
        <CaseNotes organizationId={organizationId} reportId={view.id} notes={view.notes} onAdded={onChanged} />
        <section className="panel" aria-labelledby="case-actions-title">
          <h2 id="case-actions-title" tabIndex={-1} ref={actionsHeading}>
            {t("cases.actions.title")}
          </h2>
          <StatusMessage tone="success">{notice}</StatusMessage>
          <CaseActions view={view} organizationId={organizationId} backTo={backTo} onDone={afterAction} />
        </section>
      </div>
    </>
  );
}

function Timeline({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const label = useCaseLabel();
  return (
    <section className="panel" aria-labelledby="case-timeline-title">
      <h2 id="case-timeline-title">{t("cases.case.timelineTitle")}</h2>
      <dl className="details-list">
        <div>
          <dt>{t("cases.fields.status")}</dt>
          <dd>{label("statuses", view.status)}</dd>
        </div>
        <div>
          <dt>{t("cases.fields.outcome")}</dt>
          <dd>{view.outcome ? label("outcomes", view.outcome) : t("cases.case.noOutcome")}</dd>
        </div>
        {view.log ? (
          <div>
            <dt>{t("transparency.entry.term")}</dt>
            <dd>
              <LogEntryLink log={view.log} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("cases.fields.received")}</dt>
          <dd>
            <DateText iso={view.receivedAt} withTime />
          </dd>
        </div>
        <div>
          <dt>{t("cases.fields.acknowledgeBy")}</dt>
          <dd>
            <DateText iso={view.acknowledgeBy} />
          </dd>
        </div>
        <div>
          <dt>{t("cases.fields.acknowledgedAt")}</dt>
          <dd>{view.acknowledgedAt ? <DateText iso={view.acknowledgedAt} withTime /> : t("cases.case.notYet")}</dd>
        </div>
        <div>
          <dt>{t("cases.fields.feedbackBy")}</dt>
          <dd>
            <DateText iso={view.feedbackBy} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function ReportSection({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { workplace } = content;
  return (
    <section className="panel" aria-labelledby="case-report-title">
      <h2 id="case-report-title">{t("cases.case.reportTitle")}</h2>
      <h3>{t("cases.case.descriptionTitle")}</h3>
      <blockquote className="case__description" lang={content.language}>
        {content.description}
      </blockquote>
      <h3>{t("cases.case.workplaceTitle")}</h3>
      <dl className="details-list">
        <Detail term={t("cases.fields.workplaceName")}>{workplace.name}</Detail>
        <Detail term={t("cases.fields.address")}>{workplace.address}</Detail>
        <Detail term={t("cases.fields.city")}>{workplace.city}</Detail>
        <Detail term={t("cases.fields.country")}>{countryName(workplace.country, locale)}</Detail>
        {workplace.detail ? <Detail term={t("cases.fields.placeDetail")}>{workplace.detail}</Detail> : null}
        {content.happenedOn ? (
          <Detail term={t("cases.fields.happenedOn")}>
            <time dateTime={content.happenedOn}>{formatCalendarDate(content.happenedOn, locale)}</time>
          </Detail>
        ) : null}
      </dl>
      {content.kind === "violation" ? <ViolationDetails content={content} /> : <AccidentDetails content={content} />}
    </section>
  );
}

function ViolationDetails({ content }: { content: Extract<ReportContent, { kind: "violation" }> }) {
  const { t } = useTranslation();
  const label = useCaseLabel();
  return (
    <>
      <h3>{t("cases.case.violationTitle")}</h3>
      <dl className="details-list">
        <Detail term={t("cases.fields.category")}>{label("categories", content.category)}</Detail>
        <Detail term={t("cases.fields.agreement")}>
          {content.agreement ? (
            <>
              <Link to={`/agreements/${encodeURIComponent(content.agreement.agreementId)}`}>
                {content.agreement.agreementId}
              </Link>
              {content.agreement.clauseId ? ` ${t("cases.case.clause", { clause: content.agreement.clauseId })}` : null}
            </>
          ) : (
            t("cases.case.noAgreement")
          )}
        </Detail>
      </dl>
    </>
  );
}

function AccidentDetails({ content }: { content: Extract<ReportContent, { kind: "accident" }> }) {
  const { t } = useTranslation();
  const label = useCaseLabel();
  const locale = currentLocale();
  const { accident } = content;
  return (
    <>
      <h3>{t("cases.case.accidentTitle")}</h3>
      <dl className="details-list">
        <Detail term={t("cases.fields.occurredAt")}>
          <time dateTime={accident.occurredAt}>{formatReportedTime(accident.occurredAt, locale)}</time>
        </Detail>
        <Detail term={t("cases.fields.severity")}>{label("severities", accident.severity)}</Detail>
        <Detail term={t("cases.fields.medicalCare")}>{accident.medicalCare ? t("cases.yes") : t("cases.no")}</Detail>
        <Detail term={t("cases.fields.employerReported")}>
          {label("employerReported", accident.employerReported)}
        </Detail>
      </dl>
    </>
  );
}

function ContactSection({ contact }: { contact: ReportContent["contact"] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="case-contact-title">
      <h2 id="case-contact-title">{t("cases.case.contactTitle")}</h2>
      {contact ? (
        <dl className="details-list">
          {contact.name ? <Detail term={t("cases.fields.contactName")}>{contact.name}</Detail> : null}
          {contact.email ? (
            <Detail term={t("cases.fields.email")}>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </Detail>
          ) : null}
          {contact.phone ? (
            <Detail term={t("cases.fields.phone")}>
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>{contact.phone}</a>
            </Detail>
          ) : null}
        </dl>
      ) : (
        <>
          <p>
            <strong>{t("cases.case.anonymous")}</strong>
          </p>
          <p className="muted">{t("cases.case.anonymousHint")}</p>
        </>
      )}
    </section>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
