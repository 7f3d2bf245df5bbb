import { describe, expect, it } from "vitest";
import { normalizeIdentifier } from "./identifiers.ts";

describe("work identifiers", () => {
  it("are brought to one form however they were typed", () => {
    expect(normalizeIdentifier("isrc", "ISRC US-S1Z-99-00001")).toEqual({ ok: true, value: "USS1Z9900001" });
    expect(normalizeIdentifier("iswc", "T-034.524.680-1")).toEqual({ ok: true, value: "T0345246801" });
    expect(normalizeIdentifier("isan", "ISAN 0000-0000-3A8D-0000-Z-0000-0000-6")).toEqual({
      ok: true,
      value: "000000003A8D0000",
    });
    expect(normalizeIdentifier("doi", "https://doi.org/10.1000/ABC.182")).toEqual({
      ok: true,
      value: "10.1000/abc.182",
    });
    expect(normalizeIdentifier("iscc", "iscc:kacyppxm3ikzpb3w")).toEqual({ ok: true, value: "ISCC:KACYPPXM3IKZPB3W" });
    expect(normalizeIdentifier("url", "HTTPS://Example.ORG:443/a/b?x=1#frag")).toEqual({
      ok: true,
      value: "https://example.org/a/b?x=1",
    });
  });

  it("are refused with a reason when malformed, including an ISWC with a wrong check digit", () => {
    for (const [scheme, value] of [
      ["isrc", "US-S1Z-99"],
      ["iswc", "T-034.524.680-2"],
      ["isan", "xyz"],
      ["doi", "11.1000/182"],
      ["iscc", "ISCC:"],
      ["url", "ftp://example.org/file"],
      ["url", "example.org"],
    ] as const) {
      const result = normalizeIdentifier(scheme, value);
      expect(result.ok, `${scheme} ${value}`).toBe(false);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
    }
  });
});
