import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/http/app-error.ts";
import { FREE_WRONG_RECEIPTS, WrongReceiptDelays } from "./wrong-receipt-delays.ts";

const wrong = () => Promise.reject(new AppError("invalid_receipt", "This receipt does not match a report."));

describe("wrong receipt delays", () => {
  it("lets a few typos through, then makes each attempt from that client wait longer, up to a cap", async () => {
    let clock = 0;
    const waits: number[] = [];
    const delays = new WrongReceiptDelays(
      () => clock,
      async (ms) => {
        waits.push(ms);
      },
    );
    for (let i = 0; i < FREE_WRONG_RECEIPTS + 6; i++) {
      await expect(delays.attempt("198.51.100.7", wrong)).rejects.toThrow(AppError);
      clock += 1_000;
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 16_000]);
    expect(delays.delayFor("203.0.113.9")).toBe(0);

    // The right receipt waits too (the wait reveals nothing), then the client starts afresh.
    await expect(delays.attempt("198.51.100.7", async () => "opened")).resolves.toBe("opened");
    expect(waits.at(-1)).toBe(16_000);
    expect(delays.delayFor("198.51.100.7")).toBe(0);
  });

  it("forgets a client after a quiet quarter of an hour, and ignores other errors", async () => {
    let clock = 0;
    const delays = new WrongReceiptDelays(
      () => clock,
      async () => {},
    );
    for (let i = 0; i < FREE_WRONG_RECEIPTS; i++) await delays.attempt("a", wrong).catch(() => {});
    expect(delays.delayFor("a")).toBe(1_000);
    clock += 15 * 60_000 + 1;
    expect(delays.delayFor("a")).toBe(0);
    for (let i = 0; i < 10; i++) {
      await delays.attempt("b", () => Promise.reject(new Error("database down"))).catch(() => {});
    }
    expect(delays.delayFor("b")).toBe(0);
  });
});
