import type { z } from "zod";
import {
  type logKeySchema,
  logKeysSchema,
  logStatsSchema,
  type ProofBundle,
  proofBundleSchema,
} from "../../../../common/transparency.ts";
import { type VerifyCrypto, webCryptoVerifier } from "../../../../common/transparency-verify.ts";
import { ApiError, apiRequest } from "../../lib/api.ts";

export type LogKeys = z.infer<typeof logKeysSchema>;
export type LogKey = z.infer<typeof logKeySchema>;
export type LogStats = z.infer<typeof logStatsSchema>;

/** The latest signed checkpoint as its note text, or null before the log's first checkpoint. */
export async function getCheckpoint(): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch("/api/v1/log/checkpoint", { headers: { accept: "text/plain" }, cache: "no-cache" });
  } catch {
    throw new ApiError(0, "unavailable", "Network error");
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new ApiError(response.status, response.status >= 500 ? "unavailable" : "internal", "");
  return response.text();
}

export function getLogKeys(): Promise<LogKeys> {
  return apiRequest("/api/v1/log/keys", { schema: logKeysSchema });
}

export function getLogStats(): Promise<LogStats> {
  return apiRequest("/api/v1/log/stats", { schema: logStatsSchema });
}

/** 409 (`conflict`) until a signed checkpoint covers the entry. */
export function getProofBundle(index: number): Promise<ProofBundle> {
  return apiRequest(`/api/v1/log/bundle?index=${index}`, { schema: proofBundleSchema });
}

/** The browser's own WebCrypto: nothing is sent to the server to check a bundle. */
export function browserCrypto(): VerifyCrypto {
  return webCryptoVerifier(globalThis.crypto.subtle);
}

/** The fields of the checkpoint's note text, for display; null when it is not a checkpoint. */
export function checkpointFields(note: string): { origin: string; size: string; root: string } | null {
  const [origin, size, root] = note.split("\n");
  if (!origin || !size || !root) return null;
  return { origin, size, root };
}
