import { decodeBase64, encodeBase64 } from "./base64.ts";
import { HASH_SIZE } from "./merkle.ts";
import { NoteError, type NoteSignature, type NoteSigner, type NoteVerifier, openNote, signNote } from "./note.ts";

/**
 * Checkpoints (https://c2sp.org/tlog-checkpoint): the note text "<origin>\n<size>\n<base64 root>\n",
 * then optional extension lines, signed as a note.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  /** Opaque lines after the root (not recommended by the spec); none when absent. */
  extensions?: readonly string[];
}

export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckpointError";
  }
}

export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, root, extensions = [] } = checkpoint;
  if (!isLine(origin)) throw new CheckpointError("The origin is one non-empty line.");
  if (!Number.isSafeInteger(size) || size < 0) throw new CheckpointError("The size is a whole number from 0.");
  if (root.length !== HASH_SIZE) throw new CheckpointError(`The root hash has ${HASH_SIZE} bytes.`);
  if (!extensions.every(isLine)) throw new CheckpointError("Extension lines are non-empty lines.");
  return [origin, String(size), encodeBase64(root), ...extensions].map((line) => `${line}\n`).join("");
}

/** Reads a checkpoint's note text; anything but the exact format is refused. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith("\n")) throw new CheckpointError("A checkpoint ends in a newline.");
  const [origin, size, root, ...extensions] = text.slice(0, -1).split("\n");
  if (origin === undefined || size === undefined || root === undefined) {
    throw new CheckpointError("A checkpoint has an origin, a size and a root hash.");
  }
  if (![origin, ...extensions].every(isLine)) throw new CheckpointError("A checkpoint has no empty lines.");
  const treeSize = /^(0|[1-9][0-9]*)$/.test(size) ? Number(size) : Number.NaN;
  if (!Number.isSafeInteger(treeSize)) throw new CheckpointError("The size is a decimal number, no leading zeros.");
  const rootHash = decodeBase64(root);
  if (!rootHash || rootHash.length !== HASH_SIZE) throw new CheckpointError("The root is 32 bytes in base64.");
  return extensions.length > 0
    ? { origin, size: treeSize, root: rootHash, extensions }
    : { origin, size: treeSize, root: rootHash };
}

/** The checkpoint as a note signed by `signers` (the log's key first). */
export function signCheckpoint(checkpoint: Checkpoint, signers: readonly NoteSigner[]): Promise<string> {
  return signNote(formatCheckpoint(checkpoint), signers);
}

/**
 * Opens a signed checkpoint: the log's key must have signed it and its origin must be `origin`.
 * `cosigners` are further keys whose signatures are checked when present (witnesses); every
 * verified signature is returned.
 */
export async function openCheckpoint(
  message: string | Uint8Array,
  origin: string,
  logKey: NoteVerifier,
  cosigners: readonly NoteVerifier[] = [],
): Promise<{ checkpoint: Checkpoint; verified: NoteSignature[] }> {
  const note = await openNote(message, [logKey, ...cosigners]);
  if (!note.verified.some((s) => s.name === logKey.name && s.keyHash === logKey.keyHash)) {
    throw new NoteError("unverified", "The log's key did not sign this checkpoint.");
  }
  const checkpoint = parseCheckpoint(note.text);
  if (checkpoint.origin !== origin) throw new CheckpointError(`This checkpoint is from ${checkpoint.origin}.`);
  return { checkpoint, verified: note.verified };
}

function isLine(text: string): boolean {
  if (text === "") return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return false;
  return true;
}
