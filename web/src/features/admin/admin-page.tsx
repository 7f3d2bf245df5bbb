import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Membership, SessionUser } from "../../../../common/identity.ts";
import { chosenOrganization, OrganizationChoice } from "../../components/organization-choice.tsx";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { RequireSession } from "../../session/route-guards.tsx";
import { caseSettingsPath } from "../cases/officer-access.ts";
import { ApiKeysSection } from "./api-keys-section.tsx";
import { MembersSection } from "./members-section.tsx";

export function AdminRoute() {
  return <RequireSession>{(session) => <AdminPage user={session.user} />}</RequireSession>;
}

function AdminPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const organizations = user.memberships.filter((membership) => membership.role === "admin");
  usePageTitle(organizations.length > 0 ? t("admin.title") : t("admin.notAllowedTitle"));

  const selected = chosenOrganization(organizations, searchParams);
  if (!selected) {
    return <NotAllowed />;
  }

  return (
    <>
      <h1>{t("admin.title")}</h1>
      <OrganizationChoice
        id="admin-organization"
        label={t("admin.organization")}
        organizations={organizations}
        selected={selected}
        onChoose={(organizationId) => setSearchParams({ org: organizationId })}
      />
      <OrganizationAdministration key={selected.organizationId} organization={selected} />
    </>
  );
}

function OrganizationAdministration({ organization }: { organization: Membership }) {
  return (
    <div className="admin-sections">
      <MembersSection organizationId={organization.organizationId} organizationName={organization.organizationName} />
      <ApiKeysSection organizationId={organization.organizationId} organizationName={organization.organizationName} />
      <CaseSettingsLink organizationId={organization.organizationId} />
    </div>
  );
}

/** Deadlines and retention of reports are set on their own page, shared with the officers. */
function CaseSettingsLink({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="admin-cases-title">
      <h2 id="admin-cases-title">{t("admin.casesTitle")}</h2>
      <p>{t("admin.casesIntro")}</p>
      <p>
        <Link to={caseSettingsPath(organizationId)}>{t("cases.settings.link")}</Link>
      </p>
    </section>
  );
}

function NotAllowed() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin.notAllowedTitle")}</h1>
      <p className="lead">{t("admin.notAllowed")}</p>
    </>
  );
}
