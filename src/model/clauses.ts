/**
 * The clauses of a document, listed from its heading tree. Apart from model/circular.ts so
 * that browser code can list clauses without building the zod schemas (see jitless.ts).
 */
import type { Clause, SectionNode } from "./circular.ts";

const clauseLists = new WeakMap<SectionNode[], Clause[]>();

/**
 * The clauses of a heading tree in document order. A model is not changed once read, so
 * the list is made once per tree; code that edits a tree (overrides) walks it itself.
 */
export function clausesOf(doc: { sections: SectionNode[] }): Clause[] {
  let list = clauseLists.get(doc.sections);
  if (!list) {
    const found: Clause[] = [];
    const walk = (nodes: SectionNode[]) => {
      for (const { id, path, kind, label, number, heading, lines, clause, children } of nodes) {
        if (clause) found.push({ id, path, kind, label, number, heading, ...clause, lines });
        walk(children);
      }
    };
    walk(doc.sections);
    clauseLists.set(doc.sections, (list = found));
  }
  return list;
}

const clauseMaps = new WeakMap<SectionNode[], Map<string, Clause>>();

/**
 * A document's clause by id (the first, as a search of the list finds it), or undefined. A
 * page looks up the clauses of the documents it names (similar clauses, citations) one by one:
 * searching the list for each was 0.36 s of the 6.2 s of drawing 1,118 documents' pages in a
 * profile of adding ten circulars to 10,000.
 */
export function clauseById(doc: { sections: SectionNode[] }, id: string): Clause | undefined {
  let map = clauseMaps.get(doc.sections);
  if (!map) {
    map = new Map();
    for (const c of clausesOf(doc)) if (!map.has(c.id)) map.set(c.id, c);
    clauseMaps.set(doc.sections, map);
  }
  return map.get(id);
}
