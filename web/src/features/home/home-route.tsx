import { Navigate } from "react-router";
import { Loading } from "../../components/loading.tsx";
import { RequireSession } from "../../session/route-guards.tsx";
import { useSession } from "../../session/session-context.tsx";
import type { SignInLocationState } from "../../session/sign-in-notice.ts";
import { HomePage } from "./home-page.tsx";
import { LandingPage } from "./landing-page.tsx";

/** "/" is the public landing page, or the signed-in user's home. */
export function HomeRoute() {
  const { state } = useSession();
  if (state.status === "loading") {
    return <Loading />;
  }
  if (state.status === "anonymous") {
    if (state.reason === "expired") {
      const signInState: SignInLocationState = { notice: "sessionExpired" };
      return <Navigate to="/sign-in" replace state={signInState} />;
    }
    return <LandingPage />;
  }
  return <RequireSession>{(session) => <HomePage user={session.user} />}</RequireSession>;
}
