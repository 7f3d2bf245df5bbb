import { Navigate } from "react-router";
import { RequireSession } from "../../session/route-guards.tsx";
import { TotpEnrollmentPage } from "./totp-enrollment-page.tsx";

/** Only someone who has signed in but has no second factor yet has anything to set up here. */
export function TotpEnrollmentRoute() {
  return (
    <RequireSession>
      {(session) => (session.user.totpEnabled ? <Navigate to="/" replace /> : <TotpEnrollmentPage />)}
    </RequireSession>
  );
}
