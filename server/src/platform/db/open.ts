import type { Config } from "../config/config.ts";
import { type DatabaseHandle, openEmbeddedDatabase, openPostgresDatabase } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";

/** Opens the configured database (embedded unless DATABASE_URL is set) and applies pending migrations. */
export async function openMigratedDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir">,
): Promise<DatabaseHandle & { applied: string[] }> {
  const handle = config.databaseUrl
    ? openPostgresDatabase(config.databaseUrl)
    : await openEmbeddedDatabase(config.dataDir);
  try {
    const applied = await migrateToLatest(handle.db);
    return { ...handle, applied };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
