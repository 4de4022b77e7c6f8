/**
 * An excerpt of a document for the 摘编: a clause (or another numbered part) by its anchor,
 * read from the document's open data (/data/circulars/<id>.json), with its standard citation.
 */
import type { Circular, SectionNode } from "../model/circular.ts";
import { clauseById } from "../model/clauses.ts";
import { TOPICS } from "../config/topics.ts";
import { jurisdictionText } from "../model/display.ts";
import { citationLabel, citationText } from "../model/labels.ts";
import { pushTo } from "../model/groups.ts";

/** One excerpt of a 摘编: a clause's text and its full citation. */
export interface Excerpt {
  docId: string;
  clauseId: string;
  title: string;
  docNumber: string | null;
  /** The clause's path (二.（三）), for its citation label. */
  path: string;
  text: string;
  /** The standard citation: 《标题》（文号）二、（三）. */
  citation: string;
  place: string;
  date: string | null;
  topic: string | null;
  url: string;
}

/** How a 摘编 is grouped: by document, topic or place, or not (the reader's order). */
export type Grouping = "document" | "topic" | "place" | "none";

/** Excerpts grouped as the reader asked: by document, topic or place (none: as ordered). */
export function groupExcerpts(items: Excerpt[], by: Grouping): Array<{ heading: string | null; items: Excerpt[] }> {
  if (by === "none") return [{ heading: null, items }];
  const keyOf = (e: Excerpt) =>
    by === "document" ? e.title : by === "topic" ? (e.topic ?? "未分主题") : e.place || "地区不详";
  const groups = new Map<string, Excerpt[]>();
  for (const e of items) pushTo(groups, keyOf(e), e);
  return [...groups].map(([heading, list]) => ({ heading, items: list }));
}

/** The open data of a document: its model, and what the library adds. */
export type DocumentData = Circular & { topics?: { primary: string[]; mentioned: string[] } };

function findNode(nodes: SectionNode[], id: string): SectionNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = findNode(n.children, id);
    if (found) return found;
  }
  return null;
}

/** The excerpt at `anchor` (a clause's id, else a part's), or null when the document has none there. */
export function excerptOf(doc: DocumentData, anchor: string, url: string): Excerpt | null {
  const clause = clauseById(doc, anchor);
  const node = clause ? null : findNode(doc.sections, anchor);
  const part = clause ?? (node && node.text ? { path: node.path, text: node.text } : null);
  if (!part) return null;
  const topic = doc.topics?.primary[0] ?? doc.topics?.mentioned[0];
  return {
    docId: doc.id,
    clauseId: anchor,
    title: doc.title,
    docNumber: doc.docNumber,
    path: part.path,
    text: part.text,
    citation: citationText(doc, part),
    place: jurisdictionText(doc.jurisdiction),
    date: doc.date,
    topic: topic ? (TOPICS.find((t) => t.slug === topic)?.name ?? null) : null,
    url,
  };
}

/** A 摘编's rows for a spreadsheet or CSV (EXCERPT_HEADER). */
export function excerptRows(items: Excerpt[]): string[][] {
  return items.map((e, i) => [
    String(i + 1),
    e.title,
    e.docNumber ?? "",
    e.date ?? "",
    e.place,
    e.topic ?? "",
    citationLabel(e.path),
    e.citation,
    e.text,
    e.url,
  ]);
}

/** The columns of a 摘编 as a spreadsheet or CSV. */
export const EXCERPT_HEADER = ["序号", "标题", "文号", "成文日期", "地区", "主题", "条款", "引用", "摘录", "链接"];
