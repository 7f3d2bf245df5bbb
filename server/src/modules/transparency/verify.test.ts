import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/app.ts";
import type { Db } from "../../platform/db/database.ts";
import { inTransaction } from "../../platform/db/database.ts";
import { signCheckpoint } from "../../platform/transparency/checkpoint.ts";
import { generateNoteKeys, parseSignerKey } from "../../platform/transparency/note.ts";
import {
  appendToLog,
  databaseLogSource,
  ensureLogKey,
  httpLogSource,
  LogVerificationError,
  signNewCheckpoint,
  storedLogKeys,
  verifyLog,
} from "./index.ts";

const ORIGIN = "guildhall.localhost/log";
let t: TestApp;

beforeEach(async () => {
  t = await buildTestApp();
  await ensureLogKey(t.db, t.secretBox, ORIGIN, t.clock.now());
  for (const count of [10, 7, 5]) {
    await inTransaction(t.db, (trx) =>
      appendToLog(
        trx,
        Array.from({ length: count }, (_, n) => ({ kind: "test.event", n })),
        t.clock.now(),
      ),
    );
    await signNewCheckpoint(t.db, t.secretBox, t.clock.now());
  }
});
afterEach(() => t.close());

async function verify(extra: { since?: string } = {}) {
  return verifyLog(databaseLogSource(t.db), { origin: ORIGIN, keys: await storedLogKeys(t.db), ...extra });
}

const run = (db: Db, statement: ReturnType<typeof sql>) => statement.execute(db);

describe("verifying the whole log", () => {
  it("accepts an untouched log, reporting progress, read from the database or over HTTP", async () => {
    const progress: number[] = [];
    const result = await verifyLog(databaseLogSource(t.db), {
      origin: ORIGIN,
      keys: await storedLogKeys(t.db),
      pageSize: 8,
      onProgress: (done) => progress.push(done),
    });
    expect(result).toMatchObject({ size: 22, checkpoints: 3 });
    expect(progress).toEqual([8, 16, 22]);

    const viaInject: typeof fetch = async (input) => {
      const url = new URL(String(input));
      const response = await t.app.inject({ method: "GET", url: `${url.pathname}${url.search}` });
      return new Response(response.body, {
        status: response.statusCode,
        headers: { "content-type": "application/json" },
      });
    };
    const remote = await verifyLog(httpLogSource("http://guildhall.test", viaInject), {
      origin: ORIGIN,
      keys: await storedLogKeys(t.db),
      pageSize: 5,
    });
    expect(Buffer.from(remote.root)).toEqual(Buffer.from(result.root));
  });

  it("catches an edited entry and says between which checkpoints", async () => {
    await run(
      t.db,
      sql`UPDATE transparency_log_entries SET entry = convert_to('{"kind":"forged"}', 'UTF8') WHERE index = 12`,
    );
    await expect(verify()).rejects.toThrow(
      "The checkpoint of 17 entries does not match the entries: an entry after entry 9 up to entry 16 was changed",
    );
  });

  it("catches a deleted entry", async () => {
    await run(t.db, sql`DELETE FROM transparency_log_entries WHERE index = 5`);
    await expect(verify()).rejects.toThrow("Entry 5 is missing (the next one is 6): an entry was deleted.");
  });

  it("catches reordered entries", async () => {
    await run(t.db, sql`UPDATE transparency_log_entries SET index = 1000 WHERE index = 3`);
    await run(t.db, sql`UPDATE transparency_log_entries SET index = 3 WHERE index = 4`);
    await run(t.db, sql`UPDATE transparency_log_entries SET index = 4 WHERE index = 1000`);
    await expect(verify()).rejects.toThrow(
      /The checkpoint of 10 entries does not match the entries: an entry from the first entry/,
    );
  });

  it("catches an entry inserted in the middle", async () => {
    for (let index = 21; index >= 15; index--) {
      await run(t.db, sql`UPDATE transparency_log_entries SET index = ${index + 1} WHERE index = ${index}`);
    }
    await run(
      t.db,
      sql`INSERT INTO transparency_log_entries (index, kind, entry, leaf_hash, appended_at)
          SELECT 15, kind, entry, leaf_hash, appended_at FROM transparency_log_entries WHERE index = 0`,
    );
    await run(t.db, sql`UPDATE transparency_log_state SET size = size + 1`);
    await expect(verify()).rejects.toThrow(
      /The checkpoint of 17 entries does not match the entries: an entry after entry 9/,
    );
  });

  it("catches a checkpoint replaced by one signed with another key, or re-signed over another root", async () => {
    const stranger = await parseSignerKey((await generateNoteKeys(ORIGIN)).signerKey);
    const forged = await signCheckpoint({ origin: ORIGIN, size: 17, root: new Uint8Array(32) }, [stranger]);
    await run(t.db, sql`UPDATE transparency_log_checkpoints SET note = ${forged} WHERE size = 17`);
    await expect(verify()).rejects.toThrow(/A checkpoint is not signed by the log's keys/);

    const key = await t.db.selectFrom("transparency_log_keys").select("signer_key_sealed").executeTakeFirstOrThrow();
    const logSigner = await parseSignerKey(t.secretBox.open(key.signer_key_sealed));
    const resigned = await signCheckpoint({ origin: ORIGIN, size: 17, root: new Uint8Array(32) }, [logSigner]);
    await run(t.db, sql`UPDATE transparency_log_checkpoints SET note = ${resigned} WHERE size = 17`);
    await expect(verify()).rejects.toThrow("The checkpoint of 17 entries does not match the entries");
  });

  it("proves the log has only grown since a saved checkpoint, and catches a rewrite or a cut", async () => {
    const saved = (
      await t.db
        .selectFrom("transparency_log_checkpoints")
        .select("note")
        .where("size", "=", "17")
        .executeTakeFirstOrThrow()
    ).note;
    await inTransaction(t.db, (trx) => appendToLog(trx, [{ kind: "test.later" }], t.clock.now()));
    await expect(verify({ since: saved })).resolves.toMatchObject({ size: 23 });

    await run(t.db, sql`DELETE FROM transparency_log_checkpoints`);
    await run(t.db, sql`DELETE FROM transparency_log_entries WHERE index >= 16`);
    await run(t.db, sql`UPDATE transparency_log_state SET size = 16`);
    await expect(verify({ since: saved })).rejects.toThrow(
      "The saved checkpoint has 17 entries but the log now has 16: the log was cut back.",
    );
    await run(
      t.db,
      sql`UPDATE transparency_log_entries SET entry = convert_to('{"kind":"forged"}', 'UTF8') WHERE index = 1`,
    );
    await run(t.db, sql`UPDATE transparency_log_state SET size = 16`);
    await expect(verify({ since: saved.replace("\n17\n", "\n16\n") })).rejects.toThrow(LogVerificationError);
  });
});
