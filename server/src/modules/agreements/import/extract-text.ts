import mammoth from "mammoth";
import { IMPORT_LIMITS, type ImportSourceKind, type ImportWarning } from "../../../../../common/agreements-import.ts";
import { AppError } from "../../../platform/http/app-error.ts";

export interface UploadedDocument {
  filename: string | null;
  bytes: Uint8Array;
}

export interface ExtractedText {
  kind: ImportSourceKind;
  text: string;
  pages: number | null;
  warnings: ImportWarning[];
}

const PDF_MAGIC = "%PDF-";
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads the text of an uploaded document. The format is recognised from the content, not trusted
 * from the name: a PDF is read by its text layer, a DOCX by its paragraphs, anything else must be
 * UTF-8 or UTF-16 (with a byte-order mark) plain text or Markdown.
 */
export async function extractText(document: UploadedDocument): Promise<ExtractedText> {
  const { bytes, filename } = document;
  if (bytes.length === 0) throw emptyDocument();
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw new AppError("import_too_large", `The file is larger than ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MiB.`);
  }
  if (
    startsWith(
      bytes,
      [...PDF_MAGIC].map((c) => c.charCodeAt(0)),
    )
  )
    return withText(await readPdf(bytes));
  if (startsWith(bytes, ZIP_MAGIC)) return withText(await readDocx(bytes));
  const text = decodePlainText(bytes);
  const kind = /\.(md|markdown)$/i.test(filename ?? "") ? "markdown" : "text";
  return withText({ kind, text: kind === "markdown" ? stripMarkdown(text) : text, pages: null, warnings: [] });
}

/** Pasted text goes through the same checks as a plain-text file. */
export function pastedText(text: string): ExtractedText {
  if (text.length > IMPORT_LIMITS.maxPastedCharacters) {
    throw new AppError(
      "import_too_large",
      `Pasted text is limited to ${IMPORT_LIMITS.maxPastedCharacters} characters.`,
    );
  }
  return withText({ kind: "paste", text: normalizeText(text), pages: null, warnings: [] });
}

function withText(extracted: ExtractedText): ExtractedText {
  const text = normalizeText(extracted.text);
  if (!/[\p{L}\p{N}]/u.test(text)) throw emptyDocument();
  if (text.length > IMPORT_LIMITS.maxTextCharacters) {
    throw new AppError(
      "import_too_large",
      `The document holds more than ${IMPORT_LIMITS.maxTextCharacters} characters of text; split it and import the parts.`,
    );
  }
  return { ...extracted, text };
}

const emptyDocument = () => new AppError("import_empty", "The document contains no text.");

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function decodePlainText(bytes: Uint8Array): string {
  let text: string;
  try {
    if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
    else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
    else text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    if (looksBinary(bytes)) throw unsupported();
    throw new AppError(
      "import_encoding",
      "The file is not UTF-8 text (perhaps Windows-1252 or Latin-1). Save it as UTF-8 and upload it again.",
    );
  }
  if (looksBinary(text)) throw unsupported();
  return text;
}

const unsupported = () =>
  new AppError(
    "import_unsupported",
    "This is not a document Guildhall can read: upload plain text, Markdown, PDF or DOCX.",
  );

/** NUL bytes or many control characters: an image, archive or program rather than text. */
function looksBinary(content: Uint8Array | string): boolean {
  const sample = content.slice(0, 4096);
  let control = 0;
  for (const unit of typeof sample === "string" ? [...sample].map((c) => c.charCodeAt(0)) : sample) {
    if (unit === 0) return true;
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c) control++;
  }
  return control > sample.length * 0.05;
}

/** Unifies line ends, drops the byte-order mark and control characters, trims trailing spaces. */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, "")
      .replace(/\f/g, "\n\n")
      .replace(/[ \t\u00A0]+$/gm, "")
      .trim()
  );
}

/** Keeps the words of Markdown: headings lose their hashes, links their targets, emphasis its marks. */
function stripMarkdown(text: string): string {
  return text
    .replace(/^#{1,6}[ \t]+/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/^[ \t]*[-*+][ \t]+/gm, "- ");
}

async function readPdf(bytes: Uint8Array): Promise<ExtractedText> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const locked = error instanceof Error && error.name === "PasswordException";
    throw new AppError(
      "import_unsupported",
      locked ? "The PDF is password-protected; remove the password and upload it again." : "The PDF cannot be read.",
    );
  }
  try {
    if (document.numPages > IMPORT_LIMITS.maxPdfPages) {
      throw new AppError("import_too_large", `The PDF has more than ${IMPORT_LIMITS.maxPdfPages} pages; split it.`);
    }
    const pages: string[] = [];
    let pagesWithoutText = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let pageText = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        pageText += item.str + (item.hasEOL ? "\n" : "");
      }
      if (!/[\p{L}\p{N}]/u.test(pageText)) pagesWithoutText++;
      pages.push(pageText);
      page.cleanup();
    }
    if (pagesWithoutText === document.numPages) {
      throw new AppError(
        "import_empty",
        "The PDF has no text layer (a scan?). Import a PDF with text, or paste the text.",
      );
    }
    return {
      kind: "pdf",
      text: pages.join("\n\n"),
      pages: document.numPages,
      warnings: pagesWithoutText > 0 ? ["pages_without_text"] : [],
    };
  } finally {
    await document.destroy();
  }
}

async function readDocx(bytes: Uint8Array): Promise<ExtractedText> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { kind: "docx", text: result.value, pages: null, warnings: [] };
  } catch {
    throw new AppError("import_unsupported", "This archive is not a Word (DOCX) document Guildhall can read.");
  }
}
