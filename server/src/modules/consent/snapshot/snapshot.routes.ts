import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { snapshotFileSchema } from "../../../../../common/consent-snapshot.ts";
import { errorResponses } from "../../../platform/http/error-schema.ts";
import type { SnapshotService } from "./snapshot.ts";

const API_KEY = { kind: "api_key" } as const;

/** GET /consent/snapshot: the signed snapshot of every reserved use, for checking items locally. */
export const snapshotRoutes: FastifyPluginAsyncZod<{ snapshots: SnapshotService }> = async (app, { snapshots }) => {
  app.get(
    "/consent/snapshot",
    {
      config: { access: API_KEY },
      schema: {
        tags: ["AI consent"],
        summary: "The signed snapshot of every reserved use, to check millions of items a second locally",
        description:
          "Authenticate with your organization's API key. A binary fuse filter (16-bit fingerprints) of each " +
          "registered name (`sha256:`, exact `fp:` fingerprint, normalized identifier) with the uses its asset " +
          "reserves, as base64, and a C2SP signed note over its SHA-256 by the transparency log's key (verify with " +
          "GET /api/v1/log/keys). A miss: no reservation when the snapshot was made. A hit: confirm with POST " +
          "/api/v1/consent/check (false positives at most `falsePositiveRate`). Near-duplicates and personal " +
          "attributes only through the check. Rebuilt at most once a minute after a change; send `If-None-Match` " +
          "with the ETag to download it only when it changed. Read it with common/consent-snapshot.ts or " +
          "`guildhall consent snapshot-check` (decision 0010).",
        response: {
          200: snapshotFileSchema,
          304: z.null().describe("Not modified: the snapshot is the one named by If-None-Match"),
          ...errorResponses(401, 403, 429),
        },
      },
    },
    async (request, reply) => {
      const served = await snapshots.current();
      reply.headers({ etag: served.etag, "cache-control": "private, no-cache" });
      const asked = request.headers["if-none-match"];
      if (asked?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === served.etag)) {
        return reply.code(304).send(null);
      }
      // Serialized once per snapshot (it is megabytes of base64): sent as it is.
      return reply.type("application/json; charset=utf-8").send(served.body as never);
    },
  );
};
