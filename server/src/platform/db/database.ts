import { existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { DatabaseSchema } from "./schema.ts";

export type Db = Kysely<DatabaseSchema>;

export interface DatabaseHandle {
  db: Db;
  engine: "pglite" | "postgres";
  /**
   * Calls `onMessage` with each NOTIFY payload on `channel` (a plain identifier), from every
   * process using the database; "*" when notifications may have been missed (a lost connection),
   * so the listener should reload everything. Resolves once listening; returns the unsubscribe.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Channels are fixed names in our code; this keeps them safe to splice into LISTEN. */
function requireChannelName(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  return channel;
}

const BYTEA = 17;

/**
 * PGlite's own bytea conversion goes byte by byte (about 200 ms to store 1 MiB, measured in
 * bench/README.md); Node's hex codec does the same work at native speed.
 */
export const PGLITE_OPTIONS = {
  serializers: {
    [BYTEA]: (value: Uint8Array) =>
      `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`,
  },
  parsers: {
    [BYTEA]: (text: string) => {
      const bytes = Buffer.from(text.slice(2), "hex");
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  },
};

/**
 * Opens the embedded database in `<dataDir>/pgdata`, creating it atomically on first start.
 * Only one process may have it open: a second PGlite on the same folder would lose writes.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<DatabaseHandle & { created: boolean }> {
  const pgdata = path.join(dataDir, "pgdata");
  await mkdir(dataDir, { recursive: true });
  const releaseLock = await lockDataFolder(dataDir);
  try {
    const created = !existsSync(pgdata);
    if (created) await createDataFolderAtomically(dataDir, pgdata);
    const handle = wrapPglite(await PGlite.create(pgdata, PGLITE_OPTIONS), created);
    return {
      ...handle,
      async close() {
        await handle.close();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

/** Runs `work` in the caller's transaction if there is one, else in a new one. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Runs `work` in one consistent snapshot (REPEATABLE READ), for reads that must not mix states of
 * the data; in the caller's transaction if there is one.
 */
export function inSnapshot<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().setIsolationLevel("repeatable read").execute(work);
}

/** Thrown when another live process holds the embedded database. */
export class DatabaseInUseError extends Error {}

async function lockDataFolder(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, "pgdata.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseInUseError(
          `The embedded database in ${dataDir} is in use by process ${holder} (is \`guildhall serve\` running?). Stop it first, or use DATABASE_URL.`,
        );
      }
      // Left by a process that was killed: take it over.
      await rm(lockFile, { force: true });
    }
  }
  throw new DatabaseInUseError(`Could not lock the embedded database in ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Wraps an already opened PGlite (tests load one from a migrated snapshot). */
export function wrapPglite(pglite: PGlite, created = false): DatabaseHandle & { created: boolean } {
  const db: Db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    engine: "pglite",
    created,
    async listen(channel, onMessage) {
      const unlisten = await pglite.listen(requireChannelName(channel), onMessage);
      // Closing the database ends every listener; unlistening after that would throw.
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Connects to a PostgreSQL server through a `pg` pool. */
export function openPostgresDatabase(url: string, options: { maxConnections?: number } = {}): DatabaseHandle {
  // JIT compilation costs ~0.4 s on the library's search statements and saves nothing (bench/README.md).
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, options: "-c jit=off" });
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const listeners = new Set<{ close(): Promise<void> }>();
  return {
    db,
    engine: "postgres",
    async listen(channel, onMessage) {
      const listener = await listenOnPostgres(url, requireChannelName(channel), onMessage);
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
        await listener.close();
      };
    },
    async close() {
      await Promise.all([...listeners].map((listener) => listener.close()));
      await db.destroy();
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries). A lost connection
 * is reopened after a second, and the listener told "*": it may have missed notifications.
 */
async function listenOnPostgres(url: string, channel: string, onMessage: (payload: string) => void) {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const reconnectSoon = () => {
    retry = setTimeout(() => {
      if (closed) return;
      connect().then(
        () => onMessage("*"),
        () => reconnectSoon(),
      );
    }, 1000);
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel) onMessage(message.payload ?? "");
    });
    next.on("error", () => {
      if (closed || client !== next) return;
      client = null;
      void next.end().catch(() => {});
      reconnectSoon();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (closed) await next.end();
    else client = next;
  };
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end();
    },
  };
}

/**
 * A crash during initdb leaves a folder PGlite can never open, so the cluster is built in a
 * temporary sibling and renamed into place only once it is complete.
 */
async function createDataFolderAtomically(dataDir: string, pgdata: string): Promise<void> {
  for (const entry of await readdir(dataDir)) {
    if (entry.startsWith("pgdata.partial-")) await rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
  const partial = path.join(dataDir, `pgdata.partial-${process.pid}`);
  const pglite = await PGlite.create(partial);
  await pglite.close();
  await rename(partial, pgdata);
}
