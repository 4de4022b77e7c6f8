/**
 * Citations resolved against the corpus: "this circular implements that one", and the
 * reverse ("who cites it"). Cited documents outside the corpus become stubs, keyed by
 * 文号 (or title), placed at the level their 文号 or title points to.
 */
import { createHash } from "node:crypto";
import type { CircularMeta, Citation, Jurisdiction } from "../model/circular.ts";
import { compactKey } from "../text/keys.ts";
import { jurisdictionOf } from "../ingest/header/jurisdiction.ts";

export interface CiteRef {
  docId: string;
  clauseId: string | null;
}

export interface Stub {
  key: string;
  /** Anchor-safe id. */
  slug: string;
  title: string | null;
  docNumber: string | null;
  jurisdiction: Jurisdiction | null;
  citedBy: CiteRef[];
}

export interface ResolvedCitation {
  citation: Citation;
  /** The cited circular when it is in the corpus. */
  targetId: string | null;
  stubKey: string | null;
}

export interface CitationGraph {
  cites: Map<string, ResolvedCitation[]>;
  citedBy: Map<string, CiteRef[]>;
  stubs: Map<string, Stub>;
}

/**
 * The part of a title that names the document whatever issuer precedes it: from its first
 * 关于 (吉林市人民政府关于… and 关于… are one title), else the whole title; compared as keys.
 */
function titleKey(title: string): string {
  const key = compactKey(title);
  const at = key.indexOf("关于");
  return at > 0 && key.length - at >= 8 ? key.slice(at) : key;
}

export function buildCitationGraph(docs: CircularMeta[]): CitationGraph {
  const byNumber = new Map<string, CircularMeta>();
  const byTitle = new Map<string, CircularMeta>();
  for (const d of docs) {
    if (d.docNumber) byNumber.set(d.docNumber, d);
    if (!byTitle.has(titleKey(d.title))) byTitle.set(titleKey(d.title), d);
  }
  const cites = new Map<string, ResolvedCitation[]>();
  const citedBy = new Map<string, CiteRef[]>();
  const stubs = new Map<string, Stub>();
  for (const doc of docs) {
    const resolved: ResolvedCitation[] = [];
    for (const c of doc.citations) {
      let target = c.docNumber ? byNumber.get(c.docNumber) : undefined;
      if (!target && c.title) target = byTitle.get(titleKey(c.title));
      if (target && target.id !== doc.id) {
        resolved.push({ citation: c, targetId: target.id, stubKey: null });
        const list = citedBy.get(target.id) ?? [];
        if (!list.some((r) => r.docId === doc.id && r.clauseId === c.clauseId)) list.push({ docId: doc.id, clauseId: c.clauseId });
        citedBy.set(target.id, list);
        continue;
      }
      const key = c.docNumber ?? `《${compactKey(c.title ?? c.raw)}》`;
      let stub = stubs.get(key);
      if (!stub) {
        const prefix = c.docNumber ? /^(.*?)〔/.exec(c.docNumber)?.[1] ?? null : null;
        stub = {
          key,
          slug: `stub-${createHash("sha256").update(key).digest("hex").slice(0, 10)}`,
          title: c.title,
          docNumber: c.docNumber,
          jurisdiction: jurisdictionOf({
            issuers: c.title ? [{ name: c.title.split(/关于|印发/)[0]!, from: "title", line: null }] : [],
            title: c.title ? { text: c.title, line: null } : null,
            docNumberPrefix: prefix ? { prefix, line: null } : null,
          }),
          citedBy: [],
        };
        stubs.set(key, stub);
      }
      if (!stub.title && c.title) stub.title = c.title;
      if (!stub.citedBy.some((r) => r.docId === doc.id && r.clauseId === c.clauseId)) stub.citedBy.push({ docId: doc.id, clauseId: c.clauseId });
      resolved.push({ citation: c, targetId: null, stubKey: key });
    }
    cites.set(doc.id, resolved);
  }
  return { cites, citedBy, stubs };
}
