import type { SecretBox } from "../../../platform/crypto/secret-box.ts";
import { type Db, inTransaction } from "../../../platform/db/database.ts";
import { signCheckpoint } from "../../../platform/transparency/checkpoint.ts";
import { consistencyProof, leafHash, verifyConsistency } from "../../../platform/transparency/merkle.ts";
import { generateNoteKeys, parseSignerKey, signNote } from "../../../platform/transparency/note.ts";
import {
  findActiveKey,
  findLatestCheckpoint,
  insertCheckpoint,
  insertKey,
  listEntries,
  logSize,
  retireActiveKey,
} from "../transparency.repository.ts";
import { integrateLog } from "./integrate.ts";
import { storedRoot, withStoredTree } from "./stored-tree.ts";

/** Raised instead of signing when the stored tree does not extend the last signed checkpoint. */
export class InconsistentLogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InconsistentLogError";
  }
}

/**
 * Makes a new signing key named after the log's origin and makes it the one that signs; the
 * previous key is retired (still listed, so checkpoints it signed still verify).
 */
export async function rotateLogKey(db: Db, secretBox: SecretBox, origin: string, now: Date): Promise<string> {
  const { signerKey, verifierKey } = await generateNoteKeys(origin);
  await inTransaction(db, async (trx) => {
    await retireActiveKey(trx, now);
    await insertKey(trx, { verifierKey, name: origin, signerKeySealed: secretBox.seal(signerKey), createdAt: now });
  });
  return verifierKey;
}

/** The verifier key that signs now, making the first one if the log has none. */
export async function ensureLogKey(db: Db, secretBox: SecretBox, origin: string, now: Date): Promise<string> {
  const active = await findActiveKey(db);
  if (active) return active.verifier_key;
  try {
    return await rotateLogKey(db, secretBox, origin, now);
  } catch (error) {
    // Another instance starting at the same moment made the first key (one active key at most).
    const made = await findActiveKey(db);
    if (made) return made.verifier_key;
    throw error;
  }
}

/**
 * Signs another statement than a checkpoint (the consent snapshot) with the key that signs
 * checkpoints, making it first if the log has none: anyone verifies it with GET /api/v1/log/keys.
 * `text` must not read as a checkpoint (its first line is not the origin), so one signature can
 * never pass for the other.
 */
export async function signWithLogKey(
  db: Db,
  secretBox: SecretBox,
  origin: string,
  text: string,
  now: Date,
): Promise<{ note: string; verifierKey: string }> {
  await ensureLogKey(db, secretBox, origin, now);
  if (text.startsWith(`${origin}\n`)) throw new Error("A statement that reads as a checkpoint is not signed.");
  const key = await findActiveKey(db);
  if (!key) throw new Error("The log has no signing key.");
  const signer = await parseSignerKey(secretBox.open(key.signer_key_sealed));
  return { note: await signNote(text, [signer]), verifierKey: key.verifier_key };
}

/**
 * Signs a checkpoint of the whole log, unless the last one already covers it. Before signing, the
 * stored tree must prove consistent with the last signed checkpoint: the log never signs a history
 * that contradicts one it signed before.
 */
export async function signNewCheckpoint(
  db: Db,
  secretBox: SecretBox,
  now: Date,
): Promise<{ size: number; note: string; signed: boolean }> {
  const key = await findActiveKey(db);
  if (!key) throw new Error("The log has no signing key: run `guildhall log keygen`.");
  const size = await logSize(db);
  const latest = await findLatestCheckpoint(db);
  const latestSize = latest ? Number(latest.size) : 0;
  if (latest && latestSize === size) return { size, note: latest.note, signed: false };
  if (latestSize > size) {
    throw new InconsistentLogError(`The log holds ${size} entries but a checkpoint of ${latestSize} was signed.`);
  }
  await checkNewLeaves(db, latestSize, size);
  if ((await integrateLog(db)) < size) throw new InconsistentLogError(`The tree does not cover the ${size} entries.`);
  const root = await storedRoot(db, size);
  if (latest) {
    const proof = await withStoredTree(db, (hashes) => consistencyProof(latestSize, size, hashes), { covers: size });
    if (!verifyConsistency(latestSize, size, latest.root, root, proof)) {
      throw new InconsistentLogError(
        `The stored tree of ${size} entries does not extend the checkpoint of ${latestSize}; nothing was signed.`,
      );
    }
  }
  const signer = await parseSignerKey(secretBox.open(key.signer_key_sealed));
  const note = await signCheckpoint({ origin: key.name, size, root }, [signer]);
  await insertCheckpoint(db, { size, root, note, signedAt: now });
  return { size, note, signed: true };
}

/** The entries a new checkpoint adds must hash to the leaves stored for them. */
async function checkNewLeaves(db: Db, from: number, to: number): Promise<void> {
  const BATCH = 5_000;
  for (let start = from; start < to; start += BATCH) {
    for (const row of await listEntries(db, start, Math.min(to, start + BATCH))) {
      if (!Buffer.from(leafHash(row.entry)).equals(Buffer.from(row.leaf_hash))) {
        throw new InconsistentLogError(`Entry ${row.index} does not match its leaf hash; nothing was signed.`);
      }
    }
  }
}
