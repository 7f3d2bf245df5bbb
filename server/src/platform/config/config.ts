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
  GUILDHALL_TRUST_PROXY: z.coerce
    .number({ message: "must be the number of reverse proxies in front (0 for none)" })
    .int("must be a whole number")
    .min(0)
    .max(10)
    .default(0),
  GUILDHALL_PUBLIC_ORIGIN: z
    .string()
    .regex(/^https?:\/\/[^/\s]+$/, "must be scheme and host only, e.g. https://guildhall.example.org")
    .optional(),
  GUILDHALL_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.org")
    .optional(),
  GUILDHALL_MAIL_FROM: z.string().min(3).max(200).default("Guildhall <guildhall@localhost>"),
  GUILDHALL_MAINTENANCE_MINUTES: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1)
    .max(24 * 60)
    .default(60),
  GUILDHALL_LOG_ORIGIN: z
    .string()
    .regex(/^[^\s+]+$/, "must be one word without spaces or +, e.g. guildhall.example.org/log")
    .optional(),
  GUILDHALL_CHECKPOINT_SECONDS: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1)
    .max(86_400)
    .default(30),
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
  /** Demo data is seeded on an empty embedded database on loopback unless turned off; otherwise only when asked. */
  seedDemo: boolean;
  /** The operator asked for demo data (GUILDHALL_SEED_DEMO=true), accepting its public passwords. */
  explicitDemo: boolean;
  sessionHours: number;
  /** Cookies carry `Secure` unless the server listens on loopback for local use. */
  secureCookies: boolean;
  rateLimitPerMinute: number;
  /** Sign-in attempts per minute from one address, on top of the per-account lockout. */
  signInLimitPerMinute: number;
  /** How many reverse proxies to trust for the client address (X-Forwarded-For hops). */
  trustProxy: number;
  /** The origin browsers use (behind a proxy); state-changing requests from any other are refused. */
  publicOrigin: string | undefined;
  /** Key for secrets the server keeps encrypted at rest; from the data folder when not given. */
  secretKey: string | undefined;
  /** Where reminder e-mails go out; none are sent without it. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How often reminders and the expiry of closed cases run. */
  maintenanceMinutes: number;
  /** The transparency log's name in its checkpoints (C2SP origin). */
  logOrigin: string;
  /** How often a new checkpoint is signed when the log has grown. */
  checkpointSeconds: number;
}

/** Raised at boot with one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);
/** Values never echoed in configuration errors: they may hold credentials. */
const SECRET_VARIABLES = new Set(["DATABASE_URL", "GUILDHALL_SECRET_KEY", "GUILDHALL_SMTP_URL"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host);
}

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const got = SECRET_VARIABLES.has(name) ? "value hidden" : `got ${JSON.stringify(env[name] ?? "")}`;
        return `${issue.path.join(".")}: ${issue.message} (${got})`;
      }),
    );
  }
  const value = parsed.data;
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir: path.resolve(value.GUILDHALL_DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    logLevel: value.GUILDHALL_LOG_LEVEL,
    seedDemo: value.GUILDHALL_SEED_DEMO ?? (value.DATABASE_URL === undefined && isLoopback(value.HOST)),
    explicitDemo: value.GUILDHALL_SEED_DEMO === true,
    sessionHours: value.GUILDHALL_SESSION_HOURS,
    secureCookies:
      value.GUILDHALL_SECURE_COOKIES ??
      (!isLoopback(value.HOST) ||
        value.GUILDHALL_TRUST_PROXY > 0 ||
        value.GUILDHALL_PUBLIC_ORIGIN?.startsWith("https:") === true),
    rateLimitPerMinute: value.GUILDHALL_RATE_LIMIT_PER_MINUTE,
    signInLimitPerMinute: value.GUILDHALL_SIGN_IN_LIMIT_PER_MINUTE,
    trustProxy: value.GUILDHALL_TRUST_PROXY,
    publicOrigin: value.GUILDHALL_PUBLIC_ORIGIN,
    secretKey: value.GUILDHALL_SECRET_KEY,
    smtpUrl: value.GUILDHALL_SMTP_URL,
    mailFrom: value.GUILDHALL_MAIL_FROM,
    maintenanceMinutes: value.GUILDHALL_MAINTENANCE_MINUTES,
    logOrigin:
      value.GUILDHALL_LOG_ORIGIN ??
      `${value.GUILDHALL_PUBLIC_ORIGIN ? new URL(value.GUILDHALL_PUBLIC_ORIGIN).host : "guildhall.localhost"}/log`,
    checkpointSeconds: value.GUILDHALL_CHECKPOINT_SECONDS,
  };
}

function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
}
