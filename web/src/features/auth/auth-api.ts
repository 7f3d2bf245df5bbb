import {
  type SessionResponse,
  type SignInRequest,
  sessionResponseSchema,
  totpSetupResponseSchema,
} from "../../../../common/identity.ts";
import { apiRequest } from "../../lib/api.ts";

export function fetchSession(): Promise<SessionResponse> {
  return apiRequest("/api/v1/auth/session", { schema: sessionResponseSchema, expectUnauthenticated: true });
}

export function signIn(request: SignInRequest): Promise<SessionResponse> {
  return apiRequest("/api/v1/auth/sign-in", {
    method: "POST",
    body: request,
    schema: sessionResponseSchema,
    expectUnauthenticated: true,
  });
}

export function signOut(): Promise<void> {
  return apiRequest("/api/v1/auth/sign-out", { method: "POST", body: {}, expectUnauthenticated: true });
}

export function setUpTotp(): Promise<{ secret: string; otpauthUri: string }> {
  return apiRequest("/api/v1/auth/totp/setup", { method: "POST", body: {}, schema: totpSetupResponseSchema });
}

export function confirmTotp(code: string): Promise<SessionResponse> {
  return apiRequest("/api/v1/auth/totp/confirm", {
    method: "POST",
    body: { code },
    schema: sessionResponseSchema,
  });
}
