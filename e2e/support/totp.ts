import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateSync } from "otplib";

const PERIOD_SECONDS = 30;

/**
 * The server refuses a code whose time step is not newer than the last one it accepted (replay
 * protection), but accepts the next step's code early (clock-drift tolerance). Tracking the last
 * step used per account lets tests sign in repeatedly without waiting 30 seconds each time. The
 * record lives in a file beside the run's data folder, so it survives worker restarts.
 */
export async function nextTotpCode(account: string, secret: string): Promise<string> {
  const used = readUsedSteps();
  const step = Math.max(currentStep(), (used[account] ?? 0) + 1);
  while (step > currentStep() + 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  writeUsedSteps({ ...used, [account]: step });
  return generateSync({ secret, epoch: step * PERIOD_SECONDS });
}

function currentStep(): number {
  return Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
}

function stepsFile(): string {
  const dataDir = process.env.GUILDHALL_E2E_DATA_DIR ?? path.resolve(".tmp/e2e");
  return `${dataDir}-totp-steps.json`;
}

function readUsedSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(stepsFile(), "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

function writeUsedSteps(steps: Record<string, number>): void {
  mkdirSync(path.dirname(stepsFile()), { recursive: true });
  writeFileSync(stepsFile(), JSON.stringify(steps));
}
