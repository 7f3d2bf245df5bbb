import { createHash } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fingerprintSchema, sha256HexSchema } from "../../../../common/consent.ts";
import { drawing, prose } from "./fixtures/generate.ts";
import { contentFingerprints, FingerprintError, fingerprintDistance } from "./index.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("contentFingerprints", () => {
  it("gives the SHA-256 of the bytes as uploaded, whatever the kind", async () => {
    expect((await contentFingerprints(utf8("abc"), "text")).sha256).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    const bytes = new Uint8Array(4096).map((_, i) => (i * 31) & 0xff);
    for (const kind of ["audio", "video", "performance"] as const) {
      expect(await contentFingerprints(bytes, kind)).toEqual({
        sha256: createHash("sha256").update(bytes).digest("hex"),
        fingerprint: null,
        method: null,
      });
    }
  });

  it("fingerprints a text with SimHash, in the registry's formats", async () => {
    const text = utf8(prose(7, 400));
    const result = await contentFingerprints(text, "text");
    expect(result.method).toBe("simhash-text-v1");
    expect(fingerprintSchema.parse(result.fingerprint)).toBe(result.fingerprint);
    expect(sha256HexSchema.parse(result.sha256)).toBe(createHash("sha256").update(text).digest("hex"));
    const withBom = await contentFingerprints(new Uint8Array([0xef, 0xbb, 0xbf, ...text]), "text");
    expect(withBom.fingerprint).toBe(result.fingerprint);
    expect(withBom.sha256).not.toBe(result.sha256);
    expect(await contentFingerprints(utf8(" \n"), "text")).toMatchObject({ fingerprint: null, method: null });
  });

  it("fingerprints a picture with dHash: the same picture as PNG and as WebP are near duplicates", async () => {
    const png = await drawing(7);
    const webp = await sharp(png).resize({ width: 300 }).webp({ quality: 70 }).toBuffer();
    const a = await contentFingerprints(png, "image");
    const b = await contentFingerprints(webp, "image");
    expect(a.method).toBe("dhash-image-v1");
    expect(fingerprintSchema.parse(a.fingerprint)).toBe(a.fingerprint);
    expect(a.sha256).not.toBe(b.sha256);
    expect(fingerprintDistance(a.fingerprint as string, b.fingerprint as string)).toBeLessThanOrEqual(3);
  });

  it("refuses a file that is not the kind it was given as, saying what it is", async () => {
    const png = await drawing(8);
    await expect(contentFingerprints(png, "text")).rejects.toMatchObject({
      name: "FingerprintError",
      code: "invalid_text",
      message: "This file is image/png, not text: texts must be plain UTF-8 text.",
    });
    await expect(contentFingerprints(utf8("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "image")).rejects.toMatchObject({
      code: "unsupported_image",
      message: "This file is application/pdf, not a picture: pictures must be JPEG, PNG or WebP.",
    });
    const gif = utf8("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    await expect(contentFingerprints(gif, "image")).rejects.toMatchObject({ code: "unsupported_image" });
    const svg = utf8('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await expect(contentFingerprints(svg, "image")).rejects.toMatchObject({ code: "unsupported_image" });
  });

  it("refuses text that is not UTF-8 and pictures that cannot be decoded", async () => {
    const latin1 = new Uint8Array([...utf8("Les Mis"), 0xe9, ...utf8("rables")]);
    const error = await contentFingerprints(latin1, "text").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FingerprintError);
    expect(error).toMatchObject({ code: "invalid_text", message: expect.stringContaining("not valid UTF-8") });
    const jpeg = await sharp(await drawing(9))
      .jpeg()
      .toBuffer();
    await expect(contentFingerprints(jpeg.subarray(0, 400), "image")).rejects.toMatchObject({
      code: "undecodable_image",
      message: expect.stringMatching(/^The picture cannot be decoded/),
    });
    await expect(contentFingerprints(jpeg, "image", { maxImagePixels: 1000 })).rejects.toMatchObject({
      code: "image_too_large",
    });
  });
});
