import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import type { SessionResponse } from "../../../common/identity.ts";
import { fetchSession, signOut as signOutRequest } from "../features/auth/auth-api.ts";
import { onAuthLost, setCsrfToken, toApiError } from "../lib/api.ts";
import type { SignInNotice } from "./sign-in-notice.ts";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; reason: AnonymousReason }
  | { status: "authenticated"; session: SessionResponse };

/**
 * Why nobody is signed in, so that every page that sends the user to sign in tells the same story:
 * `expired` when a session ran out or was refused, `signed_out` right after signing out.
 */
export type AnonymousReason = "none" | "expired" | "signed_out";

interface SessionContextValue {
  state: SessionState;
  /** Stores the answer of a successful sign-in, TOTP confirmation or session look-up. */
  establish: (session: SessionResponse) => void;
  /**
   * The recovery code an officer's first sign-in answered with, until they confirm they wrote it
   * down. Kept in memory only: Guildhall never has it again.
   */
  recoveryCode: string | null;
  /** Forgets the recovery code once its owner has confirmed they kept it. */
  acknowledgeRecoveryCode: () => void;
  /** Ends the session on the server, then sends the user to the sign-in page. */
  signOut: () => Promise<void>;
  /** Forgets why the last session ended, once the sign-in page has said so. */
  acknowledgeReason: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const navigate = useNavigate();

  const establish = useCallback(({ recoveryCode: code, ...session }: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setState({ status: "authenticated", session });
    // Later answers (TOTP confirmation, session look-ups) never carry it: keep the one we got.
    if (code) {
      setRecoveryCode(code);
    }
  }, []);

  const forget = useCallback((reason: AnonymousReason) => {
    setCsrfToken(null);
    setRecoveryCode(null);
    setState({ status: "anonymous", reason });
  }, []);

  const acknowledgeRecoveryCode = useCallback(() => setRecoveryCode(null), []);

  useEffect(() => {
    let current = true;
    fetchSession().then(
      (session) => current && establish(session),
      (error: unknown) => current && forget(toApiError(error).code === "session_expired" ? "expired" : "none"),
    );
    return () => {
      current = false;
    };
  }, [establish, forget]);

  // A protected call answered 401: whatever the exact code, the user had a session a moment ago.
  useEffect(() => {
    onAuthLost(() => {
      // Read the address now: a closure's location can be a page behind when the answer arrives.
      const from = window.location.pathname + window.location.search;
      forget("expired");
      // Several calls of one page can be refused together: the first one already took the user to sign in.
      if (window.location.pathname === "/sign-in") return;
      const notice: SignInNotice = "sessionExpired";
      void navigate("/sign-in", { replace: true, state: { notice, from } });
    });
    return () => onAuthLost(null);
  }, [forget, navigate]);

  const signOut = useCallback(async () => {
    try {
      await signOutRequest();
    } catch (error) {
      const { code } = toApiError(error);
      // Already signed out on the server: nothing is left to end.
      if (code !== "unauthenticated" && code !== "session_expired") {
        throw error;
      }
    }
    forget("signed_out");
    const notice: SignInNotice = "signedOut";
    void navigate("/sign-in", { replace: true, state: { notice } });
  }, [forget, navigate]);

  const acknowledgeReason = useCallback(() => {
    setState((previous) => (previous.status === "anonymous" ? { status: "anonymous", reason: "none" } : previous));
  }, []);

  const value = useMemo(
    () => ({ state, establish, recoveryCode, acknowledgeRecoveryCode, signOut, acknowledgeReason }),
    [state, establish, recoveryCode, acknowledgeRecoveryCode, signOut, acknowledgeReason],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error("useSession must be used inside <SessionProvider>");
  }
  return value;
}
