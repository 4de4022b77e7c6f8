/**
 * Document model → MDX page. Circular text is data: it never appears as MDX source
 * text, only as JSON string literals inside JSX attribute expressions (`text={"…"}`),
 * so `{`, `<script>`, `import`/`export` lines, `<!--`, backticks and `$` cannot become
 * code or markup. Astro escapes the strings when the components render them.
 */
import { stringify } from "yaml";
import type { Circular, SectionNode } from "../model/circular.ts";
import { bodySegments } from "../model/segments.ts";

/** A JS string literal that is also safe inside MDX: JSON, plus the line separators JSON leaves raw. */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function attrs(values: Record<string, string | number | boolean | string[] | null>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}={${typeof v === "string" ? jsString(v) : JSON.stringify(v)}}`)
    .join(" ");
}

/** The metadata that goes into frontmatter (everything but the text itself). */
export function frontmatter(m: Circular): Record<string, unknown> {
  return {
    id: m.id,
    title: m.title,
    issuers: m.issuers,
    addressees: m.addressees,
    genre: m.genre,
    docNumber: m.docNumber,
    docNumberRaw: m.docNumberRaw,
    date: m.date,
    published: m.published,
    effective: m.effective,
    jurisdiction: m.jurisdiction,
    clauseCount: m.clauses.length,
    warnings: m.warnings.map((w) => (w.line ? `${w.line}: ${w.message}` : w.message)),
    source: m.source,
  };
}

function renderNode(docId: string, n: SectionNode, depth: number, responsibleById: Map<string, string[]>): string {
  const props = attrs({
    docId,
    id: n.id,
    label: n.label,
    heading: n.heading,
    text: n.text,
    depth,
    isClause: n.isClause,
    responsible: n.isClause ? responsibleById.get(n.id) ?? [] : null,
  });
  if (n.children.length === 0) return `<Item ${props} />`;
  const children = n.children.map((c) => renderNode(docId, c, depth + 1, responsibleById)).join("\n\n");
  return `<Item ${props}>\n\n${children}\n\n</Item>`;
}

export function renderMdx(m: Circular): string {
  // YAML from a serialiser, not by hand: quoting of any value is its job.
  const yaml = stringify(frontmatter(m), { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
  const responsibleById = new Map(m.clauses.map((c) => [c.id, c.responsible]));
  const parts = [`---\n${yaml}---`, ""];
  for (const seg of bodySegments(m)) {
    parts.push(seg.kind === "text" ? `<Text ${attrs({ text: seg.text, line: seg.lines[0] })} />` : renderNode(m.id, seg.node, 0, responsibleById), "");
  }
  return parts.join("\n");
}
