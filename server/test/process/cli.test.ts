// The `guildhall` command line as an operator uses it: help, configuration errors, migrations,
// seeding, creating organizations, users and API keys, and what happens on bad input.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type CliResult,
  DEMO_PEOPLE,
  killAllChildren,
  makeDataDir,
  ON_POSTGRES,
  removeDataDirs,
  runCli,
  signIn,
  startServer,
} from "./harness.ts";

const API_KEY = /^gh_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/;
const UNKNOWN_ORG = "00000000-0000-4000-8000-000000000000";
const PASSWORD = "a long enough password";

afterEach(killAllChildren);
afterAll(removeDataDirs);

/** A failure an operator can act on: non-zero exit, one clear line, no stack trace. */
function expectCleanFailure(result: CliResult, code: number, message: RegExp) {
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(code);
  expect(result.stderr).toMatch(message);
  expect(result.stderr, "no stack trace").not.toMatch(/^\s+at\s/m);
  expect(result.stderr).not.toMatch(/node_modules|\.ts:\d+/);
}

// Each command is a fresh Node process that opens the database: seconds apiece on a busy machine.
describe.skipIf(ON_POSTGRES)("[PROCESS] guildhall command line (embedded database)", { timeout: 120_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let organizationId: string;

  beforeAll(async () => {
    dataDir = await makeDataDir();
    env = { GUILDHALL_DATA_DIR: dataDir, GUILDHALL_LOG_LEVEL: "warn" };
  });

  it("--help lists every command", async () => {
    const result = await runCli(["--help"], env);
    expect(result.code).toBe(0);
    for (const command of [
      "serve",
      "migrate",
      "seed",
      "org",
      "user",
      "apikey",
      "reports-maintain",
      "log",
      "demo-totp",
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  it("each command's --help exits 0 and describes its options", async () => {
    const expectations: [string[], string[]][] = [
      [["serve"], ["Start the web app and API", "migrations"]],
      [["migrate"], ["Apply pending database migrations"]],
      [["seed"], ["demo", "empty database"]],
      [
        ["org", "create"],
        ["--name <name>", "--kind <kind>", "union", "producer", "ai_developer", "authority", "--country <code>"],
      ],
      [
        ["user", "create"],
        [
          "--email <email>",
          "--name <name>",
          "--org <id>",
          "--role <role>",
          "member",
          "admin",
          "--password-stdin",
          "GUILDHALL_NEW_PASSWORD",
        ],
      ],
      [
        ["apikey", "create"],
        ["--org <id>", "--name <name>", "secret"],
      ],
      [["demo-totp"], ["two-factor"]],
    ];
    const results = await Promise.all(expectations.map(([args]) => runCli([...args, "--help"], env)));
    results.forEach((result, i) => {
      const [args, fragments] = expectations[i] ?? [[], []];
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain(`Usage: guildhall ${args.join(" ")} [options]`);
      for (const fragment of fragments) expect(result.stdout, args.join(" ")).toContain(fragment);
    });
    // Nothing was created by asking for help.
    expect(existsSync(path.join(dataDir, "pgdata"))).toBe(false);
  });

  it("exits 78 on bad configuration, naming each bad variable, before touching the data folder", async () => {
    const untouched = path.join(dataDir, "never-created");
    const base = { GUILDHALL_DATA_DIR: untouched };
    const [port, logLevel, both, databaseUrl] = await Promise.all([
      runCli(["migrate"], { ...base, PORT: "abc" }),
      runCli(["migrate"], { ...base, GUILDHALL_LOG_LEVEL: "loud" }),
      runCli(["serve"], { ...base, PORT: "abc", GUILDHALL_LOG_LEVEL: "loud" }),
      runCli(["migrate"], { ...base, DATABASE_URL: "mysql://localhost/guildhall" }),
    ]);
    expectCleanFailure(port, 78, /PORT: must be a number \(got "abc"\)/);
    expectCleanFailure(logLevel, 78, /GUILDHALL_LOG_LEVEL: .*\(got "loud"\)/);
    expectCleanFailure(both, 78, /PORT/);
    expect(both.stderr).toMatch(/GUILDHALL_LOG_LEVEL/);
    expectCleanFailure(databaseUrl, 78, /DATABASE_URL: must start with postgres/);
    expect(existsSync(untouched)).toBe(false);
  });

  it("rejects usage errors with exit 1 and a pointer to --help", async () => {
    const [unknown, missingKind, badKind, badCountry, badRole] = await Promise.all([
      runCli(["bogus"], env),
      runCli(["org", "create", "--name", "X"], env),
      runCli(["org", "create", "--name", "X", "--kind", "guild"], env),
      runCli(["org", "create", "--name", "X", "--kind", "union", "--country", "Germany"], env),
      runCli(["user", "create", "--email", "a@b.test", "--name", "A", "--org", UNKNOWN_ORG, "--role", "chief"], env),
    ]);
    expectCleanFailure(unknown, 1, /unknown command 'bogus'/);
    expectCleanFailure(missingKind, 1, /required option '--kind <kind>' not specified/);
    expectCleanFailure(badKind, 1, /--kind.*'guild' is invalid.*union, producer, ai_developer, authority/);
    expectCleanFailure(badCountry, 1, /--country.*two-letter/);
    expectCleanFailure(badRole, 1, /--role.*'chief' is invalid/);
    for (const result of [unknown, missingKind, badKind, badCountry, badRole])
      expect(result.stderr).toContain("--help");
  });

  it("migrate applies the migrations on a fresh folder, then reports it is up to date", {
    timeout: 120_000,
  }, async () => {
    const first = await runCli(["migrate"], env, 110_000);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Applied: 0001-identity/m);
    expect(existsSync(path.join(dataDir, "pgdata", "PG_VERSION"))).toBe(true);
    const second = await runCli(["migrate"], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe("Database is up to date.");
  });

  it("seed fills an empty database once and refuses a non-empty one", async () => {
    const seeded = await runCli(["seed"], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain("Demo sign-ins (password for all: guildhall-demo-2026)");
    for (const person of DEMO_PEOPLE) expect(seeded.stdout).toContain(person.email);

    const again = await runCli(["seed"], env);
    expectCleanFailure(again, 1, /^guildhall: The database already has organizations/m);
    expect(again.stdout).toBe("");
  });

  it("creates an organization and prints only its id", async () => {
    const result = await runCli(["org", "create", "--name", "Test Union", "--kind", "union", "--country", "de"], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    organizationId = result.stdout.trim();
  });

  /** `guildhall user create` for an admin of the test organization, with a password (in the environment) unless told otherwise. */
  const user = (email: string, password: string | null = PASSWORD, org = organizationId) =>
    runCli(
      ["user", "create", "--email", email, "--name", "Ada Admin", "--org", org, "--role", "admin"],
      password === null ? env : { ...env, GUILDHALL_NEW_PASSWORD: password },
    );

  it("user create explains bad input clearly, then creates the user", async () => {
    expectCleanFailure(await user("not-an-email"), 1, /--email.*'not-an-email' is invalid/);
    expectCleanFailure(await user("ada@cli.test", "short"), 1, /12 characters/);
    expectCleanFailure(await user("ada@cli.test", null), 1, /password is needed for a new user/i);
    const unknownOrg = await user("ada@cli.test", undefined, UNKNOWN_ORG);
    expectCleanFailure(unknownOrg, 1, /^guildhall: no organization with that id$/m);
    expectCleanFailure(await user("ada@cli.test", undefined, "nope"), 1, /^guildhall: that id is not a valid id$/m);
    // The refused attempts left no half-created user behind: a password is still required.
    expectCleanFailure(await user("ada@cli.test", null), 1, /password is needed for a new user/i);

    const created = await user("Ada@CLI.test");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^ada@cli\.test is now admin \(user [0-9a-f-]{36}\)\.$/m);
    expect(created.stdout + created.stderr).not.toContain(PASSWORD);

    // An existing account: no password needed, and the same role twice is refused.
    expectCleanFailure(await user("ada@cli.test", null), 1, /already has this role/);
  });

  it("user create reads the password from standard input with --password-stdin, and takes none from argv", async () => {
    const args = [
      "user",
      "create",
      "--email",
      "stdin@cli.test",
      "--name",
      "Std In",
      "--org",
      organizationId,
      "--role",
      "member",
    ];
    const created = await runCli([...args, "--password-stdin"], env, 60_000, `${PASSWORD}\n`);
    expect(created.code, created.stderr).toBe(0);
    const inArgv = await runCli([...args, "--password", PASSWORD], env);
    expect(inArgv.code).toBe(1);
    expect(inArgv.stderr).toMatch(/unknown option '--password'/);
  });

  it("user create says that the password is what is too short", async () => {
    const short = await user("short@cli.test", "short");
    expectCleanFailure(short, 1, /12 characters/);
    expect(short.stderr, "the message names the password").toMatch(/password/i);
  });

  it("apikey create prints a gh_ secret once and refuses unknown organizations cleanly", async () => {
    const created = await runCli(["apikey", "create", "--org", organizationId, "--name", "ci"], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout.trim()).toMatch(API_KEY);
    expect(created.stderr).toMatch(/API key [0-9a-f-]{36} created/);
    expect(created.stderr).not.toContain(created.stdout.trim());

    // One at a time: each of these opens the embedded database.
    const unknown = await runCli(["apikey", "create", "--org", UNKNOWN_ORG, "--name", "ci"], env);
    const notAnId = await runCli(["apikey", "create", "--org", "nope", "--name", "ci"], env);
    expectCleanFailure(unknown, 1, /^guildhall: no organization with that id$/m);
    expect(unknown.stdout).toBe("");
    expectCleanFailure(notAnId, 1, /^guildhall: that id is not a valid id$/m);
  });

  it("what the CLI created works against the server", { timeout: 120_000 }, async () => {
    // The password can come from the environment instead of the command line.
    const fromEnv = await runCli(
      ["user", "create", "--email", "mo@cli.test", "--name", "Mo Member", "--org", organizationId, "--role", "member"],
      { ...env, GUILDHALL_NEW_PASSWORD: PASSWORD },
    );
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stdout).toContain("mo@cli.test is now member");
    const created = await runCli(["apikey", "create", "--org", organizationId, "--name", "server check"], env);
    const secret = created.stdout.trim();
    expect(secret).toMatch(API_KEY);

    const server = await startServer(dataDir, env);
    await server.waitFor("/api/ready");
    expect(server.stdout, "the CLI-seeded database is not seeded again").not.toContain("Demo sign-ins");
    const organization = await fetch(`${server.baseUrl}/api/v1/organizations/${organizationId}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(organization.status).toBe(200);
    expect(await organization.json()).toMatchObject({
      id: organizationId,
      name: "Test Union",
      kind: "union",
      country: "DE",
    });
    const member = await signIn(server.baseUrl, "mo@cli.test", PASSWORD);
    expect(member.memberships).toEqual([expect.objectContaining({ organizationId, role: "member" })]);
    const exit = await server.kill("SIGTERM");
    expect(exit.code).toBe(0);
  });

  it("does not silently lose a CLI write made while a server holds the embedded database", {
    timeout: 120_000,
  }, async () => {
    const server = await startServer(dataDir, env);
    await server.waitFor("/api/ready");
    const during = await runCli(["apikey", "create", "--org", organizationId, "--name", "while serving"], env);
    if (during.code === 0) {
      // Accepted: then the running server must know the key...
      const secret = during.stdout.trim();
      const check = await fetch(`${server.baseUrl}/api/v1/organizations/${organizationId}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(check.status, "a key the CLI reported as created while the server ran").toBe(200);
    } else {
      // ...or refused, saying why, without a stack trace.
      expectCleanFailure(during, 1, /in use|running|lock/i);
    }
    await server.kill("SIGTERM");
  });
});
