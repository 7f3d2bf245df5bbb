import { readFile, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Command, InvalidArgumentError, Option } from "commander";
import { generateSync } from "otplib";
import { libraryFileSchema } from "../../common/agreements-import.ts";
import { openSnapshotFile, parseSnapshotKey, SnapshotError } from "../../common/consent-snapshot.ts";
import { emailSchema, ORGANIZATION_KINDS, passwordSchema, ROLES } from "../../common/identity.ts";
import {
  evaluateLabelledClauses,
  exportLibrary,
  formatEvaluation,
  importLibraryFile,
} from "./modules/agreements/index.ts";
import { createOrganization, grantRole, issueApiKey } from "./modules/identity/index.ts";
import { runReportsMaintenance } from "./modules/reports/index.ts";
import {
  checkProofBundle,
  databaseLogSource,
  ensureLogKey,
  httpLogSource,
  LogVerificationError,
  remoteLogKeys,
  rotateLogKey,
  signNewCheckpoint,
  storedLogKeys,
  verifyLog,
} from "./modules/transparency/index.ts";
import { type Config, ConfigError, loadConfig } from "./platform/config/config.ts";
import { createSecretBox, loadSecretBoxKey } from "./platform/crypto/secret-box.ts";
import { DatabaseInUseError } from "./platform/db/database.ts";
import { openMigratedDatabase } from "./platform/db/open.ts";
import { AppError } from "./platform/http/app-error.ts";
import { createSmtpMailer } from "./platform/mail/mailer.ts";
import { formatVerifierKey, type NoteVerifier, parseVerifierKey } from "./platform/transparency/note.ts";
import type { LogSource } from "./platform/transparency/verify-log.ts";
import { DEMO_TOTP_SECRET, describeDemoSignIns, seedDemoIfEmpty } from "./seed/demo.ts";
import { startServer } from "./server.ts";

const EXIT_FAILURE = 1;
const EXIT_CONFIG = 78;

const program = new Command()
  .name("guildhall")
  .description("Guildhall: collective agreements, reports, AI consent and transparency for creative-industry unions.")
  .showHelpAfterError("(run with --help for usage)");

program
  .command("serve")
  .description("Start the web app and API (embedded database unless DATABASE_URL is set); applies migrations first.")
  .action(async () => {
    await startServer(loadConfig());
  });

program
  .command("migrate")
  .description("Apply pending database migrations and exit.")
  .action(() =>
    withDatabase(async ({ applied }) => {
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
    }),
  );

program
  .command("seed")
  .description("Add the demo organizations and one person per role (only on an empty database).")
  .action(() =>
    withDatabase(async ({ db, config }) => {
      const secretBox = await createSecretBox(await loadSecretBoxKey(config.dataDir, config.secretKey));
      const signIns = await seedDemoIfEmpty(db, secretBox);
      if (!signIns)
        throw new CliError("The database already has organizations; demo data is only added to an empty one.");
      console.log(describeDemoSignIns(signIns));
    }),
  );

const org = program.command("org").description("Manage organizations.");
org
  .command("create")
  .description("Create an organization and print its id.")
  .requiredOption("--name <name>", "organization name")
  .addOption(new Option("--kind <kind>", "kind of organization").choices(ORGANIZATION_KINDS).makeOptionMandatory())
  .option("--country <code>", "ISO 3166-1 alpha-2 country code", parseCountry)
  .action((options: { name: string; kind: (typeof ORGANIZATION_KINDS)[number]; country?: string }) =>
    withDatabase(async ({ db }) => {
      const created = await createOrganization(db, options);
      console.log(created.id);
    }),
  );

const user = program.command("user").description("Manage users.");
user
  .command("create")
  .description(
    "Create a user (or give an existing one a role) in an organization. A new user's password comes from " +
      "GUILDHALL_NEW_PASSWORD or, with --password-stdin, from standard input (never from the command line, where other users could read it).",
  )
  .requiredOption("--email <email>", "e-mail address", parseWith(emailSchema))
  .requiredOption("--name <name>", "display name")
  .requiredOption("--org <id>", "organization id")
  .addOption(new Option("--role <role>", "role in the organization").choices(ROLES).makeOptionMandatory())
  .option("--password-stdin", "read the new user's password from standard input")
  .action(
    (options: { email: string; name: string; org: string; role: (typeof ROLES)[number]; passwordStdin?: boolean }) =>
      withDatabase(async ({ db }) => {
        const password = options.passwordStdin
          ? await readStdinLine()
          : process.env.GUILDHALL_NEW_PASSWORD || undefined;
        if (password !== undefined) {
          const checked = passwordSchema.safeParse(password);
          if (!checked.success)
            throw new CliError(`the password must have ${checked.error.issues[0]?.message ?? "a valid form"}`);
        }
        const member = await grantRole(db, options.org, {
          email: options.email,
          displayName: options.name,
          role: options.role,
          password,
        });
        console.log(`${member.email} is now ${member.role} (user ${member.userId}).`);
      }),
  );

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

const apikey = program.command("apikey").description("Manage API keys.");
apikey
  .command("create")
  .description("Create an API key for an organization; the secret is printed once.")
  .requiredOption("--org <id>", "organization id")
  .requiredOption("--name <name>", "what the key is for")
  .action((options: { org: string; name: string }) =>
    withDatabase(async ({ db }) => {
      const key = await issueApiKey(db, options.org, options.name, null);
      console.log(key.secret);
      console.error(`API key ${key.id} created. Store the secret now: it is not shown again.`);
    }),
  );

const agreements = program.command("agreements").description("The agreements library.");
agreements
  .command("import")
  .description(
    "Load a library JSON file (as GET /api/v1/agreements/export writes it): taxonomy, baselines and agreements, all or nothing.",
  )
  .argument("<file>", "the JSON file")
  .requiredOption("--org <id>", "the union organization that curates the agreements")
  .action((file: string, options: { org: string }) =>
    withDatabase(async ({ db }) => {
      const library = libraryFileSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
      if (!library.success) throw new CliError(`${file} is not a library file: ${library.error.issues[0]?.message}`);
      await importLibraryFile(db, options.org, library.data);
      console.log(
        `Loaded ${library.data.agreements.length} agreements and ${library.data.taxonomy.codes.length} codes.`,
      );
    }),
  );
agreements
  .command("export")
  .description("Write the whole library as JSON (loads back with `agreements import`).")
  .argument("<file>", "where to write it")
  .action((file: string) =>
    withDatabase(async ({ db }) => {
      const library = await exportLibrary(db);
      await writeFile(file, JSON.stringify(library));
      console.log(`Wrote ${library.agreements.length} agreements to ${file}.`);
    }),
  );
agreements
  .command("evaluate")
  .description(
    "Measure the import's suggested findings against the labelled clauses: precision and recall per code family.",
  )
  .addOption(new Option("--split <split>", "which labelled clauses").choices(["dev", "test", "all"]).default("all"))
  .option("--mistakes", "list every wrong, missed or mis-valued code")
  .action(async (options: { split: "dev" | "test" | "all"; mistakes?: boolean }) => {
    const evaluation = await evaluateLabelledClauses(options.split);
    console.log(`Split: ${options.split}\n${formatEvaluation(evaluation)}`);
    if (options.mistakes) {
      for (const m of evaluation.mistakes) console.log(`${m.kind.padEnd(15)} ${m.code.padEnd(24)} ${m.id}`);
    }
  });

program
  .command("reports-maintain")
  .description(
    "Expire closed cases past their organization's retention and send the day's reminder e-mails (the server also does this on its own).",
  )
  .action(() =>
    withDatabase(async ({ db, config }) => {
      const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : null;
      try {
        const result = await runReportsMaintenance(db, { mailer, publicOrigin: config.publicOrigin }, new Date());
        console.log(
          `Expired ${result.expired} closed case(s); sent ${result.reminded} reminder e-mail(s)${mailer ? "" : " (no GUILDHALL_SMTP_URL: none can be sent)"}.`,
        );
      } finally {
        mailer?.close();
      }
    }),
  );

const log = program.command("log").description("The transparency log.");
log
  .command("keygen")
  .description(
    "Make a new checkpoint signing key and sign with it from now on; the old key stays listed so old checkpoints still verify.",
  )
  .action(() =>
    withDatabase(async ({ db, config }) => {
      const secretBox = await createSecretBox(await loadSecretBoxKey(config.dataDir, config.secretKey));
      const verifierKey = await rotateLogKey(db, secretBox, config.logOrigin, new Date());
      console.log(verifierKey);
      console.error("New signing key made; publish the verifier key above (also at /api/v1/log/keys).");
    }),
  );
log
  .command("checkpoint")
  .description(
    "Sign a checkpoint of the whole log now, after checking it extends the last one (the server does this on its own).",
  )
  .action(() =>
    withDatabase(async ({ db, config }) => {
      const secretBox = await createSecretBox(await loadSecretBoxKey(config.dataDir, config.secretKey));
      await ensureLogKey(db, secretBox, config.logOrigin, new Date());
      const checkpoint = await signNewCheckpoint(db, secretBox, new Date());
      process.stdout.write(checkpoint.note);
      console.error(
        checkpoint.signed
          ? `Signed a checkpoint of ${checkpoint.size} entries.`
          : "The last checkpoint already covers the log.",
      );
    }),
  );

log
  .command("verify")
  .description(
    "Check the whole log from scratch (every entry rehashed, every checkpoint's signature and root) and, with --since, that it only grew since a saved checkpoint. Exits 1, saying where, on any inconsistency.",
  )
  .option("--url <url>", "verify a remote Guildhall over its public API instead of this database")
  .option("--since <file>", "a checkpoint saved earlier (the text of GET /api/v1/log/checkpoint)")
  .option("--key <verifierKey...>", "the log's verifier keys, from a source you trust; default: the keys the log lists")
  .action(async (options: { url?: string; since?: string; key?: string[] }) => {
    const since = options.since === undefined ? undefined : await readFile(options.since, "utf8");
    const keys = options.key?.map((key) => parseVerifierKey(key));
    const onProgress = (done: number, total: number) => process.stderr.write(`\rverified ${done} of ${total} entries`);
    const check = async (source: LogSource, origin: string, listed: NoteVerifier[]) => {
      if (!keys) console.error("No --key given: trusting the keys the log itself lists.");
      try {
        const result = await verifyLog(source, {
          origin,
          keys: keys ?? listed,
          onProgress,
          ...(since ? { since } : {}),
        });
        process.stderr.write("\n");
        console.log(
          `The log is consistent: ${result.size} entries, ${result.checkpoints} signed checkpoints, root ${Buffer.from(result.root).toString("base64")}${since ? "; it only grew since the saved checkpoint" : ""}.`,
        );
      } catch (error) {
        process.stderr.write("\n");
        if (error instanceof LogVerificationError) throw new CliError(error.message);
        throw error;
      }
    };
    if (options.url) {
      const remote = await remoteLogKeys(options.url);
      await check(httpLogSource(options.url), remote.origin, remote.keys);
      return;
    }
    await withDatabase(async ({ db, config }) =>
      check(databaseLogSource(db), config.logOrigin, await storedLogKeys(db)),
    );
  });
log
  .command("verify-bundle")
  .description("Check a proof bundle offline: its checkpoint is signed by the key and the entry is in that tree.")
  .argument("<file>", "the bundle (JSON, as GET /api/v1/log/bundle gives it)")
  .requiredOption("--key <verifierKey>", "the log's verifier key, from a source you trust")
  .action(async (file: string, options: { key: string }) => {
    try {
      const { index, size } = await checkProofBundle(await readFile(file, "utf8"), options.key);
      console.log(`Entry ${index} is in the log of ${size} entries, as signed by ${options.key.split("+")[0]}.`);
    } catch (error) {
      if (error instanceof LogVerificationError) throw new CliError(error.message);
      throw error;
    }
  });

const consent = program.command("consent").description("The AI consent registry.");
consent
  .command("snapshot-check")
  .description(
    "Check items against the signed consent snapshot, offline: one `<useType>|<scheme>:<value>` a line on standard " +
      "input (schemes sha256, fp, isrc, iswc, isan, doi, iscc, url; values as typed, normalized here). Prints the " +
      "items that may be reserved (confirm them with POST /api/v1/consent/check); the others were not reserved " +
      "when the snapshot was made. Exits 0 whatever it finds, 1 when the snapshot does not verify.",
  )
  .option("--snapshot <file>", "a snapshot file (the JSON of GET /api/v1/consent/snapshot)")
  .option("--url <url>", "download the snapshot from this Guildhall, with the API key in GUILDHALL_API_KEY")
  .option("--save <file>", "with --url: also write the downloaded snapshot to this file")
  .option(
    "--key <verifierKey...>",
    "the log's verifier keys, from a source you trust; with --url, default: the keys it lists",
  )
  .action(async (options: { snapshot?: string; url?: string; save?: string; key?: string[] }) => {
    if (Boolean(options.snapshot) === Boolean(options.url)) throw new CliError("give either --snapshot or --url");
    let text: string;
    let keys = options.key;
    if (options.url) {
      const apiKey = process.env.GUILDHALL_API_KEY;
      if (!apiKey) throw new CliError("set GUILDHALL_API_KEY to your organization's API key to download the snapshot");
      const response = await fetch(new URL("/api/v1/consent/snapshot", options.url), {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      if (!response.ok) throw new CliError(`${options.url} answered ${response.status} for the snapshot`);
      text = await response.text();
      if (options.save) await writeFile(options.save, text);
      if (!keys) {
        console.error("No --key given: trusting the keys the log itself lists.");
        keys = (await remoteLogKeys(options.url)).keys.map((key) => formatVerifierKey(key.name, key.publicKey));
      }
    } else {
      text = await readFile(options.snapshot as string, "utf8");
      if (!keys)
        throw new CliError("give the log's verifier key with --key (GET /api/v1/log/keys, from a source you trust)");
    }
    let snapshot: Awaited<ReturnType<typeof openSnapshotFile>>;
    try {
      snapshot = await openSnapshotFile(text, keys);
    } catch (error) {
      if (error instanceof SnapshotError) throw new CliError(error.message);
      throw error;
    }
    const created = snapshot.createdAt.toISOString();
    console.error(
      `Snapshot of ${snapshot.keyCount} keys made ${created}, signed by ${snapshot.signedBy.split("+")[0]}; ` +
        `false positives at most ${snapshot.falsePositiveRate.toExponential(2)} of the items it does not hold.`,
    );
    const started = performance.now();
    let checked = 0;
    let hits = 0;
    let unread = 0;
    let out: string[] = [];
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (line.trim() === "") continue;
      const key = parseSnapshotKey(line);
      if (!key) {
        if (++unread <= 10) console.error(`not an item (<useType>|<scheme>:<value>): ${line.slice(0, 200)}`);
        continue;
      }
      checked++;
      if (snapshot.mayBeReserved(key.useType, key.name)) {
        hits++;
        out.push(`${key.useType}|${key.name}\n`);
        if (out.length >= 10_000) {
          process.stdout.write(out.join(""));
          out = [];
        }
      }
    }
    process.stdout.write(out.join(""));
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `Checked ${checked} item(s) in ${seconds.toFixed(2)} s: ${hits} may be reserved (confirm with POST ` +
        `/api/v1/consent/check), ${checked - hits} not reserved as of ${created}` +
        `${unread ? `; ${unread} line(s) not understood` : ""}.`,
    );
  });

program
  .command("demo-totp")
  .description("Print the current two-factor code for the demo officer and admin (demo secret only).")
  .action(() => {
    console.log(generateSync({ secret: DEMO_TOTP_SECRET }));
  });

class CliError extends Error {}

interface CliDatabase {
  db: Awaited<ReturnType<typeof openMigratedDatabase>>["db"];
  applied: string[];
  config: Config;
}

/** Opens the configured database for one command and always closes it. */
async function withDatabase(action: (database: CliDatabase) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await openMigratedDatabase(config);
  try {
    await action({ db: database.db, applied: database.applied, config });
  } finally {
    await database.close();
  }
}

function parseWith(schema: {
  safeParse(value: string): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } };
}) {
  return (value: string): string => {
    const result = schema.safeParse(value);
    if (!result.success) throw new InvalidArgumentError(result.error?.issues[0]?.message ?? "not valid");
    return String(result.data);
  };
}

function parseCountry(value: string): string {
  if (!/^[A-Za-z]{2}$/.test(value)) throw new InvalidArgumentError("use a two-letter ISO 3166-1 code, e.g. DE");
  return value.toUpperCase();
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(EXIT_CONFIG);
  }
  const expected = error instanceof AppError || error instanceof CliError || error instanceof DatabaseInUseError;
  const message = expected ? error.message : describeUnexpected(error);
  console.error(`guildhall: ${message}`);
  process.exit(EXIT_FAILURE);
}

function describeUnexpected(error: unknown): string {
  if (error instanceof Error && /invalid input syntax for type uuid/.test(error.message))
    return "that id is not a valid id";
  if (error instanceof Error && /foreign key/.test(error.message)) return "no organization with that id";
  return error instanceof Error ? error.message : String(error);
}
