import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Role } from "../../../../common/identity.ts";

/** What each role can do in Guildhall; modules not built yet are marked "coming soon". */
export function RoleTasks({ role }: { role: Role }) {
  const { t } = useTranslation();
  switch (role) {
    case "member":
      return (
        <TaskList>
          <Task title={t("roleTasks.member.profile.title")} text={t("roleTasks.member.profile.text")} comingSoon />
          <Task
            title={t("roleTasks.member.registrations.title")}
            text={t("roleTasks.member.registrations.text")}
            comingSoon
          />
          <Task title={t("roleTasks.member.consent.title")} text={t("roleTasks.member.consent.text")} comingSoon />
          <Task title={t("roleTasks.member.payments.title")} text={t("roleTasks.member.payments.text")} comingSoon />
          <Task title={t("roleTasks.member.reports.title")} text={t("roleTasks.member.reports.text")} comingSoon />
        </TaskList>
      );
    case "officer":
      return (
        <TaskList>
          <Task
            title={t("roleTasks.officer.agreements.title")}
            text={t("roleTasks.officer.agreements.text")}
            comingSoon
          />
          <Task
            title={t("roleTasks.officer.reportQueue.title")}
            text={t("roleTasks.officer.reportQueue.text")}
            comingSoon
          />
          <Task
            title={t("roleTasks.officer.consentAgent.title")}
            text={t("roleTasks.officer.consentAgent.text")}
            comingSoon
          />
          <Task
            title={t("roleTasks.officer.statements.title")}
            text={t("roleTasks.officer.statements.text")}
            comingSoon
          />
        </TaskList>
      );
    case "admin":
      return (
        <TaskList>
          <Task title={t("roleTasks.admin.organization.title")} text={t("roleTasks.admin.organization.text")}>
            <Link to="/admin">{t("roleTasks.admin.organization.link")}</Link>
          </Task>
        </TaskList>
      );
    case "producer":
      return (
        <TaskList>
          <Task
            title={t("roleTasks.producer.productions.title")}
            text={t("roleTasks.producer.productions.text")}
            comingSoon
          />
          <Task
            title={t("roleTasks.producer.consentRequests.title")}
            text={t("roleTasks.producer.consentRequests.text")}
            comingSoon
          />
          <Task
            title={t("roleTasks.producer.usageReports.title")}
            text={t("roleTasks.producer.usageReports.text")}
            comingSoon
          />
        </TaskList>
      );
    case "developer":
      return (
        <TaskList>
          <Task title={t("roleTasks.developer.permissionApi.title")} text={t("roleTasks.developer.permissionApi.text")}>
            <a href="/api/docs">{t("roleTasks.developer.permissionApi.link")}</a>
          </Task>
          <Task title={t("roleTasks.developer.apiKeys.title")} text={t("roleTasks.developer.apiKeys.text")} />
        </TaskList>
      );
    case "auditor":
      return (
        <TaskList>
          <Task
            title={t("roleTasks.auditor.transparencyLog.title")}
            text={t("roleTasks.auditor.transparencyLog.text")}
            comingSoon
          />
        </TaskList>
      );
  }
}

function TaskList({ children }: { children: ReactNode }) {
  return <ul className="task-list">{children}</ul>;
}

function Task({
  title,
  text,
  comingSoon,
  children,
}: {
  title: string;
  text: string;
  comingSoon?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li className="task">
      <p className="task__title">
        {title}
        {comingSoon ? (
          <>
            {" "}
            <span className="badge">{t("common.comingSoon")}</span>
          </>
        ) : null}
      </p>
      <p className="task__text">{text}</p>
      {children ? <p className="task__action">{children}</p> : null}
    </li>
  );
}
