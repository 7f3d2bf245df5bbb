import { type Checkpoint, parseCheckpoint } from "./checkpoint.ts";
import { TreeFrontier } from "./merkle.ts";
import { NoteError, type NoteVerifier, openNote } from "./note.ts";

/** Where a verifier reads a log: the server's database, or a remote server over HTTP. */
export interface LogSource {
  size(): Promise<number>;
  /** Entries [from, to) as stored, each with the index the source gives it. */
  entries(from: number, to: number): Promise<{ index: number; entry: Uint8Array }[]>;
  /** Every signed checkpoint (notes), in order of size. */
  checkpoints(): Promise<string[]>;
}

export interface VerifyLogOptions {
  origin: string;
  /** The log's keys, current and retired: each checkpoint must be signed by one of them. */
  keys: readonly NoteVerifier[];
  /** A checkpoint saved earlier: the log must still contain exactly the history it signed. */
  since?: string;
  onProgress?(verified: number, total: number): void;
  /** Entries read per request. */
  pageSize?: number;
}

export interface LogVerification {
  size: number;
  root: Uint8Array;
  checkpoints: number;
  latest: Checkpoint | null;
}

/** What is wrong, and where: the message names the entry or checkpoint. */
export class LogVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LogVerificationError";
  }
}

/**
 * Checks a whole log from scratch: every entry, in order and without gaps, is rehashed into a new
 * tree; every checkpoint must be signed by one of the log's keys, name the log, and match the root
 * of the recomputed tree at its size (so all of them are consistent with each other and with the
 * entries). With `since`, the saved checkpoint must match too: the log has only grown since.
 * The checkpoints are opened first and each root is compared when the entries reach its size, so
 * only the tree's right edge is kept: memory stays O(log n) however long the log.
 */
export async function verifyLog(source: LogSource, options: VerifyLogOptions): Promise<LogVerification> {
  // Checkpoints before the size: a log that grows meanwhile cannot look shorter than its checkpoints.
  const notes = await source.checkpoints();
  const size = await source.size();
  const pageSize = options.pageSize ?? 1000;

  const due: { size: number; check(root: Uint8Array): void }[] = [];
  let previous: Checkpoint | null = null;
  for (const note of notes) {
    const checkpoint = await openSigned(note, options, "A checkpoint");
    const where = `The checkpoint of ${checkpoint.size} entries`;
    if (previous && checkpoint.size <= previous.size) {
      throw new LogVerificationError(`${where} comes after one of ${previous.size}: checkpoints were reordered.`);
    }
    if (checkpoint.size > size) {
      throw new LogVerificationError(`${where} is larger than the log (${size}): entries were removed.`);
    }
    const after = previous ? `after entry ${previous.size - 1}` : "from the first entry";
    due.push({
      size: checkpoint.size,
      check(root) {
        if (!sameBytes(checkpoint.root, root)) {
          throw new LogVerificationError(
            `${where} does not match the entries: an entry ${after} up to entry ${checkpoint.size - 1} was changed, or the checkpoint was replaced.`,
          );
        }
      },
    });
    previous = checkpoint;
  }

  if (options.since !== undefined) {
    const saved = await openSigned(options.since, options, "The saved checkpoint");
    if (saved.size > size) {
      throw new LogVerificationError(
        `The saved checkpoint has ${saved.size} entries but the log now has ${size}: the log was cut back.`,
      );
    }
    due.push({
      size: saved.size,
      check(root) {
        if (!sameBytes(saved.root, root)) {
          throw new LogVerificationError(
            `The log no longer contains the history of the saved checkpoint (${saved.size} entries): it was rewritten.`,
          );
        }
      },
    });
    due.sort((a, b) => a.size - b.size); // stable: at equal sizes, the log's checkpoint first
  }

  const tree = new TreeFrontier();
  let next = 0;
  const checkReached = () => {
    while (due[next]?.size === tree.size) due[next++]?.check(tree.root());
  };
  checkReached();
  for (let from = 0; from < size; from += pageSize) {
    const page = await source.entries(from, Math.min(size, from + pageSize));
    for (const { index, entry } of page) {
      if (index !== tree.size) {
        throw new LogVerificationError(
          index < tree.size
            ? `Entry ${index} appears again after entry ${tree.size - 1}: entries were reordered or duplicated.`
            : `Entry ${tree.size} is missing (the next one is ${index}): an entry was deleted.`,
        );
      }
      tree.appendEntry(entry);
      if (tree.size === due[next]?.size) checkReached();
    }
    if (tree.size < Math.min(size, from + pageSize)) {
      throw new LogVerificationError(`Entry ${tree.size} is missing: the log says it holds ${size}.`);
    }
    options.onProgress?.(tree.size, size);
  }
  return { size, root: tree.root(), checkpoints: notes.length, latest: previous };
}

async function openSigned(note: string, options: VerifyLogOptions, what: string): Promise<Checkpoint> {
  let text: string;
  try {
    text = (await openNote(note, options.keys)).text;
  } catch (error) {
    const reason = error instanceof NoteError ? error.message : String(error);
    throw new LogVerificationError(`${what} is not signed by the log's keys: ${reason}`);
  }
  const checkpoint = parseCheckpoint(text);
  if (checkpoint.origin !== options.origin) {
    throw new LogVerificationError(`${what} is for ${checkpoint.origin}, not ${options.origin}.`);
  }
  return checkpoint;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}
