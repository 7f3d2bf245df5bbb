import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";
import { currentLocale } from "../lib/i18n.ts";
import { useAsyncAction } from "../lib/use-async-action.ts";
import { useSession } from "../session/session-context.tsx";
import { LanguageSelect } from "./language-select.tsx";
import { reportPagePath } from "./report-links.ts";

export function AppHeader() {
  const { t } = useTranslation();
  const { state } = useSession();
  const session = state.status === "authenticated" ? state.session : null;
  const fullySignedIn = session?.status === "signed_in";
  const isAdmin = fullySignedIn && session.user.memberships.some((membership) => membership.role === "admin");
  const isOfficer = fullySignedIn && session.user.memberships.some((membership) => membership.role === "officer");
  const locale = currentLocale();

  return (
    <header className="app-header">
      <div className="app-header__bar container">
        <Link to="/" className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true" />
          {t("app.name")}
        </Link>
        <div className="app-header__tools">
          <LanguageSelect />
          {session ? <SignOutControl displayName={session.user.displayName} /> : <SignInLink />}
        </div>
      </div>
      <nav className="app-nav" aria-label={t("nav.label")}>
        <ul className="app-nav__list container">
          <li>
            <NavLink to="/" end className="app-nav__link">
              {t("nav.home")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/agreements" className="app-nav__link">
              {t("nav.agreements")}
            </NavLink>
          </li>
          <li>
            <a href={reportPagePath("report", locale)} className="app-nav__link">
              {t("nav.report")}
            </a>
          </li>
          <li>
            <a href={reportPagePath("followUp", locale)} className="app-nav__link">
              {t("nav.followUp")}
            </a>
          </li>
          <li>
            <NavLink to="/reports/figures" className="app-nav__link">
              {t("nav.figures")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/transparency" className="app-nav__link">
              {t("nav.transparency")}
            </NavLink>
          </li>
          {isOfficer ? (
            <li>
              <NavLink to="/cases" className="app-nav__link">
                {t("nav.cases")}
              </NavLink>
            </li>
          ) : null}
          {isAdmin ? (
            <li>
              <NavLink to="/admin" className="app-nav__link">
                {t("nav.admin")}
              </NavLink>
            </li>
          ) : null}
          <li>
            <a href="/api/docs" className="app-nav__link">
              {t("nav.apiReference")}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}

function SignInLink() {
  const { t } = useTranslation();
  const { state } = useSession();
  const { pathname } = useLocation();
  // On the sign-in page itself the link would only repeat the form's own button.
  if (state.status === "loading" || pathname === "/sign-in") {
    return null;
  }
  return (
    <Link to="/sign-in" className="button button--on-dark button--small">
      {t("nav.signIn")}
    </Link>
  );
}

function SignOutControl({ displayName }: { displayName: string }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const { busy, error, run } = useAsyncAction();

  return (
    <div className="sign-out">
      <span className="sign-out__name">{t("nav.signedInAs", { name: displayName })}</span>
      <button
        type="button"
        className="button button--on-dark button--small"
        onClick={() => run(signOut)}
        disabled={busy}
      >
        {busy ? t("nav.signingOut") : t("nav.signOut")}
      </button>
      {error ? (
        <p className="sign-out__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
