import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/app-layout.tsx";
import { AdminRoute } from "./features/admin/admin-page.tsx";
import { AgreementRoute } from "./features/agreements/agreement-page.tsx";
import { ComparePage } from "./features/agreements/compare-page.tsx";
import { ImportRoute } from "./features/agreements/import/import-page.tsx";
import { ImportReviewRoute } from "./features/agreements/import/review-page.tsx";
import { LibraryPage } from "./features/agreements/library-page.tsx";
import { TaxonomyPage } from "./features/agreements/taxonomy-page.tsx";
import { SignInPage } from "./features/auth/sign-in-page.tsx";
import { TotpEnrollmentRoute } from "./features/auth/totp-enrollment-route.tsx";
import { CaseRoute } from "./features/cases/case-page.tsx";
import { CaseSettingsRoute } from "./features/cases/case-settings-page.tsx";
import { CasesRoute } from "./features/cases/cases-page.tsx";
import { NotFoundPage } from "./features/errors/not-found-page.tsx";
import { FiguresPage } from "./features/figures/figures-page.tsx";
import { HomeRoute } from "./features/home/home-route.tsx";
import { TransparencyPage } from "./features/transparency/transparency-page.tsx";
import { TOTP_ENROLLMENT_PATH } from "./session/route-guards.tsx";

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: "/", element: <HomeRoute /> },
      { path: "/sign-in", element: <SignInPage /> },
      { path: TOTP_ENROLLMENT_PATH, element: <TotpEnrollmentRoute /> },
      { path: "/agreements", element: <LibraryPage /> },
      { path: "/agreements/taxonomy", element: <TaxonomyPage /> },
      { path: "/agreements/compare", element: <ComparePage /> },
      { path: "/agreements/import", element: <ImportRoute /> },
      { path: "/agreements/import/:importId", element: <ImportReviewRoute /> },
      { path: "/agreements/:agreementId", element: <AgreementRoute /> },
      { path: "/admin", element: <AdminRoute /> },
      { path: "/cases", element: <CasesRoute /> },
      { path: "/cases/settings", element: <CaseSettingsRoute /> },
      { path: "/cases/:orgId/:reportId", element: <CaseRoute /> },
      { path: "/reports/figures", element: <FiguresPage /> },
      { path: "/transparency", element: <TransparencyPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
