import type { ProofBundle } from "../../../../../common/transparency.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { encodeBase64 } from "../../../platform/transparency/base64.ts";
import { parseCheckpoint } from "../../../platform/transparency/checkpoint.ts";
import { inclusionProof } from "../../../platform/transparency/merkle.ts";
import { findCheckpointCovering, listEntries } from "../transparency.repository.ts";
import { integrateLog } from "./integrate.ts";
import { withStoredTree } from "./stored-tree.ts";

/**
 * A self-contained proof that entry `index` is in the log: the entry, its audit path, and the first
 * signed checkpoint that contains it. Refused until a checkpoint covers the entry.
 */
export async function proofBundle(db: Db, index: number): Promise<ProofBundle> {
  const [row] = await listEntries(db, index, index + 1);
  if (!row) {
    throw new AppError("validation_failed", `The log has no entry ${index}.`, {
      fields: [{ path: "querystring.index", message: "No such entry" }],
    });
  }
  const checkpoint = await findCheckpointCovering(db, index);
  if (!checkpoint) {
    throw new AppError("conflict", "No signed checkpoint covers this entry yet; try again in a minute.");
  }
  const treeSize = Number(checkpoint.size);
  const proof = await withStoredTree(db, (hashes) => inclusionProof(index, treeSize, hashes), {
    covers: treeSize,
    grow: () => integrateLog(db),
  });
  return {
    origin: parseCheckpoint(checkpoint.note.slice(0, checkpoint.note.indexOf("\n\n") + 1)).origin,
    index,
    entry: new TextDecoder().decode(row.entry),
    treeSize,
    proof: proof.map(encodeBase64),
    checkpoint: checkpoint.note,
  };
}
