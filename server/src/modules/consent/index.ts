import type { FastifyInstance } from "fastify";
import type { SecretBox } from "../../platform/crypto/secret-box.ts";
import type { DatabaseHandle, Db } from "../../platform/db/database.ts";
import type { ConsentContext } from "./consent.context.ts";
import { CONSENT_CHANNEL } from "./consent.repository.ts";
import { consentRoutes } from "./consent.routes.ts";
import { snapshotRoutes } from "./snapshot/snapshot.routes.ts";
import { SnapshotService } from "./snapshot/snapshot.ts";
import { applyChange, buildDecisionIndex } from "./use-cases/index-sync.ts";

export type { ConsentTables } from "./consent.tables.ts";

/**
 * Serves the consent registry under /api/v1. Its decision index is built from the database, then
 * kept current by each change made here and, through NOTIFY, by changes made on other instances.
 */
export async function registerConsent(
  app: FastifyInstance,
  options: {
    db: Db;
    now: () => Date;
    listen?: DatabaseHandle["listen"];
    /** Opens the log's signing key, which signs the consent snapshot. */
    secretBox: SecretBox;
    /** The transparency log's origin: the snapshot's signed note names it. */
    logOrigin: string;
  },
): Promise<void> {
  const context: ConsentContext = { db: options.db, now: options.now, index: await buildDecisionIndex(options.db) };
  if (options.listen) {
    const stop = await options.listen(CONSENT_CHANNEL, (payload) => {
      applyChange(context, payload).catch((error: unknown) =>
        app.log.error({ err: error }, "consent index update failed"),
      );
    });
    app.addHook("onClose", async () => stop());
  }
  await app.register(consentRoutes, { prefix: "/api/v1", context });
  const snapshots = new SnapshotService({
    source: () => context.index,
    db: options.db,
    secretBox: options.secretBox,
    origin: options.logOrigin,
    now: options.now,
  });
  await app.register(snapshotRoutes, { prefix: "/api/v1", snapshots });
}
