import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { prepareAgreementSearch } from "./modules/agreements/index.ts";
import { runReportsMaintenance } from "./modules/reports/index.ts";
import { ensureLogKey, signNewCheckpoint } from "./modules/transparency/index.ts";
import { type Config, isLoopback } from "./platform/config/config.ts";
import { createSecretBox, loadSecretBoxKey } from "./platform/crypto/secret-box.ts";
import type { Db } from "./platform/db/database.ts";
import { openMigratedDatabase } from "./platform/db/open.ts";
import { createSmtpMailer, type Mailer } from "./platform/mail/mailer.ts";
import { DEMO_EMAIL_DOMAIN, describeDemoSignIns, seedDemoIfEmpty } from "./seed/demo.ts";

/** Starts Guildhall: database, migrations, demo data on an empty demo database, HTTP server. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const database = await openMigratedDatabase(config);
  const secretBox = await createSecretBox(await loadSecretBoxKey(config.dataDir, config.secretKey));
  const app = await buildApp({ config, db: database.db, secretBox, listen: database.listen });
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

  const logKey = await ensureLogKey(database.db, secretBox, config.logOrigin, new Date());
  app.log.info({ verifierKey: logKey }, "transparency log signing key");
  const startMaintenance = scheduleReportsMaintenance(app, database.db, config);
  const startCheckpoints = repeatEvery(app, config.checkpointSeconds * 1000, "checkpoint", async () => {
    const checkpoint = await signNewCheckpoint(database.db, secretBox, new Date());
    if (checkpoint.signed) app.log.info({ size: checkpoint.size }, "transparency log checkpoint signed");
  });
  await app.listen({ port: config.port, host: config.host });
  warmUpSearch(app, database.db);
  startMaintenance();
  startCheckpoints();
  return app;
}

/**
 * Expires closed cases and sends reminder e-mails now and every GUILDHALL_MAINTENANCE_MINUTES.
 * Safe with several instances: each reminder is claimed once a day, expiry is idempotent.
 */
function scheduleReportsMaintenance(app: FastifyInstance, db: Db, config: Config): () => void {
  const mailer: Mailer | null = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : null;
  app.addHook("onClose", async () => mailer?.close());
  return repeatEvery(app, config.maintenanceMinutes * 60_000, "reports maintenance", async () => {
    const result = await runReportsMaintenance(db, { mailer, publicOrigin: config.publicOrigin }, new Date());
    if (result.expired + result.reminded > 0) app.log.info(result, "reports maintenance");
  });
}

/**
 * Runs `task` once the returned function is called (after listen), then every `ms`; a failure is
 * logged and the next round tries again. Rounds never overlap; the timer stops when the app closes.
 */
function repeatEvery(app: FastifyInstance, ms: number, name: string, task: () => Promise<void>): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } catch (err) {
      app.log.warn({ err }, `${name} failed; it runs again later`);
    } finally {
      running = false;
    }
  };
  app.addHook("onClose", async () => clearInterval(timer));
  return () => {
    void run();
    timer = setInterval(run, ms);
    timer.unref();
  };
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
