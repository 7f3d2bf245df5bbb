import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database.ts";
import type { DatabaseHandle } from "./database.ts";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await sql`CREATE TABLE bytea_round_trip (id integer PRIMARY KEY, value bytea NOT NULL)`.execute(handle.db);
});
afterAll(() => handle.close());

describe("binary columns", () => {
  it("store and return every byte exactly: empty, all 256 values, an offset view, and 1 MiB", async () => {
    const whole = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
    const values = [
      new Uint8Array(0),
      Uint8Array.from({ length: 256 }, (_, i) => i),
      whole.subarray(17, 80),
      randomBytes(1024 * 1024),
    ];
    for (const [id, value] of values.entries()) {
      await sql`INSERT INTO bytea_round_trip (id, value) VALUES (${id}, ${value})`.execute(handle.db);
    }
    const rows = await sql<{ id: number; value: Uint8Array; hex: string }>`
      SELECT id, value, encode(value, 'hex') AS hex FROM bytea_round_trip ORDER BY id`.execute(handle.db);
    for (const row of rows.rows) {
      const sent = values[row.id] as Uint8Array;
      expect(row.value).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(row.value).equals(Buffer.from(sent))).toBe(true);
      expect(row.hex).toBe(Buffer.from(sent).toString("hex"));
    }
  });
});
