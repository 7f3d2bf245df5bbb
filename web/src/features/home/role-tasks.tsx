import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Role } from "../../../../common/identity.ts";
import type { resources } from "../../lib/i18n.ts";

type TaskTexts = (typeof resources)["en"]["translation"]["roleTasks"];
type TaskName<R extends Role> = keyof TaskTexts[R] & string;
/** "member.profile": where a task's title and text are kept under `roleTasks` in the translations. */
type TaskKey<R extends Role> = `${R}.${TaskName<R>}`;
type AnyTaskKey = { [R in Role]: TaskKey<R> }[Role];
/** The tasks whose translations also name a link. */
type LinkedTaskKey = {
  [R in Role]: { [N in TaskName<R>]: TaskTexts[R][N] extends { link: string } ? `${R}.${N}` : never }[TaskName<R>];
}[Role];

type Task<K extends string> =
  | { key: K; comingSoon?: true }
  /** `to` is a page of this app; `href` leaves it (the API reference is served by the server). */
  | { key: K & LinkedTaskKey; link: { to: string } | { href: string } };

/** What each role can do in Guildhall; modules not built yet are marked "coming soon". */
const ROLE_TASKS: { [R in Role]: readonly Task<TaskKey<R>>[] } = {
  member: [
    { key: "member.profile", comingSoon: true },
    { key: "member.registrations", comingSoon: true },
    { key: "member.consent", comingSoon: true },
    { key: "member.payments", comingSoon: true },
    { key: "member.reports", comingSoon: true },
  ],
  officer: [
    { key: "officer.agreements", comingSoon: true },
    { key: "officer.reportQueue", link: { to: "/cases" } },
    { key: "officer.consentAgent", comingSoon: true },
    { key: "officer.statements", comingSoon: true },
  ],
  admin: [{ key: "admin.organization", link: { to: "/admin" } }],
  producer: [
    { key: "producer.productions", comingSoon: true },
    { key: "producer.consentRequests", comingSoon: true },
    { key: "producer.usageReports", comingSoon: true },
  ],
  developer: [{ key: "developer.permissionApi", link: { href: "/api/docs" } }, { key: "developer.apiKeys" }],
  auditor: [{ key: "auditor.transparencyLog", comingSoon: true }],
};

export function RoleTasks({ role }: { role: Role }) {
  return (
    <ul className="task-list">
      {ROLE_TASKS[role].map((task) => (
        <TaskItem key={task.key} task={task} />
      ))}
    </ul>
  );
}

function TaskItem({ task }: { task: Task<AnyTaskKey> }) {
  const { t } = useTranslation();
  return (
    <li className="task">
      <p className="task__title">
        {t(`roleTasks.${task.key}.title`)}
        {"comingSoon" in task ? (
          <>
            {" "}
            <span className="badge">{t("common.comingSoon")}</span>
          </>
        ) : null}
      </p>
      <p className="task__text">{t(`roleTasks.${task.key}.text`)}</p>
      {"link" in task ? (
        <p className="task__action">
          {"to" in task.link ? (
            <Link to={task.link.to}>{t(`roleTasks.${task.key}.link`)}</Link>
          ) : (
            <a href={task.link.href}>{t(`roleTasks.${task.key}.link`)}</a>
          )}
        </p>
      ) : null}
    </li>
  );
}
