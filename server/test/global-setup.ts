import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPostgresDatabase, wrapPglite } from "../src/platform/db/database.ts";
import { migrateToLatest } from "../src/platform/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Tarball of a migrated PGlite data folder, loaded by each test file. */
    pgliteSnapshot: string;
    /** On PostgreSQL: the migrated template database each test file copies. */
    postgresTemplate: string;
  }
}

/** Migrates once per run; each test file then gets its own copy of the migrated database. */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.GUILDHALL_TEST_DATABASE_URL;
  if (serverUrl) return setupPostgres(project, serverUrl);
  const folder = path.resolve(".tmp", `vitest-${process.pid}`);
  await mkdir(folder, { recursive: true });
  const snapshot = path.join(folder, "migrated.tar.gz");
  const dump = await dumpMigrated();
  await writeFile(snapshot, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteSnapshot", snapshot);
  project.provide("postgresTemplate", "");
  return async () => rm(folder, { recursive: true, force: true });
}

async function dumpMigrated(): Promise<Blob> {
  const pglite = await PGlite.create();
  await migrateToLatest(wrapPglite(pglite).db);
  const dump = await pglite.dumpDataDir("gzip");
  await pglite.close();
  return dump;
}

async function setupPostgres(project: TestProject, serverUrl: string) {
  const template = `guildhall_template_${process.pid}`;
  await runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${template}`);
  await runOnServer(serverUrl, `CREATE DATABASE ${template}`);
  const handle = openPostgresDatabase(withDatabase(serverUrl, template), { maxConnections: 1 });
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide("pgliteSnapshot", "");
  project.provide("postgresTemplate", template);
  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${template}%`,
    ]);
    for (const row of rows.reverse()) await client.query(`DROP DATABASE IF EXISTS ${row.datname}`);
    await client.end();
  };
}

export async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
