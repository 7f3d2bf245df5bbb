import { describe, expect, it } from "vitest";
import { lockSecondsAfter } from "./sign-in-throttle.ts";

describe("[IDENTITY] lockout back-off", () => {
  it("allows four failures, then locks for a minute, doubling up to fifteen minutes", () => {
    expect([1, 2, 3, 4].map(lockSecondsAfter)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 40].map(lockSecondsAfter)).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });
});
