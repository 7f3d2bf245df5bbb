import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { RecoveryCodeGate } from "../features/auth/recovery-code-dialog.tsx";
import { SessionProvider } from "../session/session-context.tsx";
import { AppHeader } from "./app-header.tsx";

export function AppLayout() {
  return (
    <SessionProvider>
      <SkipLink />
      <AppHeader />
      <MainContent />
      <AppFooter />
      <RecoveryCodeGate />
    </SessionProvider>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t("nav.skipToContent")}
    </a>
  );
}

/**
 * After a client-side navigation nothing tells a screen reader the page changed; moving focus to
 * the main region does, and puts keyboard users at the start of the new content.
 */
function MainContent() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation, keyed by the path.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <main id="main" className="main container" tabIndex={-1} ref={mainRef}>
      <Outlet />
    </main>
  );
}

function AppFooter() {
  const { t } = useTranslation();
  return (
    <footer className="app-footer">
      <div className="container">
        <p>
          {t("app.name")} · {t("app.tagline")}
        </p>
      </div>
    </footer>
  );
}
