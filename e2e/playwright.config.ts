import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// The config is loaded again in every worker; the first process fixes the folder for all of them.
process.env.GUILDHALL_E2E_DATA_DIR ??= `${repoRoot}.tmp/e2e-${Date.now()}`;
const dataDir = process.env.GUILDHALL_E2E_DATA_DIR;

export default defineConfig({
  testDir: "./specs",
  fullyParallel: false,
  // Two cores and one embedded database: one browser at a time.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? "test-results/e2e.json" }]],
  use: {
    baseURL,
    headless: true,
    trace: "retain-on-failure",
    reducedMotion: "reduce",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "npm run build:web && node bin/guildhall.js serve",
    cwd: repoRoot,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      GUILDHALL_DATA_DIR: dataDir,
      GUILDHALL_LOG_LEVEL: "warn",
      // The suite signs in dozens of times a minute from one address; the limits themselves are tested on the server.
      GUILDHALL_SIGN_IN_LIMIT_PER_MINUTE: "1000",
      GUILDHALL_RATE_LIMIT_PER_MINUTE: "10000",
      GUILDHALL_CHECKPOINT_SECONDS: "2",
    },
  },
});
