import type { FastifyInstance } from "fastify";
import type { Db } from "../../platform/db/database.ts";
import { transparencyRoutes } from "./transparency.routes.ts";

export type { TransparencyTables } from "./transparency.tables.ts";
export {
  type AppendedEntry,
  appendEntryToLog,
  appendToLog,
  commitTo,
  eraseSubject,
  type LogEvent,
} from "./use-cases/append.ts";
export {
  ensureLogKey,
  InconsistentLogError,
  rotateLogKey,
  signNewCheckpoint,
  signWithLogKey,
} from "./use-cases/checkpoints.ts";
export { type LogEntry, logSize, readLogEntries } from "./use-cases/read-log.ts";
export { withProofBundle } from "./use-cases/references.ts";
export {
  checkProofBundle,
  databaseLogSource,
  httpLogSource,
  LogVerificationError,
  remoteLogKeys,
  storedLogKeys,
  verifyLog,
} from "./use-cases/verify.ts";

/** Serves the log under /api/v1/log. */
export async function registerTransparency(app: FastifyInstance, options: { db: Db; origin: string }): Promise<void> {
  await app.register(transparencyRoutes, { prefix: "/api/v1", ...options });
}
