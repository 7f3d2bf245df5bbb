import type { Actor } from "../../../platform/auth/actor.ts";
import {
  type ContentFingerprints,
  contentFingerprints,
  FingerprintError,
  type WorkKind,
} from "../../../platform/fingerprints/index.ts";
import { AppError } from "../../../platform/http/app-error.ts";

/**
 * SHA-256 and the near-duplicate fingerprint of a work's file, for registering it or checking it;
 * the file itself is not kept.
 */
export async function fingerprintFile(actor: Actor, bytes: Uint8Array, kind: WorkKind): Promise<ContentFingerprints> {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Please sign in.");
  if (bytes.length === 0) {
    throw new AppError("validation_failed", "The file is empty.", {
      fields: [{ path: "body", message: "Empty file" }],
    });
  }
  try {
    return await contentFingerprints(bytes, kind);
  } catch (error) {
    if (error instanceof FingerprintError) {
      throw new AppError("validation_failed", error.message, { fields: [{ path: "body", message: error.message }] });
    }
    throw error;
  }
}
