import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { listLeafHashes, lockTree, logSize, writeTreeGrowth } from "../transparency.repository.ts";
import { decodeFrontier, encodeFrontier, extendFrontier, storedFrontier } from "./stored-tree.ts";

/** Leaves read and hashed into the tree per transaction. */
const BATCH = 50_000;

/**
 * Grows the stored tree over every committed entry it does not cover yet, in index order: each new
 * leaf closes subtrees on the tree's right edge, and those of 64 leaves and more are stored. Entries
 * become visible in index order (an append holds the size row until it commits), so the entries
 * below the committed size are all there. Safe to call from several places at once: the tree's
 * state row is locked while it grows. Returns the tree's size.
 */
export async function integrateLog(db: Db): Promise<number> {
  for (;;) {
    const grown = await inTransaction(db, async (trx) => {
      const tree = await lockTree(trx);
      const target = Math.min(await logSize(trx), tree.size + BATCH);
      if (target <= tree.size) return { size: tree.size, done: true };
      const frontier = decodeFrontier(tree.frontier, tree.size) ?? (await storedFrontier(trx, tree.size));
      const extended = extendFrontier(frontier, tree.size, await listLeafHashes(trx, tree.size, target));
      await writeTreeGrowth(trx, {
        subtrees: extended.stored,
        size: target,
        frontier: encodeFrontier(extended.frontier),
      });
      return { size: target, done: false };
    });
    if (grown.done) return grown.size;
  }
}
