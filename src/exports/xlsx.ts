/**
 * Spreadsheets (.xlsx) by write-excel-file's universal build: no worker, no eval, the same in
 * the browser and in Node. Loaded only when an export is asked for.
 */
import writeExcelFile from "write-excel-file/universal";

/**
 * A table as an .xlsx sheet: a bold header row, text cells (never formulas: a cell is a
 * string value, so =1+1 stays text), columns sized to their content.
 */
export function xlsx(sheet: string, header: string[], rows: string[][]): Promise<Blob> {
  const width = (i: number) =>
    Math.min(60, Math.max(6, ...[header, ...rows].map((r) => [...(r[i] ?? "")].length * 1.6)));
  const data = [
    header.map((h) => ({ value: h, fontWeight: "bold" as const })),
    ...rows.map((r) => r.map((v) => ({ value: v, type: String, wrap: v.length > 40 }))),
  ];
  return writeExcelFile(data, { sheet, columns: header.map((_, i) => ({ width: width(i) })) }).toBlob();
}
