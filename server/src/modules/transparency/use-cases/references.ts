import type { LogReference } from "../../../../../common/transparency.ts";
import type { Db } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { proofBundle } from "./bundles.ts";

/**
 * A module's answer with its log reference's proof bundle put in, when asked for: the bundle, or
 * null while no signed checkpoint covers the entry yet. Unasked, nothing is read.
 */
export async function withProofBundle(
  db: Db,
  reference: LogReference | null,
  wanted: boolean,
): Promise<LogReference | null> {
  if (!reference || !wanted) return reference;
  try {
    return { ...reference, proof: await proofBundle(db, reference.index) };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return { ...reference, proof: null };
    throw error;
  }
}
