import { randomBytes } from "node:crypto";
import { Document, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** Test documents made with real libraries: a PDF with a text layer, a Word file, a multipart upload. */

/** One page per entry; each page's lines drawn top to bottom in Helvetica (WinAnsi: accents are fine). */
export async function makePdf(pages: readonly (readonly string[])[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, index) => {
      page.drawText(line, { x: 50, y: 790 - index * 16, size: 11, font });
    });
  }
  return pdf.save();
}

/** A PDF whose only page has no text at all, as a scan without OCR would be. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
  return pdf.save();
}

export async function makeDocx(paragraphs: readonly string[]): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipartUpload(
  filename: string,
  content: Uint8Array,
  fieldName = "file",
  contentType = "application/octet-stream",
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----guildhall-${randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A multipart form as a browser sends it: text fields, then files (several per field allowed). */
export async function multipartForm(
  fields: Record<string, string>,
  files: { field: string; name: string; bytes: Uint8Array; type?: string }[] = [],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(
      file.field,
      new Blob([Buffer.from(file.bytes)], { type: file.type ?? "application/octet-stream" }),
      file.name,
    );
  }
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { "content-type": request.headers.get("content-type") ?? "" },
  };
}
