import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("[PLATFORM] configuration", () => {
  it("has safe defaults: loopback, port 3000, ./var, embedded database with demo data", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      databaseUrl: undefined,
      seedDemo: true,
      secureCookies: false,
    });
    expect(config.dataDir.endsWith("/var")).toBe(true);
  });

  it("never seeds demo data on PostgreSQL unless asked", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://db/guildhall" }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://db/guildhall", GUILDHALL_SEED_DEMO: "true" }).seedDemo).toBe(true);
  });

  it("uses Secure cookies as soon as the server listens beyond loopback or sits behind a proxy", () => {
    expect(loadConfig({ HOST: "0.0.0.0" }).secureCookies).toBe(true);
    expect(loadConfig({ GUILDHALL_TRUST_PROXY: "1" }).secureCookies).toBe(true);
    expect(loadConfig({ GUILDHALL_PUBLIC_ORIGIN: "https://guild.example.org" }).secureCookies).toBe(true);
  });

  it("seeds demo accounts, whose passwords are public, only on loopback unless asked", () => {
    expect(loadConfig({ HOST: "0.0.0.0" }).seedDemo).toBe(false);
    expect(loadConfig({ HOST: "0.0.0.0", GUILDHALL_SEED_DEMO: "true" })).toMatchObject({
      seedDemo: true,
      explicitDemo: true,
    });
  });

  it("never prints the value of a variable that may hold a credential", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://admin:s3cret@db/x" })).toThrow(/DATABASE_URL: .*\(value hidden\)/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://admin:s3cret@db/x" })).not.toThrow(/s3cret/);
  });

  it("names every bad variable with what was wrong and what it got", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", GUILDHALL_LOG_LEVEL: "loud" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toContain('PORT: must be a number (got "eighty")');
    expect(problems).toContain("DATABASE_URL: must start with postgres://");
    expect(problems).toContain("GUILDHALL_LOG_LEVEL: must be one of");
  });

  it("refuses a port out of range and a malformed secret key", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT: must be 0-65535/);
    expect(() => loadConfig({ GUILDHALL_SECRET_KEY: "short" })).toThrow(/GUILDHALL_SECRET_KEY/);
  });
});
