import { useTranslation } from "react-i18next";
import type { Membership, SessionUser } from "../../../../common/identity.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { RoleTasks } from "./role-tasks.tsx";

export function HomePage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  usePageTitle(t("nav.home"));
  return (
    <>
      <h1>{t("home.greeting", { name: user.displayName })}</h1>
      {user.memberships.length === 0 ? (
        <p className="lead">{t("home.noMemberships")}</p>
      ) : (
        <>
          <p className="lead">{t("home.intro")}</p>
          <h2 className="visually-hidden">{t("home.membershipsTitle")}</h2>
          <div className="role-cards">
            {user.memberships.map((membership) => (
              <RoleCard key={`${membership.organizationId}:${membership.role}`} membership={membership} />
            ))}
          </div>
        </>
      )}
    </>
  );
}

function RoleCard({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const headingId = `role-${membership.organizationId}-${membership.role}`;
  return (
    <section className="role-card" aria-labelledby={headingId}>
      <header className="role-card__header">
        <h3 className="role-card__title" id={headingId}>
          {t("home.roleAt", { role: t(`roles.${membership.role}`), organization: membership.organizationName })}
        </h3>
        <p className="role-card__kind">{t(`organizationKinds.${membership.organizationKind}`)}</p>
      </header>
      <RoleTasks role={membership.role} />
    </section>
  );
}
