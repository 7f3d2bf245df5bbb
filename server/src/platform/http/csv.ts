/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of fields as CSV text, CRLF line ends (RFC 4180), a line end after the last row too. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((fields) => fields.map(csvField).join(","))
    .join("\r\n")
    .concat("\r\n");
}
