import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { prepareAgreementSearch } from "./modules/agreements/index.ts";
import { type Config, isLoopback } from "./platform/config/config.ts";
import { createSecretBox, loadSecretBoxKey } from "./platform/crypto/secret-box.ts";
import type { Db } from "./platform/db/database.ts";
import { openMigratedDatabase } from "./platform/db/open.ts";
import { DEMO_EMAIL_DOMAIN, describeDemoSignIns, seedDemoIfEmpty } from "./seed/demo.ts";

/** Starts Guildhall: database, migrations, demo data on an empty demo database, HTTP server. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const database = await openMigratedDatabase(config);
  const secretBox = await createSecretBox(await loadSecretBoxKey(config.dataDir, config.secretKey));
  const app = await buildApp({ config, db: database.db, secretBox });
  app.addHook("onClose", async () => database.close());

  if (database.applied.length > 0) app.log.info({ migrations: database.applied }, "migrations applied");
  await refuseDemoAccountsOnNetwork(config, database.db);
  const signIns = config.seedDemo ? await seedDemoIfEmpty(database.db, secretBox) : null;
  if (signIns) {
    app.log.info("demo data seeded");
    process.stdout.write(`\n${describeDemoSignIns(signIns)}\n\n`);
  }

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "closing after an error");
    else app.log.info({ signal }, "shutting down");
    await app.close();
  });

  await app.listen({ port: config.port, host: config.host });
  warmUpSearch(app, database.db);
  return app;
}

/** Loads the agreements search indexes in the background, so the first search does not wait for them. */
function warmUpSearch(app: FastifyInstance, db: Db): void {
  const started = performance.now();
  prepareAgreementSearch(db).then(
    (loaded) =>
      app.log.info({ ...loaded, ms: Math.round(performance.now() - started) }, "agreements search indexes loaded"),
    (err: unknown) => app.log.warn({ err }, "agreements search indexes not loaded; searches load them"),
  );
}

/** Demo accounts have public passwords: never serve them beyond this machine unless the operator asked for demo data. */
async function refuseDemoAccountsOnNetwork(config: Config, db: Db): Promise<void> {
  if (isLoopback(config.host) || config.explicitDemo) return;
  const demoAccount = await db
    .selectFrom("users")
    .select("id")
    .where("email", "like", `%@${DEMO_EMAIL_DOMAIN}`)
    .limit(1)
    .executeTakeFirst();
  if (demoAccount) {
    throw new Error(
      `This database holds demo accounts with public passwords and HOST=${config.host} is reachable from the network. ` +
        "Use a fresh GUILDHALL_DATA_DIR, or set GUILDHALL_SEED_DEMO=true to accept the demo accounts.",
    );
  }
}
