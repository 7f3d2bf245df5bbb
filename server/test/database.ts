import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { type DatabaseHandle, openPostgresDatabase, PGLITE_OPTIONS, wrapPglite } from "../src/platform/db/database.ts";
import { runOnServer, withDatabase } from "./global-setup.ts";

/**
 * A fresh, migrated database for one test file: a copy of the PGlite snapshot, or on a
 * PostgreSQL server (GUILDHALL_TEST_DATABASE_URL) a new database cloned from the template.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.GUILDHALL_TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (serverUrl && template) {
    const name = `${template}_${randomBytes(6).toString("hex")}`;
    await runOnServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    const handle = openPostgresDatabase(withDatabase(serverUrl, name), { maxConnections: 5 });
    return {
      ...handle,
      async close() {
        await handle.close();
        await runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
      },
    };
  }
  const snapshot = await readFile(inject("pgliteSnapshot"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([snapshot]), ...PGLITE_OPTIONS });
  return wrapPglite(pglite);
}
