import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database.ts";
import { type DatabaseHandle, inTransaction } from "../../platform/db/database.ts";
import {
  leafHash,
  MemoryTree,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from "../../platform/transparency/merkle.ts";
import { appendToLog, commitTo, eraseSubject } from "./index.ts";
import { listEntries, logSize, treeSize } from "./transparency.repository.ts";
import { integrateLog } from "./use-cases/integrate.ts";
import { proveConsistency, proveInclusion } from "./use-cases/proofs.ts";
import { completeSubtrees, storedRoot } from "./use-cases/stored-tree.ts";

let handle: DatabaseHandle;
const NOW = new Date("2026-11-23T10:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function allLeafHashes(): Promise<Uint8Array[]> {
  const rows = await listEntries(handle.db, 0, await logSize(handle.db));
  return rows.map((row) => row.leaf_hash);
}

describe("transparency log: appending", () => {
  it("numbers entries from 0 without gaps, stores canonical JSON, and its stored root is RFC 9162's at every size", async () => {
    const sizes = [1, 2, 1, 4, 3, 7, 1, 16, 5];
    for (const [batch, count] of sizes.entries()) {
      const appended = await inTransaction(handle.db, (trx) =>
        appendToLog(
          trx,
          Array.from({ length: count }, (_, i) => ({
            kind: "test.event",
            z: i,
            a: `batch ${batch}`,
            nested: { b: 2, a: 1 },
          })),
          NOW,
        ),
      );
      expect(appended.map((e) => e.index)).toEqual(
        Array.from({ length: count }, (_, i) => sizes.slice(0, batch).reduce((a, b) => a + b, 0) + i),
      );
    }
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(await logSize(handle.db)).toBe(total);
    const [first] = await listEntries(handle.db, 0, 1);
    expect(new TextDecoder().decode(first?.entry)).toBe(
      '{"a":"batch 0","at":"2026-11-23T10:00:00.000Z","kind":"test.event","nested":{"a":1,"b":2},"z":0}',
    );
    expect(Buffer.from(first?.leaf_hash as Uint8Array)).toEqual(Buffer.from(leafHash(first?.entry as Uint8Array)));

    const leaves = await allLeafHashes();
    await integrateLog(handle.db);
    for (let size = 0; size <= total; size++) {
      expect(Buffer.from(await storedRoot(handle.db, size)).toString("hex"), `size ${size}`).toBe(
        Buffer.from(rootOf(leaves.slice(0, size))).toString("hex"),
      );
    }
  });

  it("gives concurrent appends distinct consecutive indexes, and a rolled-back append leaves no entry and no gap", async () => {
    const before = await logSize(handle.db);
    await expect(
      inTransaction(handle.db, async (trx) => {
        await appendToLog(trx, [{ kind: "test.rolled-back" }], NOW);
        throw new Error("the caller's work failed");
      }),
    ).rejects.toThrow("the caller's work failed");
    expect(await logSize(handle.db)).toBe(before);

    await Promise.all(
      Array.from({ length: 12 }, (_, worker) =>
        inTransaction(handle.db, (trx) =>
          appendToLog(
            trx,
            [0, 1, 2].map((n) => ({ kind: "test.concurrent", worker, n })),
            NOW,
          ),
        ),
      ),
    );
    const rows = await listEntries(handle.db, before, before + 100);
    expect(rows.map((row) => Number(row.index))).toEqual(Array.from({ length: 36 }, (_, i) => before + i));
    expect(rows.some((row) => row.kind === "test.rolled-back")).toBe(false);
    const leaves = await allLeafHashes();
    await integrateLog(handle.db);
    expect(Buffer.from(await storedRoot(handle.db, leaves.length))).toEqual(Buffer.from(rootOf(leaves)));
  });
});

describe("transparency log: commitments", () => {
  it("commit to a subject's value the same way each time, and cannot be opened once the subject is erased", async () => {
    const first = await commitTo(handle.db, "report:abc", "abc", NOW);
    const again = await commitTo(handle.db, "report:abc", "abc", NOW);
    const other = await commitTo(handle.db, "report:def", "def", NOW);
    expect(first).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(await eraseSubject(handle.db, "report:abc")).toBe(1);
    const salts = await handle.db.selectFrom("transparency_commitment_salts").select("subject").execute();
    expect(salts.map((s) => s.subject)).toEqual(["report:def"]);
    expect(await commitTo(handle.db, "report:abc", "abc", NOW)).not.toBe(first);
  });
});

describe("transparency log: proofs from stored hashes", () => {
  it("prove inclusion of every entry and consistency between sizes, verified against the roots", async () => {
    const size = await logSize(handle.db);
    const leaves = await allLeafHashes();
    for (const treeSize of [1, 2, 3, 7, 8, 17, size]) {
      for (const index of new Set([0, Math.floor(treeSize / 2), treeSize - 1])) {
        const proved = await proveInclusion(handle.db, index, treeSize);
        expect(Buffer.from(proved.root)).toEqual(Buffer.from(rootOf(leaves.slice(0, treeSize))));
        expect(verifyInclusion(leaves[index] as Uint8Array, index, treeSize, proved.proof, proved.root)).toBe(true);
        const otherLeaf = leafHash(new TextEncoder().encode("not in the log"));
        expect(verifyInclusion(otherLeaf, index, treeSize, proved.proof, proved.root)).toBe(false);
      }
      for (const oldSize of [0, 1, Math.floor(treeSize / 2), treeSize]) {
        const proved = await proveConsistency(handle.db, oldSize, treeSize);
        expect(verifyConsistency(oldSize, treeSize, proved.oldRoot, proved.newRoot, proved.proof)).toBe(true);
      }
    }
    await expect(proveInclusion(handle.db, 0, size + 1)).rejects.toThrow(/holds/);
    await expect(proveConsistency(handle.db, 5, 4)).rejects.toThrow(/old size/);
  });
});

describe("transparency log: the stored tree past 64 leaves", () => {
  async function appendBatches(counts: number[]) {
    for (const count of counts) {
      await inTransaction(handle.db, (trx) =>
        appendToLog(
          trx,
          Array.from({ length: count }, (_, n) => ({ kind: "test.bulk", n })),
          NOW,
        ),
      );
    }
  }

  it("builds the tree after the appends, in order, storing subtrees of 64 leaves and more once each, even after its edge is lost", async () => {
    const appendedBefore = await logSize(handle.db);
    await appendBatches([1, 63, 150, 5, 64, 200]);
    expect(await treeSize(handle.db)).toBeLessThan(await logSize(handle.db));
    expect(await integrateLog(handle.db)).toBe(appendedBefore + 483);
    await appendBatches([77]);
    await sql`UPDATE transparency_tree_state SET frontier = decode('00', 'hex')`.execute(handle.db);
    await integrateLog(handle.db);
    await appendBatches([129, 3]);
    await Promise.all([integrateLog(handle.db), integrateLog(handle.db)]);

    const size = await logSize(handle.db);
    const tree = new MemoryTree(await allLeafHashes());
    const rows = await handle.db.selectFrom("transparency_log_subtrees").select(["level", "start", "hash"]).execute();
    let expected = 0;
    for (let level = 6; 2 ** level <= size; level++) expected += Math.floor(size / 2 ** level);
    expect(rows).toHaveLength(expected);
    for (const row of rows) {
      expect(row.level).toBeGreaterThanOrEqual(6);
      expect(Buffer.from(row.hash)).toEqual(
        Buffer.from((await tree.subtree(Number(row.start), row.level)) as Uint8Array),
      );
    }
    const state = await handle.db
      .selectFrom("transparency_tree_state")
      .select(["size", "frontier"])
      .executeTakeFirstOrThrow();
    expect(Number(state.size)).toBe(size);
    const edge = await Promise.all(
      completeSubtrees(size).map(({ level, start }) =>
        level === 0 ? tree.leaf(start) : (tree.subtree(start, level) as Promise<Uint8Array>),
      ),
    );
    expect(Buffer.from(state.frontier as Uint8Array)).toEqual(Buffer.concat(edge));
  });

  it("gives every root and proof an in-memory tree gives, at sizes around the stored levels", async () => {
    const size = await logSize(handle.db);
    const tree = new MemoryTree(await allLeafHashes());
    const hex = (hash: Uint8Array) => Buffer.from(hash).toString("hex");
    for (const treeSize of [63, 64, 65, 127, 128, 129, 255, 256, 300, 511, 512, size]) {
      expect(hex(await storedRoot(handle.db, treeSize)), `root at ${treeSize}`).toBe(hex(await tree.root(treeSize)));
      for (const index of [0, 63, 64, 100, treeSize - 1]) {
        if (index >= treeSize) continue;
        const proved = await proveInclusion(handle.db, index, treeSize);
        expect(proved.proof.map(hex), `inclusion of ${index} in ${treeSize}`).toEqual(
          (await tree.inclusionProof(index, treeSize)).map(hex),
        );
      }
      for (const oldSize of [1, 63, 64, 65, 130, treeSize]) {
        if (oldSize > treeSize) continue;
        const proved = await proveConsistency(handle.db, oldSize, treeSize);
        expect(proved.proof.map(hex), `consistency ${oldSize} → ${treeSize}`).toEqual(
          (await tree.consistencyProof(oldSize, treeSize)).map(hex),
        );
      }
    }
  });
});
