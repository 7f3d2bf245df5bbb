import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PAGE_LANGUAGES, type PageLanguage, type PageStrings, stringsFor } from "./strings.ts";

export const STYLESHEET_PATH = "/report/report.css";

interface PageProps {
  language: PageLanguage;
  title: string;
  /** Where the same page is in another language; absent where switching would lose what is shown. */
  languageHref?: (language: PageLanguage) => string;
  children: ReactNode;
}

/** A whole document: no script, one stylesheet of our own, nothing from third parties. */
export function renderPage(props: PageProps): string {
  return `<!doctype html>${renderToStaticMarkup(<Page {...props} />)}`;
}

function Page({ language, title, languageHref, children }: PageProps) {
  const t = stringsFor(language);
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} – ${t.site}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
      </head>
      <body>
        <a className="skip" href="#main">
          {t.skip}
        </a>
        <header className="site">
          <span className="brand">{t.site}</span>
          {languageHref && <LanguageLinks current={language} href={languageHref} label={t.languages} />}
        </header>
        <main id="main">{children}</main>
        <footer className="site">
          <p>{t.footer}</p>
        </footer>
      </body>
    </html>
  );
}

function LanguageLinks(props: { current: PageLanguage; href: (language: PageLanguage) => string; label: string }) {
  return (
    <nav aria-label={props.label} className="languages">
      <ul>
        {PAGE_LANGUAGES.map((language) => (
          <li key={language}>
            <a
              href={props.href(language)}
              lang={language}
              hrefLang={language}
              aria-current={language === props.current ? "true" : undefined}
            >
              {stringsFor(language).languageName}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A simple page saying what went wrong, with a way back. */
export function renderProblemPage(language: PageLanguage, message: string, backHref: string): string {
  const t: PageStrings = stringsFor(language);
  return renderPage({
    language,
    title: t.errorTitle,
    children: (
      <>
        <h1>{t.errorTitle}</h1>
        <p className="problem" role="alert">
          {message}
        </p>
        <p>
          <a href={backHref}>{t.back}</a>
        </p>
      </>
    ),
  });
}
