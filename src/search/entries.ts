/**
 * What the phrase index holds of a circular besides its header: every run of its text a
 * reader can land on, in reading order — each clause whole, each section's own text (一、
 * 总体要求 and its paragraph), and the runs outside numbered parts (preamble, signature,
 * attachment lines). Together they are the whole body, so no phrase of it goes unfound.
 * A part's label is part of its entry: readers search for 第五十二条 too.
 */
import type { Circular, SectionNode } from "../model/circular.ts";
import { bodySegments } from "../model/segments.ts";
import { citationLabel } from "../model/labels.ts";

export interface SearchEntry {
  /** Fragment id on the circular's page; "" for text outside numbered parts (the page itself). */
  anchor: string;
  /** How results name it: 二、（三）, or 正文. */
  label: string;
  text: string;
}

export function searchEntries(doc: Pick<Circular, "body" | "bodyLineNumbers" | "sections">): SearchEntry[] {
  const out: SearchEntry[] = [];
  const walk = (node: SectionNode) => {
    if (node.clause) {
      out.push({ anchor: node.id, label: citationLabel(node.path), text: node.label + node.clause.text });
      return;
    }
    if (node.text) out.push({ anchor: node.id, label: citationLabel(node.path), text: node.label + node.text });
    node.children.forEach(walk);
  };
  for (const segment of bodySegments(doc)) {
    if (segment.kind === "text") out.push({ anchor: "", label: "正文", text: segment.text });
    else walk(segment.node);
  }
  return out;
}
