import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { reportPagePath } from "../../components/report-links.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

const HIGHLIGHTS = ["agreements", "consent", "reports", "transparency"] as const;

/** What people see at "/" before signing in. */
export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(t("nav.home"));
  const locale = currentLocale();
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
      <section className="panel report-call" aria-labelledby="landing-report">
        <h2 id="landing-report">{t("landing.report.title")}</h2>
        <p>{t("landing.report.text")}</p>
        <div className="button-row">
          <a href={reportPagePath("report", locale)} className="button">
            {t("landing.report.start")}
          </a>
          <a href={reportPagePath("followUp", locale)} className="button button--secondary">
            {t("landing.report.followUp")}
          </a>
        </div>
        <p className="report-call__figures">
          <Link to="/reports/figures">{t("landing.report.figures")}</Link>
        </p>
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
        <p className="landing__transparency">
          <Link to="/transparency">{t("landing.transparencyLink")}</Link>
        </p>
      </section>
    </>
  );
}
