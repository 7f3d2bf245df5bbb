import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import type { Config } from "./platform/config/config.ts";
import { createSecretBox, loadSecretBoxKey } from "./platform/crypto/secret-box.ts";
import { openMigratedDatabase } from "./platform/db/open.ts";
import { describeDemoSignIns, seedDemo } from "./seed/demo.ts";

/** Starts Guildhall: database, migrations, demo data on an empty demo database, HTTP server. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const database = await openMigratedDatabase(config);
  const secretBox = await createSecretBox(await loadSecretBoxKey(config.dataDir, config.secretKey));
  const app = await buildApp({ config, db: database.db, secretBox });
  app.addHook("onClose", async () => database.close());

  if (database.applied.length > 0) app.log.info({ migrations: database.applied }, "migrations applied");
  if (config.seedDemo && (await isEmpty(database.db))) {
    const signIns = await seedDemo(database.db, secretBox);
    app.log.info("demo data seeded");
    process.stdout.write(`\n${describeDemoSignIns(signIns)}\n\n`);
  }

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, "closing after an error");
    else app.log.info({ signal }, "shutting down");
    await app.close();
  });

  await app.listen({ port: config.port, host: config.host });
  return app;
}

async function isEmpty(db: Parameters<typeof seedDemo>[0]): Promise<boolean> {
  const row = await db.selectFrom("organizations").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}
