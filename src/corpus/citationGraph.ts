/**
 * Citations resolved against the corpus: "this circular implements that one", and the
 * reverse ("who cites it"), down to the article: 《安全生产法》第二十一条 resolves to that
 * article's anchor in the library's 安全生产法. A title the library holds in several
 * versions resolves to the version in force at the citing document's date (one that repeals
 * a predecessor of its own name, to that predecessor). Cited documents outside the corpus
 * become stubs, keyed by 文号 (or title), placed at the level their 文号 or title points to.
 */
import { createHash } from "node:crypto";
import {
  walkSections,
  type ArticleCitation,
  type CircularMeta,
  type Citation,
  type FactsInput,
  type Jurisdiction,
} from "../model/circular.ts";
import { compactKey } from "../text/keys.ts";
import { jurisdictionOf } from "../ingest/header/jurisdiction.ts";
import { pushTo } from "../model/groups.ts";

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

/** An article citation resolved: the cited document and clause where the library holds them. */
export interface ResolvedArticle {
  citation: ArticleCitation;
  targetId: string | null;
  /** The cited article's anchor in the target, or null when the target has no such article. */
  targetClause: string | null;
}

export interface CitationGraph {
  cites: Map<string, ResolvedCitation[]>;
  citedBy: Map<string, CiteRef[]>;
  stubs: Map<string, Stub>;
  /** docId → its article citations, resolved. */
  articles: Map<string, ResolvedArticle[]>;
  /** docId → clause id → who cites that clause (document and clause), each once. */
  clauseCitedBy: Map<string, Map<string, CiteRef[]>>;
}

/**
 * The part of a title that names the document whatever issuer precedes it: from its first
 * 关于 (吉林市人民政府关于… and 关于… are one title), else the whole title; compared as keys.
 */
function titleKey(title: string): string {
  // 《安全生产法》 is 《中华人民共和国安全生产法》; 〈〉 inside a title is 《》.
  const key = compactKey(title)
    .replace(/^中华人民共和国/, "")
    .replace(/〈/g, "《")
    .replace(/〉/g, "》")
    .replace(/《中华人民共和国/g, "《");
  const at = key.indexOf("关于");
  return at > 0 && key.length - at >= 8 ? key.slice(at) : key;
}

/**
 * A cited title's versions, sorted once (a title such as 关于做好安全生产工作的通知 is shared
 * by hundreds of circulars, and each citing document asks): dated ones by date, in the
 * library's order where dates are equal, and all of them in the library's order.
 */
interface Versions<T> {
  all: T[];
  dated: T[];
}

function versionsOf<T extends FactsInput>(all: T[]): Versions<T> {
  return { all, dated: all.filter((v) => v.date).sort((a, b) => a.date!.localeCompare(b.date!)) };
}

/** The last of `list[0 … end)` that is not `id`. */
function lastBefore<T extends FactsInput>(list: T[], end: number, id: string): T | undefined {
  for (let i = end - 1; i >= 0; i--) if (list[i]!.id !== id) return list[i];
  return undefined;
}

/**
 * Of the versions the library holds of a cited title, the one a document dated `date` cites:
 * the latest dated on or before it (a repeal names its predecessor: strictly before, never
 * itself); the latest when the date is unknown or precedes them all.
 */
function versionAt<T extends FactsInput>(
  { all, dated }: Versions<T>,
  citing: FactsInput,
  strictlyBefore: boolean,
): T | undefined {
  const date = citing.date;
  if (date) {
    // The number of versions dated before (or on) the date: a binary search of the sorted dates.
    let [low, high] = [0, dated.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      const d = dated[mid]!.date!;
      if (strictlyBefore ? d < date : d <= date) low = mid + 1;
      else high = mid;
    }
    const before = lastBefore(dated, low, citing.id);
    if (before) return before;
    if (strictlyBefore) return undefined;
  }
  return lastBefore(dated, dated.length, citing.id) ?? all.find((v) => v.id !== citing.id);
}

/** The anchor of article `n` in a document, or null. */
function articleAnchor(doc: CircularMeta, n: number): string | null {
  let found: string | null = null;
  walkSections(doc.sections, (node) => {
    if (!found && node.kind === "article" && node.number === n) found = node.id;
  });
  return found;
}

/** The library's documents by 文号, and a cited title's version as a citing document means it. */
interface Lookup<T> {
  byNumber: Map<string, T>;
  byTitleAt(title: string, citing: FactsInput, strictlyBefore?: boolean): T | undefined;
}

function lookup<T extends FactsInput>(docs: T[]): Lookup<T> {
  const byNumber = new Map<string, T>();
  const titled = new Map<string, T[]>();
  for (const d of docs) {
    if (d.docNumber) byNumber.set(d.docNumber, d);
    if (d.title.startsWith("（无标题）")) continue;
    pushTo(titled, titleKey(d.title), d);
  }
  const byTitle = new Map([...titled].map(([key, all]) => [key, versionsOf(all)]));
  // Many citations name the same title (《安全生产法》): each cited title is keyed once.
  const keys = new Map<string, string>();
  return {
    byNumber,
    byTitleAt: (title, citing, strictlyBefore = false) => {
      const key = keys.get(title) ?? keys.set(title, titleKey(title)).get(title)!;
      const versions = byTitle.get(key);
      return versions ? versionAt(versions, citing, strictlyBefore) : undefined;
    },
  };
}

/** Citations of whole documents resolved: what the library's facts (时效性) need, from the documents' headers alone. */
export const resolveCitations = (docs: FactsInput[]): Pick<CitationGraph, "cites" | "citedBy" | "stubs"> =>
  resolveWith(docs, lookup(docs));

/**
 * Adds a citing clause to a target's list unless listed: a law is cited by thousands of
 * clauses, too many to search its list each time.
 */
function refLists(): (target: string, list: CiteRef[], ref: CiteRef) => void {
  const listed = new Set<string>();
  return (target, list, ref) => {
    const key = `${target}\u0000${ref.docId}\u0000${ref.clauseId ?? "\u0001"}`;
    if (listed.has(key)) return;
    listed.add(key);
    list.push(ref);
  };
}

function resolveWith(docs: FactsInput[], { byNumber, byTitleAt }: Lookup<FactsInput>) {
  const cites = new Map<string, ResolvedCitation[]>();
  const citedBy = new Map<string, CiteRef[]>();
  const stubs = new Map<string, Stub>();
  const listOnce = refLists();
  for (const doc of docs) {
    const resolved: ResolvedCitation[] = [];
    for (const c of doc.citations) {
      let target = c.docNumber ? byNumber.get(c.docNumber) : undefined;
      if (!target && c.title) target = byTitleAt(c.title, doc, c.relation === "repeals");
      if (target && target.id !== doc.id) {
        resolved.push({ citation: c, targetId: target.id, stubKey: null });
        const list = citedBy.get(target.id) ?? citedBy.set(target.id, []).get(target.id)!;
        listOnce(`doc:${target.id}`, list, { docId: doc.id, clauseId: c.clauseId });
        continue;
      }
      const key = c.docNumber ?? `《${compactKey(c.title ?? c.raw)}》`;
      let stub = stubs.get(key);
      if (!stub) {
        const prefix = c.docNumber ? (/^(.*?)〔/.exec(c.docNumber)?.[1] ?? null) : null;
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
      listOnce(`stub:${key}`, stub.citedBy, { docId: doc.id, clauseId: c.clauseId });
      resolved.push({ citation: c, targetId: null, stubKey: key });
    }
    cites.set(doc.id, resolved);
  }
  return { cites, citedBy, stubs };
}

export function buildCitationGraph(docs: CircularMeta[]): CitationGraph {
  const at = lookup(docs);
  const { byTitleAt } = at;
  // Articles, to the clause.
  const articles = new Map<string, ResolvedArticle[]>();
  const clauseCitedBy = new Map<string, Map<string, CiteRef[]>>();
  const listOnce = refLists();
  // A law's articles are cited again and again: each anchor is looked up once.
  const anchors = new Map<string, string | null>();
  const anchorOf = (target: CircularMeta, n: number) => {
    const key = `${target.id}\u0000${n}`;
    // An article the target lacks (null) is remembered too.
    let anchor = anchors.get(key);
    if (anchor === undefined) anchors.set(key, (anchor = articleAnchor(target, n)));
    return anchor;
  };
  for (const doc of docs) {
    const list = doc.articleCitations.map((a): ResolvedArticle => {
      const target = a.self ? doc : a.title ? byTitleAt(a.title, doc) : undefined;
      const targetClause = target ? anchorOf(target, a.article) : null;
      // An article citing itself (前款) is no citation of it.
      if (target && targetClause && !(target.id === doc.id && targetClause === a.clauseId)) {
        const byClause = clauseCitedBy.get(target.id) ?? clauseCitedBy.set(target.id, new Map()).get(target.id)!;
        const refs = byClause.get(targetClause) ?? byClause.set(targetClause, []).get(targetClause)!;
        listOnce(`${target.id}#${targetClause}`, refs, { docId: doc.id, clauseId: a.clauseId });
      }
      return { citation: a, targetId: target?.id ?? null, targetClause };
    });
    articles.set(doc.id, list);
  }
  return { ...resolveWith(docs, at), articles, clauseCitedBy };
}
