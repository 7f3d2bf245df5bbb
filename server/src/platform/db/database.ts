import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { DatabaseSchema } from "./schema.ts";

export type Db = Kysely<DatabaseSchema>;

export interface DatabaseHandle {
  db: Db;
  engine: "pglite" | "postgres";
  close(): Promise<void>;
}

/** Opens the embedded database in `<dataDir>/pgdata`, creating it atomically on first start. */
export async function openEmbeddedDatabase(dataDir: string): Promise<DatabaseHandle & { created: boolean }> {
  const pgdata = path.join(dataDir, "pgdata");
  const created = !existsSync(pgdata);
  if (created) await createDataFolderAtomically(dataDir, pgdata);
  const pglite = await PGlite.create(pgdata);
  return wrapPglite(pglite, created);
}

/** Wraps an already opened PGlite (tests load one from a migrated snapshot). */
export function wrapPglite(pglite: PGlite, created = false): DatabaseHandle & { created: boolean } {
  const db: Db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    engine: "pglite",
    created,
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Connects to a PostgreSQL server through a `pg` pool. */
export function openPostgresDatabase(url: string, options: { maxConnections?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: "postgres", close: () => db.destroy() };
}

/**
 * A crash during initdb leaves a folder PGlite can never open, so the cluster is built in a
 * temporary sibling and renamed into place only once it is complete.
 */
async function createDataFolderAtomically(dataDir: string, pgdata: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  for (const entry of await readdir(dataDir)) {
    if (entry.startsWith("pgdata.partial-")) await rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
  const partial = path.join(dataDir, `pgdata.partial-${process.pid}`);
  const pglite = await PGlite.create(partial);
  await pglite.close();
  await rename(partial, pgdata);
}
