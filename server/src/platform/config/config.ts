import path from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0-65535")
    .max(65535, "must be 0-65535")
    .default(3000),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  GUILDHALL_DATA_DIR: z.string().min(1, "must not be empty").default("./var"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  GUILDHALL_LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  GUILDHALL_SEED_DEMO: booleanFlag.optional(),
  GUILDHALL_SESSION_HOURS: z.coerce
    .number({ message: "must be a number" })
    .positive("must be above 0")
    .max(720)
    .default(12),
  GUILDHALL_SECURE_COOKIES: booleanFlag.optional(),
  GUILDHALL_RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: "must be a number" }).int().positive().default(600),
  GUILDHALL_SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number({ message: "must be a number" }).int().positive().default(20),
  GUILDHALL_TRUST_PROXY: booleanFlag.default(false),
  GUILDHALL_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 bytes in base64 (openssl rand -base64 32)")
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Demo data is seeded on an empty embedded database unless turned off; on PostgreSQL only when asked. */
  seedDemo: boolean;
  sessionHours: number;
  /** Cookies carry `Secure` unless the server listens on loopback for local use. */
  secureCookies: boolean;
  rateLimitPerMinute: number;
  /** Sign-in attempts per minute from one address, on top of the per-account lockout. */
  signInLimitPerMinute: number;
  trustProxy: boolean;
  /** Key for secrets the server keeps encrypted at rest; from the data folder when not given. */
  secretKey: string | undefined;
}

/** Raised at boot with one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) =>
          `${issue.path.join(".")}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])] ?? "")})`,
      ),
    );
  }
  const value = parsed.data;
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir: path.resolve(value.GUILDHALL_DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    logLevel: value.GUILDHALL_LOG_LEVEL,
    seedDemo: value.GUILDHALL_SEED_DEMO ?? value.DATABASE_URL === undefined,
    sessionHours: value.GUILDHALL_SESSION_HOURS,
    secureCookies: value.GUILDHALL_SECURE_COOKIES ?? !LOOPBACK_HOSTS.has(value.HOST),
    rateLimitPerMinute: value.GUILDHALL_RATE_LIMIT_PER_MINUTE,
    signInLimitPerMinute: value.GUILDHALL_SIGN_IN_LIMIT_PER_MINUTE,
    trustProxy: value.GUILDHALL_TRUST_PROXY,
    secretKey: value.GUILDHALL_SECRET_KEY,
  };
}

function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
}
