// Helpers for tests that run Guildhall as a real child process: `node bin/guildhall.js …`,
// real HTTP on loopback, real data folders, real signals.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSync } from "otplib";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const BIN = path.join(ROOT, "bin", "guildhall.js");

export const DEMO_PASSWORD = "guildhall-demo-2026";
export const DEMO_TOTP_SECRET = "GUILDHALLDEMOTOTPGUILDHALLDEMOAB";
export const DEMO_ADMIN = "admin@demo.guildhall.test";
export const DEMO_MEMBER = "member@demo.guildhall.test";
/** Everyone the demo seed creates; all share DEMO_PASSWORD. */
export const DEMO_PEOPLE = [
  { email: "member@demo.guildhall.test", totp: false },
  { email: "officer@demo.guildhall.test", totp: true },
  { email: "admin@demo.guildhall.test", totp: true },
  { email: "producer@demo.guildhall.test", totp: false },
  { email: "developer@demo.guildhall.test", totp: false },
  { email: "auditor@demo.guildhall.test", totp: false },
] as const;

/** These tests drive the embedded database; the PostgreSQL run of the suite skips them. */
export const ON_POSTGRES = Boolean(process.env.GUILDHALL_TEST_DATABASE_URL);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port that was free a moment ago (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") return reject(new Error("no port"));
      server.close(() => resolve(address.port));
    });
  });
}

const dataDirs = new Set<string>();

export async function makeDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "guildhall-process-"));
  dataDirs.add(dir);
  return dir;
}

export async function removeDataDirs(): Promise<void> {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  dataDirs.clear();
}

/**
 * The environment of a child: this process's minus anything Guildhall reads (so the child never
 * sees a test database URL), plus what the test sets.
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("GUILDHALL_") || key === "DATABASE_URL" || key === "PORT" || key === "HOST") continue;
    if (key === "NODE_OPTIONS" || key.startsWith("VITEST")) continue;
    env[key] = value;
  }
  return { ...env, TZ: "UTC", NO_COLOR: "1", ...extra };
}

const children = new Set<ChildProcess>();

/** SIGKILLs every child still running and waits for them to go; for afterEach / afterAll. */
export async function killAllChildren(): Promise<void> {
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGKILL");
        await exited;
      }
      children.delete(child);
    }),
  );
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running `guildhall …` child with its output collected. */
export class GuildhallProcess {
  stdout = "";
  stderr = "";
  readonly exited: Promise<Exit>;
  readonly startedAt = Date.now();

  constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    children.add(child);
    child.stdout?.setEncoding("utf8");
    child.stderr?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      this.stdout += chunk;
    });
    child.stderr?.on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        children.delete(child);
        resolve({ code, signal });
      });
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error("the child has no pid");
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get output(): string {
    return `--- stdout ---\n${this.stdout}\n--- stderr ---\n${this.stderr}`;
  }

  /** Sends a signal and waits until the process is gone. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<Exit> {
    if (this.running) this.child.kill(signal);
    return this.exited;
  }

  /** Waits until `path` answers 200, failing early if the process dies. */
  async waitFor(urlPath: "/api/health" | "/api/ready" = "/api/ready", timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        const exit = await this.exited;
        throw new Error(`guildhall exited (${exit.code ?? exit.signal}) before ${urlPath} answered\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.baseUrl}${urlPath}`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) return;
        await response.body?.cancel();
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`${urlPath} did not answer within ${timeoutMs} ms\n${this.output}`);
  }
}

/** Starts `guildhall serve` on a free port; does not wait for it (see waitFor). */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<GuildhallProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: childEnv({ PORT: String(port), HOST: "127.0.0.1", GUILDHALL_DATA_DIR: dataDir, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new GuildhallProcess(child, port);
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs one `guildhall …` command to completion. */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
  stdin?: string,
): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (stdin !== undefined) child.stdin?.end(stdin);
  const running = new GuildhallProcess(child, 0);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const exit = await running.exited;
  clearTimeout(timer);
  return { ...exit, stdout: running.stdout, stderr: running.stderr };
}

/**
 * Hands out TOTP codes for one account, never the same 30-second step twice (the server refuses
 * a replayed step). The server also accepts the next step's code, so a second code is available
 * at once; beyond that it waits for the clock.
 */
export class TotpCodes {
  private lastStep = -1;

  constructor(private readonly secret = DEMO_TOTP_SECRET) {}

  /** A code usable right now without waiting, or null. */
  now(): string | null {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, this.lastStep + 1);
    if (step > current + 1) return null;
    this.lastStep = step;
    return generateSync({ secret: this.secret, epoch: step * 30 });
  }

  async next(): Promise<string> {
    for (;;) {
      const current = Math.floor(Date.now() / 30_000);
      const step = Math.max(current, this.lastStep + 1);
      if (step <= current + 1) {
        this.lastStep = step;
        return generateSync({ secret: this.secret, epoch: step * 30 });
      }
      await sleep((current + 1) * 30_000 - Date.now() + 50);
    }
  }
}

export interface Session {
  cookie: string;
  /** The raw session token (the cookie's value). */
  token: string;
  csrfToken: string;
  userId: string;
  memberships: { organizationId: string; role: string; organizationName: string }[];
}

export async function signIn(baseUrl: string, email: string, password: string, totpCode?: string): Promise<Session> {
  const response = await postSignIn(baseUrl, { email, password, ...(totpCode ? { totpCode } : {}) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}: ${text}`);
  const body = JSON.parse(text) as { csrfToken: string; user: { id: string; memberships: Session["memberships"] } };
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("guildhall_session="));
  if (!setCookie) throw new Error(`sign-in as ${email} set no session cookie`);
  const cookie = setCookie.split(";")[0] ?? "";
  return {
    cookie,
    token: cookie.slice("guildhall_session=".length),
    csrfToken: body.csrfToken,
    userId: body.user.id,
    memberships: body.user.memberships,
  };
}

export function postSignIn(baseUrl: string, payload: object, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(payload),
  });
}

/** The organization in which the session holds `role`. */
export function organizationWhere(session: Session, role: string): string {
  const membership = session.memberships.find((m) => m.role === role);
  if (!membership) throw new Error(`no ${role} membership in ${JSON.stringify(session.memberships)}`);
  return membership.organizationId;
}

/** A request carrying the session cookie and, for unsafe methods, the CSRF header. */
export function withSession(session: Session, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set("cookie", session.cookie);
  if (init.method && init.method !== "GET") {
    headers.set("x-csrf-token", session.csrfToken);
    if (init.body !== undefined) headers.set("content-type", "application/json");
  }
  return { ...init, headers };
}

/** A string unlikely to appear anywhere by chance. */
export function marker(label: string): string {
  return `${label}${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
}
