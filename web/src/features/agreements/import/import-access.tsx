import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Membership, SessionResponse, SessionUser } from "../../../../../common/identity.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";
import { RequireSession } from "../../../session/route-guards.tsx";
import { useSession } from "../../../session/session-context.tsx";

/** The unions in which the user is an officer: only they may import agreements. */
export function unionOfficerships(user: SessionUser): Membership[] {
  return user.memberships.filter(
    (membership) => membership.role === "officer" && membership.organizationKind === "union",
  );
}

/** True when the signed-in user may import agreements; false for anyone else, anonymous included. */
export function useCanImport(): boolean {
  const { state } = useSession();
  return (
    state.status === "authenticated" &&
    state.session.status === "signed_in" &&
    unionOfficerships(state.session.user).length > 0
  );
}

export interface ImportAccess {
  session: SessionResponse;
  /** The union the imports belong to (the first where the user is an officer). */
  union: Membership;
}

/** Anonymous visitors are sent to sign in; people who are not union officers are told why they cannot go on. */
export function RequireUnionOfficer({ children }: { children: (access: ImportAccess) => ReactNode }) {
  return (
    <RequireSession>
      {(session) => {
        const union = unionOfficerships(session.user)[0];
        return union ? children({ session, union }) : <NotAnOfficer />;
      }}
    </RequireSession>
  );
}

function NotAnOfficer() {
  const { t } = useTranslation();
  usePageTitle(t("agreements.import.notAllowedTitle"));
  return (
    <div className="narrow">
      <h1>{t("agreements.import.notAllowedTitle")}</h1>
      <p className="lead">{t("agreements.import.notAllowed")}</p>
      <p>
        <Link to="/agreements">{t("agreements.import.browseLibrary")}</Link>
      </p>
    </div>
  );
}
