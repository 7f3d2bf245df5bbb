import { CompiledQuery } from "kysely";
import { submitReport } from "../server/src/modules/reports/index.ts";
import { prepareAttachments } from "../server/src/modules/reports/use-cases/attachments.ts";
import { defineBenchmark } from "./harness.ts";
import { measureCalls } from "./latency.ts";
import { BENCH_OFFICERS, engineLabel, openReportsFixture, type ReportsFixture } from "./reports-fixture.ts";
import { PHOTO_BYTES, photoOfSize } from "./reports-photo.ts";

/**
 * Filing a report with a 1 MiB photo: the photo recognized by its bytes and cleaned of EXIF, XMP,
 * IPTC and comments (prepareAttachments), then submitReport (receipt, key, content and photo
 * encrypted, key sealed, one transaction); against inserting the same report and the same photo
 * unencrypted, as bytea, in one statement.
 */
export default defineBenchmark<ReportsFixture & { photo: Uint8Array }>({
  name: "reports-submit-attachment",
  title: "reports filed one at a time with a 1 MiB photo, cleaned and encrypted, vs the same inserted unencrypted",
  notes: [
    `in-process calls, one at a time: prepareAttachments([photo]) then submitReport(db, submission, now, prepared) ` +
      `with the key sealed to ${BENCH_OFFICERS} officers; the baseline inserts one reports row and one report_attachments ` +
      "row holding the raw 1 MiB as bytea (one INSERT ... WITH), through the same driver.",
    "the photo (reports-photo.ts) is the files module's JPEG with EXIF/GPS, XMP, IPTC and a comment, grown to 1 MiB " +
      "with entropy-coded bytes; every call stores another ~1 MiB, so the database grows by ~1 MiB per call on both sides.",
  ],

  async setup(context) {
    const fixture = await openReportsFixture(context);
    const photo = photoOfSize(PHOTO_BYTES);
    const [prepared] = await prepareAttachments([{ name: "IMG_2041.jpg", bytes: photo }], false);
    if (prepared?.mediaType !== "image/jpeg" || prepared.metadata !== "removed" || prepared.bytes.length < 1_000_000) {
      throw new Error(
        `the bench photo was not prepared as expected: ${JSON.stringify({ ...prepared, bytes: prepared?.bytes.length })}`,
      );
    }
    return { ...fixture, photo };
  },

  async baseline(context, fixture) {
    const content = new TextEncoder().encode(JSON.stringify(fixture.submission));
    const header = new TextEncoder().encode(JSON.stringify({ name: "IMG_2041.jpg", mediaType: "image/jpeg" }));
    let n = 0;
    return measureCalls(context, {
      label: `INSERT a reports row + a 1 MiB report_attachments row, unencrypted (${engineLabel(fixture)})`,
      calls: [
        {
          name: "insert",
          run: () =>
            fixture.db.executeQuery(
              CompiledQuery.raw(
                `WITH report AS (
                   INSERT INTO reports (organization_id, kind, category, country, sector, received_at, acknowledge_by,
                     feedback_by, receipt_lookup, key_for_reporter, content)
                   VALUES ($1, 'accident', 'accident', 'ES', 'film', now(), now(), now(), $2, $3, $4)
                   RETURNING id)
                 INSERT INTO report_attachments (report_id, organization_id, created_at, header, content)
                 SELECT id, $1, now(), $5, $6 FROM report`,
                [
                  fixture.organizationId,
                  `baseline-${process.pid}-${n++}-${Math.random()}`,
                  new Uint8Array(72),
                  content,
                  header,
                  fixture.photo,
                ],
              ),
            ),
        },
      ],
    });
  },

  async subject(context, fixture) {
    return measureCalls(context, {
      label: `prepareAttachments + submitReport with a 1 MiB JPEG, encrypted, sealed to ${BENCH_OFFICERS} officers (${engineLabel(fixture)})`,
      calls: [
        {
          name: "submit with photo",
          run: async () => {
            const prepared = await prepareAttachments([{ name: "IMG_2041.jpg", bytes: fixture.photo }], false);
            return submitReport(fixture.db, fixture.submission, new Date(), prepared);
          },
        },
      ],
    });
  },
});
