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
