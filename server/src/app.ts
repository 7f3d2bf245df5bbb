import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import { registerAgreements } from "./modules/agreements/index.ts";
import { registerConsent } from "./modules/consent/index.ts";
import { ApiKeyCache, identityPlugin } from "./modules/identity/index.ts";
import { registerReports } from "./modules/reports/index.ts";
import { registerTransparency } from "./modules/transparency/index.ts";
import type { RouteAccess } from "./platform/auth/actor.ts";
import type { Config } from "./platform/config/config.ts";
import type { SecretBox } from "./platform/crypto/secret-box.ts";
import type { DatabaseHandle, Db } from "./platform/db/database.ts";
import { AppError } from "./platform/http/app-error.ts";
import { installErrorHandler, sendNotFound } from "./platform/http/error-handler.ts";
import { errorResponses } from "./platform/http/error-schema.ts";
import { installSecurityHeaders } from "./platform/http/security-headers.ts";
import { loggerOptions } from "./platform/log/logger.ts";

export interface AppDependencies {
  config: Config;
  db: Db;
  secretBox: SecretBox;
  /** The clock; tests move it to expire sessions and lockouts. */
  now?: () => Date;
  /** Where the built web app is; defaults to web/dist. */
  webRoot?: string;
  /** NOTIFY from every instance on the database; in-memory indexes stay current through it. */
  listen?: DatabaseHandle["listen"];
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Builds the whole application: platform plugins, then each module, then the web app. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: loggerOptions(config),
    // Trust exactly as many X-Forwarded-For hops as there are proxies in front.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  requireDeclaredAccess(app);

  installSecurityHeaders(app, { https: config.secureCookies });
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: "1 minute",
    errorResponseBuilder: (_request, context) =>
      new AppError("rate_limited", "Too many requests. Slow down and try again.", {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
  await app.register(cookie);
  await app.register(formbody);
  await registerApiDocs(app);

  app.get(
    "/api/health",
    {
      config: { access: { kind: "public" }, rateLimit: false },
      schema: { tags: ["platform"], summary: "Liveness", response: { 200: z.object({ status: z.literal("ok") }) } },
    },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/api/ready",
    {
      config: { access: { kind: "public" }, rateLimit: false },
      schema: {
        tags: ["platform"],
        summary: "Readiness: the database answers",
        response: { 200: z.object({ status: z.literal("ready") }), ...errorResponses(503) },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(deps.db);
      } catch (error) {
        throw new AppError("unavailable", "The database does not answer.", { cause: error });
      }
      return { status: "ready" as const };
    },
  );

  const identityContext = {
    db: deps.db,
    secretBox: deps.secretBox,
    sessionHours: config.sessionHours,
    now: deps.now ?? (() => new Date()),
    apiKeys: new ApiKeyCache(),
  };
  await app.register(identityPlugin, {
    context: identityContext,
    secureCookies: config.secureCookies,
    signInLimitPerMinute: config.signInLimitPerMinute,
    publicOrigin: config.publicOrigin,
    listen: deps.listen,
  });

  await registerAgreements(app, { db: deps.db, now: identityContext.now });
  await registerReports(app, {
    db: deps.db,
    now: identityContext.now,
    followUpLimitPerMinute: config.signInLimitPerMinute,
  });

  await registerTransparency(app, { db: deps.db, origin: config.logOrigin });
  await registerConsent(app, {
    db: deps.db,
    now: identityContext.now,
    listen: deps.listen,
    secretBox: deps.secretBox,
    logOrigin: config.logOrigin,
  });

  const servesWebApp = await serveWebApp(app, deps.webRoot ?? DEFAULT_WEB_ROOT);
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split("?")[0] ?? "/";
    const isPage = request.method === "GET" && !API_PATH.test(pathname) && !path.extname(pathname);
    if (servesWebApp && isPage) return reply.header("cache-control", "no-cache").sendFile("index.html");
    return sendNotFound(request, reply);
  });
  return app;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every API route with its declared access, for the authorization test. */
    apiRoutes: DeclaredRoute[];
  }
}

const API_PATH = /^\/api(?:[/?]|$)/i;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every API route, and every route that changes state anywhere, must say who may call it;
 * a forgotten declaration stops the server at boot. Only the reference page and the web
 * app's static files are exempt.
 */
function requireDeclaredAccess(app: FastifyInstance): void {
  const routes: DeclaredRoute[] = [];
  app.decorate("apiRoutes", routes);
  app.addHook("onRoute", (route) => {
    const methods = [route.method].flat();
    const isDocs = route.url.startsWith("/api/docs");
    const needsDeclaration = (API_PATH.test(route.url) && !isDocs) || methods.some((m) => !SAFE_METHODS.has(m));
    const access = route.config?.access;
    if (!needsDeclaration) return;
    if (!access) throw new Error(`Route ${methods.join(",")} ${route.url} does not declare config.access.`);
    for (const method of methods) if (method !== "HEAD") routes.push({ method, url: route.url, access });
  });
}

async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Guildhall API",
        version: "1",
        description:
          "Agreements, reports, AI consent, transparency, compensation and labour statistics for creative-industry unions.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "guildhall_session" },
          apiKey: { type: "http", scheme: "bearer", description: "An organization API key: gh_<prefix>_<secret>" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The reference page loads nothing from third parties; Swagger UI needs inline styles there only.
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { validatorUrl: null },
    staticCSP:
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  });
}

/**
 * Serves the built single-page app. Paths that name no file (`/admin`, `/sign-in`) get
 * index.html from the not-found handler so the client router can take them; a missing file
 * (`/assets/old.js`) stays a 404 so a stale tab fails clearly. Files are looked up per
 * request, so a rebuild needs no restart.
 */
async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<boolean> {
  if (!existsSync(path.join(webRoot, "index.html"))) {
    app.log.warn({ webRoot }, "web app not built: run `npm run build:web`; serving the API only");
    return false;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ["index.html"] });
  return true;
}
