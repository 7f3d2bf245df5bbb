import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/app.ts";
import { inTransaction } from "../../platform/db/database.ts";
import { openCheckpoint } from "../../platform/transparency/checkpoint.ts";
import { leafHash, verifyConsistency, verifyInclusion } from "../../platform/transparency/merkle.ts";
import { parseVerifierKey } from "../../platform/transparency/note.ts";
import { appendToLog, ensureLogKey, signNewCheckpoint } from "./index.ts";

let t: TestApp;
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));

beforeAll(async () => {
  t = await buildTestApp();
  await inTransaction(t.db, (trx) =>
    appendToLog(
      trx,
      Array.from({ length: 13 }, (_, n) => ({ kind: n % 2 ? "test.odd" : "test.even", n })),
      t.clock.now(),
    ),
  );
});
afterAll(() => t.close());

describe("transparency log API", () => {
  it("serves entries exactly as hashed, and proofs anyone can check against the roots", async () => {
    const page = await t.app.inject({ method: "GET", url: "/api/v1/log/entries?from=0&to=100" });
    expect(page.statusCode).toBe(200);
    const { size, entries } = page.json() as {
      size: number;
      entries: { index: number; kind: string; entry: string }[];
    };
    expect(size).toBe(13);
    expect(entries.map((e) => e.index)).toEqual([...Array(13).keys()]);
    expect(JSON.parse(entries[3]?.entry as string)).toMatchObject({ kind: "test.odd", n: 3 });

    const inclusion = (
      await t.app.inject({ method: "GET", url: "/api/v1/log/proofs/inclusion?index=5&size=11" })
    ).json();
    const leaf = leafHash(new TextEncoder().encode(entries[5]?.entry));
    expect(verifyInclusion(leaf, 5, 11, inclusion.proof.map(bytes), bytes(inclusion.root))).toBe(true);

    const consistency = (
      await t.app.inject({ method: "GET", url: "/api/v1/log/proofs/consistency?from=6&to=13" })
    ).json();
    expect(consistency.oldRoot).not.toBe(consistency.newRoot);
    expect(
      verifyConsistency(6, 13, bytes(consistency.oldRoot), bytes(consistency.newRoot), consistency.proof.map(bytes)),
    ).toBe(true);
    const full = (await t.app.inject({ method: "GET", url: "/api/v1/log/proofs/inclusion?index=0&size=13" })).json();
    expect(full.root).toBe(consistency.newRoot);
  });

  it("refuses proofs about trees the log does not have, and bad numbers, by field", async () => {
    const tooBig = await t.app.inject({ method: "GET", url: "/api/v1/log/proofs/inclusion?index=0&size=14" });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.fields[0].path).toBe("querystring.size");
    const outside = await t.app.inject({ method: "GET", url: "/api/v1/log/proofs/inclusion?index=13&size=13" });
    expect(outside.json().error.fields[0].path).toBe("querystring.index");
    const backwards = await t.app.inject({ method: "GET", url: "/api/v1/log/proofs/consistency?from=9&to=3" });
    expect(backwards.statusCode).toBe(400);
    for (const url of [
      "/api/v1/log/entries?from=-1&to=3",
      "/api/v1/log/entries?from=x&to=3",
      "/api/v1/log/proofs/inclusion?index=1.5&size=3",
    ]) {
      expect((await t.app.inject({ method: "GET", url })).statusCode, url).toBe(400);
    }
    const empty = await t.app.inject({ method: "GET", url: "/api/v1/log/entries?from=20&to=30" });
    expect(empty.json()).toEqual({ size: 13, entries: [] });
  });
});

describe("checkpoints and keys over HTTP", () => {
  it("have no checkpoint before one is signed, then serve the signed note and the key that verifies it", async () => {
    const none = await t.app.inject({ method: "GET", url: "/api/v1/log/checkpoint" });
    expect(none.statusCode).toBe(404);
    const keysBefore = (await t.app.inject({ method: "GET", url: "/api/v1/log/keys" })).json();
    expect(keysBefore.keys).toEqual([]);

    const origin = keysBefore.origin as string;
    await ensureLogKey(t.db, t.secretBox, origin, t.clock.now());
    await signNewCheckpoint(t.db, t.secretBox, t.clock.now());
    const checkpoint = await t.app.inject({ method: "GET", url: "/api/v1/log/checkpoint" });
    expect(checkpoint.statusCode).toBe(200);
    expect(checkpoint.headers["content-type"]).toContain("text/plain");
    const { keys } = (await t.app.inject({ method: "GET", url: "/api/v1/log/keys" })).json();
    expect(keys).toMatchObject([{ name: origin, active: true, retiredAt: null }]);
    const opened = await openCheckpoint(checkpoint.body, origin, parseVerifierKey(keys[0].verifierKey));
    expect(opened.checkpoint.size).toBe(13);
    const proof = (await t.app.inject({ method: "GET", url: "/api/v1/log/proofs/inclusion?index=0&size=13" })).json();
    expect(Buffer.from(opened.checkpoint.root).toString("base64")).toBe(proof.root);

    const bundle = (await t.app.inject({ method: "GET", url: "/api/v1/log/bundle?index=4" })).json();
    expect(bundle).toMatchObject({ origin, index: 4, treeSize: 13, checkpoint: checkpoint.body });
    const leaf = leafHash(new TextEncoder().encode(bundle.entry));
    expect(verifyInclusion(leaf, 4, bundle.treeSize, bundle.proof.map(bytes), opened.checkpoint.root)).toBe(true);

    await inTransaction(t.db, (trx) => appendToLog(trx, [{ kind: "test.late" }], t.clock.now()));
    const uncovered = await t.app.inject({ method: "GET", url: "/api/v1/log/bundle?index=13" });
    expect(uncovered.statusCode).toBe(409);
    const missing = await t.app.inject({ method: "GET", url: "/api/v1/log/bundle?index=99" });
    expect(missing.statusCode).toBe(400);

    const stats = (await t.app.inject({ method: "GET", url: "/api/v1/log/stats" })).json();
    expect(stats.size).toBe(14);
    expect(stats.byDay.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(14);
    expect(stats.byDay.map((row: { kind: string }) => row.kind)).toEqual(["test.even", "test.late", "test.odd"]);
  });
});
