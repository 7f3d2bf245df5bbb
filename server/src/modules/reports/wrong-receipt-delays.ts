import { createHmac, randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../../platform/http/app-error.ts";

/** Wrong receipts a client may type before its attempts are slowed down (typos happen). */
export const FREE_WRONG_RECEIPTS = 3;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 16_000;
const FORGOTTEN_AFTER_MS = 15 * 60_000;
const MAX_CLIENTS = 50_000;

export const isWrongReceipt = (error: unknown) => error instanceof AppError && error.code === "invalid_receipt";

/**
 * Slows down guessing: after a few wrong receipts from one client, every further attempt from it
 * (right or wrong, so the wait reveals nothing) waits first, doubling up to 16 s. Held in memory
 * only, keyed by a keyed hash of the address, never stored or logged; a quiet quarter of an hour
 * forgets a client.
 */
export class WrongReceiptDelays {
  private readonly failures = new Map<string, { count: number; lastAt: number }>();
  private readonly hashKey = randomBytes(32);

  constructor(
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<unknown> = sleep,
  ) {}

  /** How long the client's next attempt waits. */
  delayFor(client: string): number {
    const entry = this.current(this.keyOf(client));
    if (!entry || entry.count < FREE_WRONG_RECEIPTS) return 0;
    return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (entry.count - FREE_WRONG_RECEIPTS));
  }

  /** Runs one attempt with a receipt: waits as long as the client has earned, then records the result. */
  async attempt<T>(client: string, step: () => Promise<T>): Promise<T> {
    const delay = this.delayFor(client);
    if (delay > 0) await this.wait(delay);
    try {
      const result = await step();
      this.failures.delete(this.keyOf(client));
      return result;
    } catch (error) {
      if (isWrongReceipt(error)) this.recordFailure(client);
      throw error;
    }
  }

  private recordFailure(client: string): void {
    const key = this.keyOf(client);
    const count = (this.current(key)?.count ?? 0) + 1;
    this.failures.delete(key);
    this.failures.set(key, { count, lastAt: this.now() });
    if (this.failures.size > MAX_CLIENTS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  private current(key: string) {
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.lastAt > FORGOTTEN_AFTER_MS) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  private keyOf(client: string): string {
    return createHmac("sha256", this.hashKey).update(client).digest("base64url");
  }
}
