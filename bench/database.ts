import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Config, loadConfig } from "../server/src/platform/config/config.ts";
import { openMigratedDatabase } from "../server/src/platform/db/open.ts";
import type { MeasureContext } from "./harness.ts";

/**
 * A migrated database for one measurement: a fresh embedded PGlite in `$TMPDIR/guildhall-bench-*`,
 * or the PostgreSQL server at DATABASE_URL. Both are closed (and the folder removed) by the
 * context's cleanups.
 */
export async function openBenchDatabase(
  context: MeasureContext,
  env: Record<string, string> = {},
): Promise<{ config: Config; database: Awaited<ReturnType<typeof openMigratedDatabase>> }> {
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), "guildhall-bench-"));
  context.defer(`remove ${tmpDir}`, () => rm(tmpDir, { recursive: true, force: true }));
  const databaseUrl = process.env.DATABASE_URL;
  const config = loadConfig({
    GUILDHALL_DATA_DIR: tmpDir,
    GUILDHALL_LOG_LEVEL: "silent",
    ...env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  context.progress(databaseUrl ? "migrating the PostgreSQL database at DATABASE_URL" : "creating an embedded database");
  const database = await openMigratedDatabase(config);
  context.defer("close the database", () => database.close());
  return { config, database };
}
