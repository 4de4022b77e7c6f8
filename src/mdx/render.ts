/**
 * Document model → MDX page. Circular text is data: it never appears as MDX source
 * text, only as JSON string literals inside JSX attribute expressions (`text={"…"}`),
 * so `{`, `<script>`, `import`/`export` lines, `<!--`, backticks and `$` cannot become
 * code or markup. Astro escapes the strings when the components render them.
 */
import { stringify } from "yaml";
import type { Circular, SectionNode } from "../model/circular.ts";
import { clausesOf } from "../model/clauses.ts";
import { bodySegments } from "../model/segments.ts";

/** A JS string literal that is also safe inside MDX: JSON, plus the line separators JSON leaves raw. */
export function jsString(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function attrs(values: Record<string, string | number | boolean | string[] | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
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
    clauseCount: clausesOf(m).length,
    warnings: m.warnings.map((w) => (w.line ? `${w.line}: ${w.message}` : w.message)),
    source: m.source,
  };
}

/** The props of a numbered part, as Item.astro takes them. */
export interface ItemProps {
  docId: string;
  id: string;
  label: string;
  heading?: string;
  text?: string;
  depth: number;
  isClause: boolean;
  responsible?: string[];
}

/**
 * The body as the page's components: text runs and numbered parts in reading order. The
 * MDX page writes these elements; the site renders them directly (BodyElement.astro),
 * so both show the same thing by construction.
 */
export type BodyElement =
  { type: "Text"; props: { text: string; line: number } } | { type: "Item"; props: ItemProps; children: BodyElement[] };

export function bodyElements(m: Pick<Circular, "id" | "body" | "bodyLineNumbers" | "sections">): BodyElement[] {
  const item = (n: SectionNode, depth: number): BodyElement => ({
    type: "Item",
    props: {
      docId: m.id,
      id: n.id,
      label: n.label,
      heading: n.heading ?? undefined,
      text: n.text ?? undefined,
      depth,
      isClause: n.clause !== null,
      responsible: n.clause?.responsible,
    },
    children: n.children.map((c) => item(c, depth + 1)),
  });
  return bodySegments(m).map((seg) =>
    seg.kind === "text" ? { type: "Text", props: { text: seg.text, line: seg.lines[0] } } : item(seg.node, 0),
  );
}

function mdxElement(el: BodyElement): string {
  const props = attrs({ ...el.props });
  if (el.type === "Text" || el.children.length === 0) return `<${el.type} ${props} />`;
  return `<Item ${props}>\n\n${el.children.map(mdxElement).join("\n\n")}\n\n</Item>`;
}

export function renderMdx(m: Circular): string {
  // YAML from a serialiser, not by hand: quoting of any value is its job.
  const yaml = stringify(frontmatter(m), { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
  return [`---\n${yaml}---`, "", ...bodyElements(m).flatMap((el) => [mdxElement(el), ""])].join("\n");
}
