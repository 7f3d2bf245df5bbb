import { createHash, randomBytes } from "node:crypto";
import canonicalize from "canonicalize";
import type { Db } from "../../../platform/db/database.ts";
import { leafHash } from "../../../platform/transparency/merkle.ts";
import { appendEntries, deleteSaltsOf, insertSalt, listSaltsOf } from "../transparency.repository.ts";

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What a module records: its kind ("report.status", "agreement.saved"…) and plain facts, never personal data. */
export interface LogEvent {
  kind: string;
  [field: string]: JsonValue;
}

export interface AppendedEntry {
  index: number;
  leafHash: Uint8Array;
}

/**
 * Appends events to the log inside the caller's transaction, in one statement: they get the next
 * indexes (no gaps: the size row stays locked until the caller commits, and a rollback takes the
 * entries with it) and are stored as canonical JSON (RFC 8785) with their leaf hashes. The tree
 * over them is built later, in order (integrate.ts).
 */
export async function appendToLog(trx: Db, events: LogEvent[], now: Date): Promise<AppendedEntry[]> {
  if (events.length === 0) return [];
  const entries = events.map((event) => {
    const entry = new TextEncoder().encode(canonicalize({ ...event, at: now.toISOString() }));
    return { kind: event.kind, entry, leafHash: leafHash(entry) };
  });
  const first = await appendEntries(trx, entries, now);
  return entries.map(({ leafHash: hash }, offset) => ({ index: first + offset, leafHash: hash }));
}

/** Appends one event; returns its index (for the caller's own record of where it sits in the log). */
export async function appendEntryToLog(trx: Db, event: LogEvent, now: Date): Promise<number> {
  const [entry] = await appendToLog(trx, [event], now);
  if (!entry) throw new Error("The transparency log appended nothing.");
  return entry.index;
}

/**
 * A commitment to a person or a piece of content: SHA-256 of a random salt and the value, the same
 * one each time for the same subject and value (so a case's entries can be told apart from
 * others'). The salt is kept outside the log, under `subject`; erasing the subject deletes the
 * salts, and the log's commitments then point at nobody.
 */
export async function commitTo(trx: Db, subject: string, value: string, now: Date): Promise<string> {
  for (const existing of await listSaltsOf(trx, subject)) {
    if (existing.commitment === commitmentOf(existing.salt, value)) return existing.commitment;
  }
  const salt = randomBytes(32);
  const commitment = commitmentOf(salt, value);
  await insertSalt(trx, { commitment, subject, salt, createdAt: now });
  return commitment;
}

function commitmentOf(salt: Uint8Array, value: string): string {
  return `sha256:${createHash("sha256").update(salt).update(value, "utf8").digest("hex")}`;
}

/** Erases everything the log can say about a subject: its commitments can no longer be opened. */
export function eraseSubject(trx: Db, subject: string): Promise<number> {
  return deleteSaltsOf(trx, subject);
}
