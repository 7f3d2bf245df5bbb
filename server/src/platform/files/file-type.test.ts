import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { sniffFileType } from "./file-type.ts";
import {
  concat,
  fixture,
  id3v2Tag,
  latin1,
  listInfoChunk,
  mpegFrames,
  pcmChunks,
  riff,
  u32le,
} from "./fixtures/build.ts";

function box(type: string, ...children: Uint8Array[]): Uint8Array {
  const body = concat(...children);
  const size = new Uint8Array(4);
  new DataView(size.buffer).setUint32(0, body.length + 8);
  return concat(size, latin1(type), body);
}

/** A minimal ISO media file: ftyp with a brand, and a moov whose tracks have the given handler types. */
function isoMedia(brand: string, handlers: string[]): Uint8Array {
  const ftyp = box("ftyp", latin1(brand), new Uint8Array(4), latin1(`${brand}isom`));
  const traks = handlers.map((handler) =>
    box("trak", box("mdia", box("hdlr", new Uint8Array(8), latin1(handler), new Uint8Array(13)))),
  );
  return concat(ftyp, box("moov", ...traks), box("mdat", new Uint8Array(32)));
}

function oggFirstPage(packet: string): Uint8Array {
  const data = latin1(packet.padEnd(30, "\0"));
  return concat(latin1("OggS"), new Uint8Array([0, 2]), new Uint8Array(20), new Uint8Array([1, data.length]), data);
}

describe("sniffFileType", () => {
  it("recognizes each accepted type by its bytes", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const wav = riff("WAVE", [pcmChunks().fmt, listInfoChunk("x"), pcmChunks().data]);
    const cases: [Uint8Array, string, string, string][] = [
      [fixture("canvas.jpg"), "image/jpeg", "image", "jpg"],
      [fixture("canvas.png"), "image/png", "image", "png"],
      [fixture("canvas.webp"), "image/webp", "image", "webp"],
      [await pdf.save(), "application/pdf", "pdf", "pdf"],
      [concat(id3v2Tag("someone"), mpegFrames(2)), "audio/mpeg", "audio", "mp3"],
      [mpegFrames(3), "audio/mpeg", "audio", "mp3"],
      [isoMedia("M4A ", ["soun"]), "audio/mp4", "audio", "m4a"],
      [isoMedia("mp42", ["soun"]), "audio/mp4", "audio", "m4a"],
      [isoMedia("3gp4", ["soun"]), "audio/3gpp", "audio", "3gp"],
      [oggFirstPage("OpusHead"), "audio/ogg", "audio", "ogg"],
      [oggFirstPage("\x01vorbis"), "audio/ogg", "audio", "ogg"],
      [wav, "audio/wav", "audio", "wav"],
      [concat(latin1("#!AMR\n"), new Uint8Array(32)), "audio/amr", "audio", "amr"],
    ];
    for (const [bytes, mediaType, kind, extension] of cases) {
      expect(sniffFileType(bytes), mediaType).toEqual({ mediaType, kind, extension });
    }
  });

  it("refuses everything else, whatever it would be called", () => {
    const random = new Uint8Array(4096);
    let seed = 12345;
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      random[i] = seed >> 23;
    }
    const refused: [string, Uint8Array][] = [
      ["empty", new Uint8Array(0)],
      ["a few bytes of JPEG", new Uint8Array([0xff, 0xd8, 0xff])],
      ["Windows executable", concat(latin1("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff"), new Uint8Array(64))],
      ["ELF executable", concat(latin1("\x7fELF\x02\x01\x01"), new Uint8Array(64))],
      ["zip (and DOCX)", concat(latin1("PK\x03\x04\x14\0\0\0\x08\0"), new Uint8Array(64))],
      ["HTML", latin1("<!DOCTYPE html><html><script>alert(1)</script></html>")],
      ["SVG", latin1('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ["GIF", concat(latin1("GIF89a"), new Uint8Array(32))],
      ["random bytes", random],
      ["RIFF AVI video", riff("AVI ", [{ id: "avih", data: new Uint8Array(56) }])],
      ["MP4 video", isoMedia("mp42", ["vide", "soun"])],
      ["3GP video", isoMedia("3gp4", ["vide"])],
      ["generic MP4 without tracks", isoMedia("isom", [])],
      ["QuickTime", isoMedia("qt  ", ["soun"])],
      ["Ogg Theora video", oggFirstPage("\x80theora")],
      ["ID3 tag over FLAC", concat(id3v2Tag("x"), latin1("fLaC"), new Uint8Array(64))],
      ["a lone MPEG frame header followed by junk", concat(mpegFrames(1), latin1("not another frame"))],
      ["AAC ADTS", concat(new Uint8Array([0xff, 0xf1, 0x50, 0x80]), new Uint8Array(64))],
      ["RIFF of an unknown form", concat(latin1("RIFF"), u32le(20), latin1("ABCD"), new Uint8Array(20))],
    ];
    for (const [name, bytes] of refused) expect(sniffFileType(bytes), name).toBeNull();
  });
});
