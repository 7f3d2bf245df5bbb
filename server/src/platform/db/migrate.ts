import type { Kysely } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import * as identity from "./migrations/0001-identity.ts";
import * as agreements from "./migrations/0002-agreements.ts";
import * as agreementChanges from "./migrations/0003-agreement-changes.ts";
import * as agreementImports from "./migrations/0004-agreement-imports.ts";
import * as agreementSearch from "./migrations/0005-agreement-search.ts";
import * as readerKeys from "./migrations/0006-reader-keys.ts";
import * as reports from "./migrations/0007-reports.ts";
import * as reportAttachments from "./migrations/0008-report-attachments.ts";
import * as reportCaseWork from "./migrations/0009-report-case-work.ts";
import * as transparencyLog from "./migrations/0010-transparency-log.ts";
import * as transparencyFrontier from "./migrations/0011-transparency-frontier.ts";
import * as logIndexes from "./migrations/0012-log-indexes.ts";
import * as consentRegistry from "./migrations/0013-consent-registry.ts";

/** Versioned migrations, in order. Names never change once released. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-identity": identity,
  "0002-agreements": agreements,
  "0003-agreement-changes": agreementChanges,
  "0004-agreement-imports": agreementImports,
  "0005-agreement-search": agreementSearch,
  "0006-reader-keys": readerKeys,
  "0007-reports": reports,
  "0008-report-attachments": reportAttachments,
  "0009-report-case-work": reportCaseWork,
  "0010-transparency-log": transparencyLog,
  "0011-transparency-frontier": transparencyFrontier,
  "0012-log-indexes": logIndexes,
  "0013-consent-registry": consentRegistry,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every pending migration; throws with the failing migration's name. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "schema_migrations",
    migrationLockTableName: "schema_migrations_lock",
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === "Error");
  if (error) {
    throw new Error(
      `Migration ${failed?.migrationName ?? "(unknown)"} failed: ${String(error instanceof Error ? error.message : error)}`,
      { cause: error },
    );
  }
  return results.filter((result) => result.status === "Success").map((result) => result.migrationName);
}
