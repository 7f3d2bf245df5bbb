import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../lib/use-page-title.ts";

const HIGHLIGHTS = ["agreements", "consent", "reports", "transparency"] as const;

/** What people see at "/" before signing in. */
export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.home"));
  return (
    <>
      <section className="hero" aria-labelledby="landing-title">
        <h1 id="landing-title">{t("landing.title")}</h1>
        <p className="lead">{t("landing.intro")}</p>
        <div className="button-row">
          <Link to="/sign-in" className="button">
            {t("landing.signIn")}
          </Link>
          <a href="/api/docs" className="button button--secondary">
            {t("landing.apiReference")}
          </a>
        </div>
      </section>
      <section aria-labelledby="landing-highlights">
        <h2 id="landing-highlights">{t("landing.highlightsTitle")}</h2>
        <ul className="card-grid">
          {HIGHLIGHTS.map((highlight) => (
            <li key={highlight} className="card">
              <h3 className="card__title">{t(`landing.highlights.${highlight}.title`)}</h3>
              <p>{t(`landing.highlights.${highlight}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
