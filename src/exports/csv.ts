/**
 * CSV as Excel and WPS open it: UTF-8 with BOM so they read the Chinese, CRLF line ends, and
 * every field made safe against formula injection.
 */

/**
 * One CSV field. A field a spreadsheet would read as a formula (=, +, -, @, or a tab or
 * carriage return before one: CSV injection) gets a leading apostrophe, which Excel and WPS
 * show as text and do not evaluate (OWASP's advice); the text after it is unchanged.
 */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A table as CSV: a header row, then the rows; BOM first, CRLF line ends. */
export function csv(header: string[], rows: string[][]): string {
  return "\ufeff" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The rows of search results an official takes away: one per matching passage. */
export const SEARCH_HEADER = ["标题", "文号", "成文日期", "地区", "条款", "引用", "段落", "链接"];
