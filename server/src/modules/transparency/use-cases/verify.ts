import { parseProofBundle, verifyProofBundle, webCryptoVerifier } from "../../../../../common/transparency-verify.ts";
import type { Db } from "../../../platform/db/database.ts";
import { type NoteVerifier, parseVerifierKey } from "../../../platform/transparency/note.ts";
import {
  type LogSource,
  type LogVerification,
  LogVerificationError,
  type VerifyLogOptions,
  verifyLog,
} from "../../../platform/transparency/verify-log.ts";
import { listCheckpoints, listEntries, listKeys, logSize } from "../transparency.repository.ts";

/** The log as this server's database holds it. */
export function databaseLogSource(db: Db): LogSource {
  return {
    size: () => logSize(db),
    entries: async (from, to) =>
      (await listEntries(db, from, to)).map((row) => ({ index: Number(row.index), entry: row.entry })),
    checkpoints: async () => (await listCheckpoints(db)).map((row) => row.note),
  };
}

/** Every key this database says signed its checkpoints (trust them only when the database is yours). */
export async function storedLogKeys(db: Db): Promise<NoteVerifier[]> {
  return (await listKeys(db)).map((key) => parseVerifierKey(key.verifier_key));
}

/** The log of a Guildhall server, read over its public API: an auditor need not trust the server. */
export function httpLogSource(baseUrl: string, fetchFn: typeof fetch = fetch): LogSource {
  const get = async (path: string) => {
    const response = await fetchFn(new URL(path, baseUrl));
    if (!response.ok) throw new LogVerificationError(`${path} answered ${response.status}.`);
    return response;
  };
  return {
    size: async () => ((await (await get("/api/v1/log/stats")).json()) as { size: number }).size,
    entries: async (from, to) => {
      const body = (await (await get(`/api/v1/log/entries?from=${from}&to=${to}`)).json()) as {
        entries: { index: number; entry: string }[];
      };
      return body.entries.map(({ index, entry }) => ({ index, entry: new TextEncoder().encode(entry) }));
    },
    checkpoints: async () => {
      const notes: string[] = [];
      for (;;) {
        const after = notes.length === 0 ? -1 : sizeOf(notes[notes.length - 1] as string);
        const body = (await (await get(`/api/v1/log/checkpoints?after=${after}`)).json()) as { checkpoints: string[] };
        notes.push(...body.checkpoints);
        if (body.checkpoints.length === 0) return notes;
      }
    },
  };
}

/** The keys a remote server lists; an auditor should pass keys obtained another way instead. */
export async function remoteLogKeys(baseUrl: string, fetchFn: typeof fetch = fetch) {
  const response = await fetchFn(new URL("/api/v1/log/keys", baseUrl));
  if (!response.ok) throw new LogVerificationError(`/api/v1/log/keys answered ${response.status}.`);
  const body = (await response.json()) as { origin: string; keys: { verifierKey: string }[] };
  return { origin: body.origin, keys: body.keys.map((key) => parseVerifierKey(key.verifierKey)) };
}

function sizeOf(note: string): number {
  return Number(note.split("\n")[1]);
}

export { type LogVerification, LogVerificationError, type VerifyLogOptions, verifyLog };

/**
 * Checks a proof bundle offline with the same code the Transparency page runs in the browser
 * (common/transparency-verify.ts), on Node's WebCrypto.
 */
export async function checkProofBundle(json: string, verifierKey: string): Promise<{ index: number; size: number }> {
  const parsed = parseProofBundle(json);
  if (!parsed.ok) throw new LogVerificationError(parsed.detail);
  const verdict = await verifyProofBundle(parsed.bundle, [verifierKey], webCryptoVerifier(globalThis.crypto.subtle));
  if (!verdict.ok) throw new LogVerificationError(verdict.detail);
  return { index: verdict.index, size: verdict.checkpoint.size };
}
