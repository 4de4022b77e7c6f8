/**
 * Markdown as law databases, mirrors and wikis publish it (CommonMark with GFM tables and
 * YAML frontmatter) → the lines the text path reads, one per source line, so every line
 * number stays the file's own. Read with a real Markdown parser (mdast-util-from-markdown,
 * with the CJK-friendly emphasis rules, since `**。**` is not emphasis in plain CommonMark):
 * headings, block quotes, lists, code blocks, emphasis and escapes become their text; the
 * markers (`## `, `> `, `- `, `**`, `\`) are kept as noise pieces of their line; HTML
 * comments, rules and the frontmatter are noise lines. An ordered list's number is the
 * document's own numbering (1. 2. 3.), so it stays in the text. The frontmatter's fields
 * are the database's own record of the document: header evidence of their own kind.
 */
import { diffChars } from "diff";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { cjkFriendlyExtension } from "micromark-extension-cjk-friendly";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import { parse as parseYaml } from "yaml";
import { DATABASE_FIELD_KEYS, type DatabaseFieldName } from "../../config/chrome.ts";
import type { DatabaseField, ExtractResult } from "./extracted.ts";

interface Point {
  line: number;
  column: number;
}
interface MdNode {
  type: string;
  value?: string;
  alt?: string | null;
  ordered?: boolean | null;
  children?: MdNode[];
  position?: { start: Point; end: Point };
}

/** Inline nodes whose text is the document's; everything else inline is markup. */
const TEXT_LEAVES = new Set(["text", "inlineCode"]);
/** Block nodes that are not the document's text at all. */
const NOISE_BLOCKS = new Set(["yaml", "toml", "html", "thematicBreak", "definition", "footnoteDefinition"]);

function parseMarkdown(text: string): MdNode {
  return fromMarkdown(text, {
    extensions: [frontmatter(["yaml"]), gfm({ singleTilde: false }), cjkFriendlyExtension()],
    mdastExtensions: [frontmatterFromMarkdown(["yaml"]), gfmFromMarkdown()],
  }) as MdNode;
}

/** Frontmatter fields the header reads, each with the line its key stands on. */
function databaseFields(node: MdNode, lines: string[]): DatabaseField[] {
  let data: unknown;
  try {
    data = parseYaml(node.value ?? "");
  } catch {
    return [];
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return [];
  const from = node.position!.start.line;
  const to = node.position!.end.line;
  const out: DatabaseField[] = [];
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    const field = (Object.keys(DATABASE_FIELD_KEYS) as DatabaseFieldName[]).find((f) =>
      DATABASE_FIELD_KEYS[f].some((k) => k.toLowerCase() === key.toLowerCase()),
    );
    if (!field) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter(
      (v) => v !== null && v !== undefined && String(v).trim() !== "",
    );
    if (values.length === 0) continue;
    const value = values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim())).join("、");
    let line = from;
    for (let l = from; l <= to; l++) if (lines[l - 1]!.trimStart().startsWith(`${key}`)) line = l;
    out.push({ field, label: key, value, line });
  }
  return out;
}

/** The decoded text of a Markdown file → its lines (`encoding`: how it was decoded). */
export function extractMarkdown(decodedText: string, encoding: string): ExtractResult {
  // Line numbers are those of the file: split as the text path splits.
  const source = decodedText.replace(/^\ufeff/, "");
  const raw = source.split(/\r\n|\r|\n/);
  let tree: MdNode;
  try {
    tree = parseMarkdown(source.replace(/\r\n?/g, "\n"));
  } catch (e) {
    return { ok: false, message: `not readable as Markdown: ${(e as Error).message}` };
  }
  const text: string[] = raw.map(() => "");
  const touched = raw.map(() => false);
  const noiseLine = raw.map(() => false);
  const fields: DatabaseField[] = [];

  const put = (line: number, s: string) => {
    if (line < 1 || line > raw.length) return;
    text[line - 1] += s;
    touched[line - 1] = true;
  };
  // Line numbers of a tree parsed from a part of the file (an indented block) are shifted by
  // `offset`, and its columns are those of that part's own lines.
  let offset = 0;
  let part: string[] | null = null;
  const treeLine = (line: number) => (part ? part[line - 1] : raw[line - 1]) ?? "";
  /** A leaf's value over the lines it spans (a soft break is a new source line). */
  const putSpan = (start: Point, value: string) =>
    value.split("\n").forEach((piece, k) => put(offset + start.line + k, piece));
  const inline = (n: MdNode) => {
    if (TEXT_LEAVES.has(n.type) && n.position) putSpan(n.position.start, n.value ?? "");
    else if (n.type === "image" && n.alt && n.position) putSpan(n.position.start, n.alt);
    else for (const c of n.children ?? []) inline(c);
  };
  const block = (n: MdNode) => {
    const p = n.position;
    if (!p) return;
    if (NOISE_BLOCKS.has(n.type)) {
      for (let l = offset + p.start.line; l <= offset + p.end.line; l++) noiseLine[l - 1] = true;
      if (n.type === "yaml") fields.push(...databaseFields(n, raw));
      return;
    }
    switch (n.type) {
      case "code": {
        const at = offset + p.start.line;
        const fenced = /^\s*(```|~~~)/.test(treeLine(p.start.line));
        if (!fenced && offset === 0) {
          // Indented paragraphs, as databases print them, are text: read as Markdown of their own.
          offset = at - 1;
          part = (n.value ?? "").split("\n");
          for (const c of parseMarkdown(n.value ?? "").children ?? []) block(c);
          offset = 0;
          part = null;
          return;
        }
        // A fence's own lines are markup; its content is the text as written.
        if (fenced) {
          noiseLine[at - 1] = true;
          const end = offset + p.end.line;
          if (end > at && /^\s*(```|~~~)/.test(treeLine(p.end.line))) noiseLine[end - 1] = true;
        }
        (n.value ?? "").split("\n").forEach((piece, k) => put(fenced ? at + 1 + k : at + k, piece));
        return;
      }
      case "table":
        for (const row of n.children ?? []) {
          const line = offset + row.position!.start.line;
          const cells = (row.children ?? []).map((cell) => {
            const before = text[line - 1];
            text[line - 1] = "";
            inline(cell);
            const value = text[line - 1]!.trim();
            text[line - 1] = before!;
            return value;
          });
          put(line, cells.join(" | "));
        }
        // The delimiter row (|---|---|) is markup.
        if ((n.children?.length ?? 0) > 0) noiseLine[offset + n.children![0]!.position!.start.line] = true;
        return;
      case "listItem": {
        // An ordered list's number is the document's own (1. 2. 3.); a bullet is markup.
        const first = n.children?.[0]?.position?.start;
        if (n.ordered && first && first.line === p.start.line)
          put(offset + p.start.line, treeLine(p.start.line).slice(p.start.column - 1, first.column - 1));
        for (const c of n.children ?? []) block(c);
        return;
      }
      case "list":
        for (const c of n.children ?? []) block({ ...c, ordered: n.ordered ?? false });
        return;
      case "heading":
      case "paragraph":
        inline(n);
        return;
      default:
        if (n.children) for (const c of n.children) block(c);
        else inline(n);
    }
  };
  block(tree);

  const noiseLines: number[] = [];
  const noiseParts: Array<{ line: number; text: string }> = [];
  raw.forEach((line, i) => {
    if (noiseLine[i] && !touched[i]) {
      text[i] = line;
      if (line.trim() !== "") noiseLines.push(i + 1);
      return;
    }
    // What the reading took out of a text line: its markers, as one noise piece.
    const removed = diffChars(line, text[i]!)
      .filter((d) => d.removed)
      .map((d) => d.value.trim())
      .filter(Boolean);
    if (removed.length) noiseParts.push({ line: i + 1, text: removed.join(" ") });
  });
  return {
    ok: true,
    value: { format: "markdown", text: text.join("\n"), encoding, noiseLines, noiseParts, fields, warnings: [] },
  };
}
