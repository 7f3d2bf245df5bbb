import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addMemberRequestSchema,
  apiKeySchema,
  createApiKeyRequestSchema,
  createdApiKeySchema,
  organizationMemberSchema,
  organizationSchema,
  roleSchema,
  sessionResponseSchema,
  signInRequestSchema,
  totpConfirmRequestSchema,
  totpSetupRequestSchema,
  totpSetupResponseSchema,
} from "../../../../common/identity.ts";
import { sha256Hex } from "../../platform/crypto/tokens.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { errorResponses } from "../../platform/http/error-schema.ts";
import { clearSessionCookie, sessionCookieName, setSessionCookie } from "./authenticate.ts";
import type { IdentityContext } from "./identity.context.ts";
import { deleteSession } from "./identity.repository.ts";
import { describeSession } from "./sessions.ts";
import { confirmTotpEnrollment, startTotpEnrollment } from "./use-cases/enroll-totp.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./use-cases/manage-api-keys.ts";
import { addMember, listMembers, removeMemberRole } from "./use-cases/manage-members.ts";
import { getOrganization, listMyOrganizations } from "./use-cases/organizations.ts";
import { signIn } from "./use-cases/sign-in.ts";

export interface IdentityRoutesOptions {
  context: IdentityContext;
  secureCookies: boolean;
  signInLimitPerMinute: number;
}

/** Answers about the session carry personal data and the CSRF token: never cached. */
const NO_STORE = { "cache-control": "no-store" };

const orgParams = z.object({ orgId: z.string().uuid() });
const emptyBody = z.object({}).strict().optional();

/** Sign-in, sessions, two-factor enrollment, organizations, members and API keys. */
export const identityRoutes: FastifyPluginAsyncZod<IdentityRoutesOptions> = async (
  app,
  { context, secureCookies, signInLimitPerMinute },
) => {
  const tags = ["identity"];
  const admin = { kind: "organization", roles: ["admin"] } as const;

  app.post(
    "/auth/sign-in",
    {
      config: { access: { kind: "public" }, rateLimit: { max: signInLimitPerMinute, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Sign in with e-mail, password and, when enrolled, a TOTP code",
        body: signInRequestSchema,
        response: { 200: sessionResponseSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { token, response } = await signIn(context, request.body);
      const previous = request.cookies[sessionCookieName(secureCookies)];
      if (previous) await deleteSession(context.db, sha256Hex(previous));
      setSessionCookie(reply, token, { secure: secureCookies, expiresAt: new Date(response.expiresAt) });
      return reply.headers(NO_STORE).send(response);
    },
  );

  app.get(
    "/auth/session",
    {
      config: { access: { kind: "signed_in", duringEnrollment: true } },
      schema: {
        tags,
        summary: "The current session",
        response: { 200: sessionResponseSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
      return reply.headers(NO_STORE).send(await describeSession(context.db, actor.userId, actor.session));
    },
  );

  app.post(
    "/auth/sign-out",
    {
      config: { access: { kind: "signed_in", duringEnrollment: true } },
      schema: {
        tags,
        summary: "End the current session",
        body: emptyBody,
        response: { 204: z.null(), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      if (request.actor.kind === "user") await deleteSession(context.db, request.actor.session.tokenHash);
      clearSessionCookie(reply, { secure: secureCookies });
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/auth/totp/setup",
    {
      config: { access: { kind: "signed_in", duringEnrollment: true } },
      schema: {
        tags,
        summary: "Start two-factor enrollment: a new TOTP secret (outside the sign-in step, give the password)",
        body: totpSetupRequestSchema,
        response: { 200: totpSetupResponseSchema, ...errorResponses(401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
      return reply
        .headers(NO_STORE)
        .send(await startTotpEnrollment(context, actor.userId, actor.session, request.body?.password));
    },
  );

  app.post(
    "/auth/totp/confirm",
    {
      config: { access: { kind: "signed_in", duringEnrollment: true } },
      schema: {
        tags,
        summary: "Confirm two-factor enrollment with a first code",
        body: totpConfirmRequestSchema,
        response: { 200: sessionResponseSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
      return reply
        .headers(NO_STORE)
        .send(await confirmTotpEnrollment(context, actor.userId, actor.session, request.body.code));
    },
  );

  app.get(
    "/organizations",
    {
      config: { access: { kind: "signed_in" } },
      schema: {
        tags,
        summary: "Organizations of the signed-in user, one entry per role",
        response: {
          200: z.object({ organizations: z.array(organizationSchema.extend({ role: roleSchema })) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => ({ organizations: await listMyOrganizations(context, request.actor) }),
  );

  app.get(
    "/organizations/:orgId",
    {
      config: {
        access: {
          kind: "organization",
          roles: ["member", "officer", "admin", "producer", "developer", "auditor"],
          apiKey: true,
        },
      },
      schema: {
        tags,
        summary: "One organization, for its members and API keys",
        params: orgParams,
        response: { 200: organizationSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getOrganization(context, request.actor, request.params.orgId),
  );

  app.get(
    "/organizations/:orgId/members",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Members of an organization (admins)",
        params: orgParams,
        response: { 200: z.object({ members: z.array(organizationMemberSchema) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ members: await listMembers(context, request.actor, request.params.orgId) }),
  );

  app.post(
    "/organizations/:orgId/members",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Give a person a role, creating the user if new (admins)",
        params: orgParams,
        body: addMemberRequestSchema,
        response: { 201: organizationMemberSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addMember(context, request.actor, request.params.orgId, request.body)),
  );

  app.delete(
    "/organizations/:orgId/members/:userId/roles/:role",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Take a role away from a person (admins)",
        params: orgParams.extend({ userId: z.string().uuid(), role: roleSchema }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeMemberRole(context, request.actor, request.params.orgId, request.params.userId, request.params.role);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/organizations/:orgId/api-keys",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "API keys of an organization (admins)",
        params: orgParams,
        response: { 200: z.object({ apiKeys: z.array(apiKeySchema) }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ apiKeys: await listApiKeys(context, request.actor, request.params.orgId) }),
  );

  app.post(
    "/organizations/:orgId/api-keys",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Create an API key; its secret is shown only in this answer (admins)",
        params: orgParams,
        body: createApiKeyRequestSchema,
        response: { 201: createdApiKeySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createApiKey(context, request.actor, request.params.orgId, request.body.name)),
  );

  app.delete(
    "/organizations/:orgId/api-keys/:keyId",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Revoke an API key (admins)",
        params: orgParams.extend({ keyId: z.string().uuid() }),
        response: { 204: z.null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeApiKey(context, request.actor, request.params.orgId, request.params.keyId);
      return reply.code(204).send(null);
    },
  );
};
