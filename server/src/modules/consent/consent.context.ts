import type { Db } from "../../platform/db/database.ts";
import type { DecisionIndex } from "./decision-index.ts";

/** What consent use cases need: the database, the clock, and the decision index they keep current. */
export interface ConsentContext {
  db: Db;
  now(): Date;
  index: DecisionIndex;
}
