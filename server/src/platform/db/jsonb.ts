import { sql } from "kysely";

/** A jsonb parameter, passed as JSON text and cast: the same on PGlite and pg. */
export function jsonb<T>(value: T): T {
  return sql`${JSON.stringify(value)}::jsonb` as unknown as T;
}
