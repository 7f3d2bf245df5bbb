import fp from "fastify-plugin";
import type { DatabaseHandle } from "../../platform/db/database.ts";
import { API_KEY_CHANNEL } from "./api-key-cache.ts";
import { checkCsrf, checkFormCsrf, enforceAccess, resolveActor } from "./authenticate.ts";
import type { IdentityContext } from "./identity.context.ts";
import { identityRoutes } from "./identity.routes.ts";

export { ApiKeyCache } from "./api-key-cache.ts";
export type { IdentityContext } from "./identity.context.ts";
export { findUserByEmail } from "./identity.repository.ts";
export type { IdentityTables } from "./identity.tables.ts";
export { enrollTotpSecret } from "./use-cases/enroll-totp.ts";
export { issueApiKey } from "./use-cases/manage-api-keys.ts";
export { grantRole } from "./use-cases/manage-members.ts";
export {
  createOrganization,
  filterUnions,
  organizationNames,
  userDisplayNames,
} from "./use-cases/organizations.ts";
export {
  createReaderKeysIfMissing,
  listOfficers,
  listReportReceivers,
  officerReaderKeys,
  unlockReaderKey,
} from "./use-cases/reader-keys.ts";

export interface IdentityPluginOptions {
  context: IdentityContext;
  /** NOTIFY from every instance: revoked API keys are forgotten everywhere. */
  listen?: DatabaseHandle["listen"];
  secureCookies: boolean;
  signInLimitPerMinute: number;
  /** When set (behind a proxy), the only Origin accepted on state-changing requests. */
  publicOrigin: string | undefined;
}

/**
 * Resolves the caller of every request, enforces each route's declared access and CSRF rules
 * before the body is read (after rate limiting), and serves the identity routes under /api/v1.
 */
export const identityPlugin = fp<IdentityPluginOptions>(
  async (app, options) => {
    app.decorateRequest("actor", null as never);
    // preParsing runs after the rate limiter (onRequest) and before the body is read.
    app.addHook("preParsing", async (request, _reply, payload) => {
      request.actor = { kind: "anonymous" };
      const access = request.routeOptions.config.access;
      if (!access) return payload;
      request.actor = await resolveActor(options.context, request, options.secureCookies);
      enforceAccess(request, access);
      if (checkCsrf(request, options.publicOrigin) === "needs_form_token") request.requiresFormCsrf = true;
      return payload;
    });
    // Form posts carry their CSRF token in the body: checked once parsed, before validation.
    app.addHook("preValidation", async (request) => {
      if (request.requiresFormCsrf) checkFormCsrf(request);
    });
    const { apiKeys } = options.context;
    if (options.listen && apiKeys) {
      const stop = await options.listen(API_KEY_CHANNEL, (prefix) => {
        if (prefix === "*") apiKeys.clear();
        else apiKeys.forget(prefix);
      });
      app.addHook("onClose", async () => stop());
    }
    await app.register(identityRoutes, { prefix: "/api/v1", ...options });
  },
  { name: "identity" },
);

declare module "fastify" {
  interface FastifyRequest {
    requiresFormCsrf?: boolean;
  }
}
