import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { SessionResponse } from "../../../common/identity.ts";
import { Loading } from "../components/loading.tsx";
import { useSession } from "./session-context.tsx";
import type { SignInLocationState } from "./sign-in-notice.ts";

export const TOTP_ENROLLMENT_PATH = "/security/totp";

/**
 * Renders `children` with the session of a fully signed-in user. Anyone else is sent to sign in,
 * or, if their role still needs a second factor, to set one up.
 */
export function RequireSession({ children }: { children: (session: SessionResponse) => ReactNode }) {
  const { state } = useSession();
  const location = useLocation();

  if (state.status === "loading") {
    return <Loading />;
  }
  if (state.status === "anonymous") {
    const signInState: SignInLocationState =
      state.reason === "signed_out"
        ? { notice: "signedOut" }
        : {
            notice: state.reason === "expired" ? "sessionExpired" : "signInRequired",
            from: location.pathname + location.search,
          };
    return <Navigate to="/sign-in" replace state={signInState} />;
  }
  if (state.session.status === "totp_enrollment_required" && location.pathname !== TOTP_ENROLLMENT_PATH) {
    return <Navigate to={TOTP_ENROLLMENT_PATH} replace />;
  }
  return children(state.session);
}
