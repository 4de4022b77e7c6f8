/**
 * What a file's format gives the parser: the lines it reads (the same as a text file's),
 * which of them the format already knows to be chrome (a page's menu, a PDF's running head),
 * and what was repaired on the way. The text is kept as the document's source text.
 */
import type { SourceFormat, Warning } from "../../model/circular.ts";
import type { DatabaseFieldName } from "../../config/chrome.ts";

/** A field of the database's own record of the document (a Markdown file's frontmatter). */
export interface DatabaseField {
  field: DatabaseFieldName;
  /** The key as written: title, office, 施行日期. */
  label: string;
  value: string;
  /** 1-based line of the key. */
  line: number;
}

export interface Extracted {
  format: SourceFormat;
  /** The text read out of the file: lines joined by "\n". */
  text: string;
  /** How the text was decoded or read: "UTF-8", "GB18030 (declared)", "PDF text layer". */
  encoding: string;
  /** 1-based lines of `text` known to be chrome. */
  noiseLines: number[];
  /** Markup taken out of lines that stay text (a Markdown heading's `## `), by line. */
  noiseParts?: Array<{ line: number; text: string }>;
  /** The database's fields, where the format carries them. */
  fields?: DatabaseField[];
  warnings: Warning[];
}

export type ExtractResult = { ok: true; value: Extracted } | { ok: false; message: string };

/** Lines collected one at a time, each marked chrome or not. */
export class LineSink {
  readonly lines: string[] = [];
  readonly noise: number[] = [];

  push(text: string, noise = false): void {
    for (const line of text.split("\n")) {
      this.lines.push(line);
      if (noise && line.trim() !== "") this.noise.push(this.lines.length);
    }
  }

  done(format: SourceFormat, encoding: string, warnings: Warning[] = []): Extracted {
    return { format, text: this.lines.join("\n"), encoding, noiseLines: this.noise, warnings };
  }
}
