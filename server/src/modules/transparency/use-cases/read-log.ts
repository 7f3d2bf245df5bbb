import type { Db } from "../../../platform/db/database.ts";
import { listEntries, logSize } from "../transparency.repository.ts";

export interface LogEntry {
  index: number;
  kind: string;
  /** The entry exactly as hashed: canonical JSON (RFC 8785). */
  json: string;
}

/** Entries [from, to) of the log, at most `limit`, as stored. */
export async function readLogEntries(db: Db, from: number, to: number, limit = 1000): Promise<LogEntry[]> {
  const end = Math.min(to, from + limit, await logSize(db));
  if (end <= from) return [];
  const rows = await listEntries(db, from, end);
  return rows.map((row) => ({ index: Number(row.index), kind: row.kind, json: new TextDecoder().decode(row.entry) }));
}

export { logSize };
