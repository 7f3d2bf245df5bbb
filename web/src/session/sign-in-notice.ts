import type { Location } from "react-router";

/** Why the user landed on the sign-in page; shown as a status message there. */
export type SignInNotice = "signedOut" | "sessionExpired" | "signInRequired";

export interface SignInLocationState {
  notice?: SignInNotice;
  /** Where to go back to once signed in. */
  from?: string;
}

export function readSignInState(location: Location): SignInLocationState {
  const state: unknown = location.state;
  if (typeof state !== "object" || state === null) {
    return {};
  }
  const { notice, from } = state as Record<string, unknown>;
  return {
    notice: notice === "signedOut" || notice === "sessionExpired" || notice === "signInRequired" ? notice : undefined,
    from: typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : undefined,
  };
}
