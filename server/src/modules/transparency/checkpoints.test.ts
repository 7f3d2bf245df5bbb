import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/database.ts";
import { createSecretBox, type SecretBox } from "../../platform/crypto/secret-box.ts";
import { type DatabaseHandle, inTransaction } from "../../platform/db/database.ts";
import { openCheckpoint } from "../../platform/transparency/checkpoint.ts";
import { parseVerifierKey } from "../../platform/transparency/note.ts";
import { appendToLog } from "./index.ts";
import { listKeys } from "./transparency.repository.ts";
import { ensureLogKey, rotateLogKey, signNewCheckpoint } from "./use-cases/checkpoints.ts";
import { storedRoot } from "./use-cases/stored-tree.ts";

const ORIGIN = "guildhall.test/log";
const NOW = new Date("2026-11-23T12:00:00Z");
let handle: DatabaseHandle;
let secretBox: SecretBox;

beforeAll(async () => {
  handle = await createTestDatabase();
  secretBox = await createSecretBox(new Uint8Array(32).fill(7));
});
afterAll(() => handle.close());

const append = (count: number) =>
  inTransaction(handle.db, (trx) =>
    appendToLog(
      trx,
      Array.from({ length: count }, (_, n) => ({ kind: "test.event", n })),
      NOW,
    ),
  );

describe("signed checkpoints", () => {
  it("are C2SP notes of the whole log signed by the active key, made only when the log grew", async () => {
    const verifierKey = await ensureLogKey(handle.db, secretBox, ORIGIN, NOW);
    expect(await ensureLogKey(handle.db, secretBox, ORIGIN, NOW)).toBe(verifierKey);
    await append(5);
    const first = await signNewCheckpoint(handle.db, secretBox, NOW);
    expect(first).toMatchObject({ size: 5, signed: true });
    const opened = await openCheckpoint(first.note, ORIGIN, parseVerifierKey(verifierKey));
    expect(opened.checkpoint.size).toBe(5);
    expect(Buffer.from(opened.checkpoint.root)).toEqual(Buffer.from(await storedRoot(handle.db, 5)));
    expect(first.note).toMatch(
      /^guildhall\.test\/log\n5\n[A-Za-z0-9+/]{43}=\n\n— guildhall\.test\/log [A-Za-z0-9+/]+=*\n$/,
    );

    expect(await signNewCheckpoint(handle.db, secretBox, NOW)).toMatchObject({ size: 5, signed: false });
    await append(3);
    expect(await signNewCheckpoint(handle.db, secretBox, NOW)).toMatchObject({ size: 8, signed: true });
  });

  it("are signed by the new key after a rotation, the old one still listed", async () => {
    const keysBefore = await listKeys(handle.db);
    const newKey = await rotateLogKey(handle.db, secretBox, ORIGIN, NOW);
    const keys = await listKeys(handle.db);
    expect(keys).toHaveLength(keysBefore.length + 1);
    expect(keys.filter((k) => k.retired_at === null).map((k) => k.verifier_key)).toEqual([newKey]);
    await append(2);
    const signed = await signNewCheckpoint(handle.db, secretBox, NOW);
    await expect(openCheckpoint(signed.note, ORIGIN, parseVerifierKey(newKey))).resolves.toBeDefined();
    await expect(
      openCheckpoint(signed.note, ORIGIN, parseVerifierKey(keysBefore[0]?.verifier_key as string)),
    ).rejects.toThrow();
  });

  it("are refused when a new entry no longer matches its leaf, or the stored tree no longer extends the last checkpoint", async () => {
    await append(3);
    const forge = (index: number) =>
      sql`UPDATE transparency_log_entries SET entry = convert_to('{"kind":"forged"}', 'UTF8') WHERE index = ${index}`.execute(
        handle.db,
      );
    await forge(11);
    await expect(signNewCheckpoint(handle.db, secretBox, NOW)).rejects.toThrow(/Entry 11 does not match/);
    await sql`UPDATE transparency_log_entries SET leaf_hash = sha256(decode('00', 'hex') || entry) WHERE index = 11`.execute(
      handle.db,
    );
    // An old entry rewritten with a matching leaf hash: only the stored tree's root can tell.
    await forge(3);
    await sql`UPDATE transparency_log_entries SET leaf_hash = sha256(decode('00', 'hex') || entry) WHERE index = 3`.execute(
      handle.db,
    );
    await expect(signNewCheckpoint(handle.db, secretBox, NOW)).rejects.toThrow(/does not extend the checkpoint of 10/);
  });
});
