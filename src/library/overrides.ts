/**
 * Editors' corrections: `content/overrides/<id>.yaml` sets header fields of one document
 * (title, issuers, 文号, dates, 文种, place …) and may merge or split clauses, without
 * touching its source. A correction is evidence like any other — the strongest — so the
 * value it replaces stays among the model's candidates, and the page says what was
 * corrected and by which file. A bad file fails the build with `file:line: message`.
 *
 *   title: 关于加强汛期安全生产工作的通知
 *   docNumber: 潍应急发〔2021〕15号
 *   date: 2021-06-01
 *   jurisdiction: "370700"          # GB/T 2260 code; "100000" for national
 *   note: 原文缺标题，据发文机关网站补正
 *   clauses:
 *     merge: [[p1, p2]]             # p2's text joins p1
 *     split: [{ clause: p3, at: "2.加强" }]   # a new clause starts at these words
 */
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { NATIONAL_CODE, divisionOf } from "../config/gazetteer.ts";
import {
  Genre,
  HEADER_FIELDS,
  PartialDate,
  type Circular,
  type ClauseBody,
  type Evidence,
  type HeaderField,
  type IngestError,
  type Jurisdiction,
  type SectionNode,
  walkSections,
} from "../model/circular.ts";
import { NATIONAL, toJurisdiction } from "../ingest/header/jurisdiction.ts";
import { matchLabel } from "../ingest/labels.ts";
import { isoDate } from "../ingest/dates.ts";

/** A date with its precision that is also a real day of the calendar. */
const RealDate = PartialDate.refine((d) => {
  const [y, m, day] = d.split("-").map(Number);
  return isoDate(y!, m ?? null, day ?? null) === d;
}, "not a real date (YYYY, YYYY-MM or YYYY-MM-DD)");

export const Override = z
  .object({
    note: z.string().optional(),
    title: z.string().min(1).optional(),
    issuers: z.array(z.string().min(1)).optional(),
    addressees: z.array(z.string().min(1)).optional(),
    docNumber: z.string().min(1).nullable().optional(),
    date: RealDate.nullable().optional(),
    published: RealDate.nullable().optional(),
    effective: RealDate.nullable().optional(),
    genre: Genre.nullable().optional(),
    jurisdiction: z
      .string()
      .regex(/^\d{6}$/, "a six-digit GB/T 2260 code")
      .refine((c) => c === NATIONAL_CODE || divisionOf(c) !== undefined, "not a GB/T 2260 code of the gazetteer")
      .nullable()
      .optional(),
    clauses: z
      .object({
        merge: z.array(z.tuple([z.string(), z.string()])).optional(),
        split: z.array(z.object({ clause: z.string(), at: z.string().min(1) }).strict()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Override = z.infer<typeof Override>;

export interface LoadedOverride {
  file: string;
  override: Override;
  /** Source line of each top-level key, for the provenance of what it sets. */
  lines: Record<string, number>;
}

/** Reads one override file; an error names its line. */
export function readOverride(
  text: string,
  file: string,
): { ok: true; value: LoadedOverride } | { ok: false; error: IngestError } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line);
  if (doc.errors.length)
    return {
      ok: false,
      error: { file, line: lineAt(doc.errors[0]!.pos[0]), message: doc.errors[0]!.message.split("\n")[0]! },
    };
  const parsed = Override.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
    // The node the issue is about (or, for an unknown key, the key itself).
    let node = doc.getIn(keys as Array<string | number>, true) as { range?: [number, number, number] } | undefined;
    if (issue.code === "unrecognized_keys") {
      const map = (issue.path.length ? doc.getIn(issue.path as Array<string | number>, true) : doc.contents) as
        { items?: Array<{ key: { value: unknown; range?: [number, number, number] } }> } | undefined;
      node = map?.items?.find((p) => p.key.value === issue.keys[0])?.key;
    }
    const where = keys.length ? `${keys.join(".")}: ` : "";
    return { ok: false, error: { file, line: lineAt(node?.range?.[0]), message: `${where}${issue.message}` } };
  }
  const lines: Record<string, number> = {};
  const items =
    (doc.contents as { items?: Array<{ key: { value: unknown; range?: [number, number, number] } }> } | null)?.items ??
    [];
  for (const p of items) lines[String(p.key.value)] = lineAt(p.key.range?.[0]);
  return { ok: true, value: { file, override: parsed.data, lines } };
}

/** The header fields an editor corrects: all but 发布机构, which is the site's, not the document's. */
const HEADER_KEYS = HEADER_FIELDS.filter((f): f is Exclude<HeaderField, "publisher"> => f !== "publisher");

/**
 * The clause nodes of a tree in document order, each with its siblings. Walked afresh each
 * time: a merge or split changes the tree, and `clausesOf` keeps a list per tree.
 */
function clauseNodes(sections: SectionNode[]): Array<{ node: ClauseNode; siblings: SectionNode[] }> {
  const found: Array<{ node: ClauseNode; siblings: SectionNode[] }> = [];
  walkSections(sections, (node, ancestors) => {
    if (node.clause) found.push({ node: node as ClauseNode, siblings: ancestors.at(-1)?.children ?? sections });
  });
  return found;
}
type ClauseNode = SectionNode & { clause: ClauseBody };

/** Applies a correction to a parsed model. Errors (a clause that does not exist) name the override's line. */
export function applyOverride(
  m: Circular,
  loaded: LoadedOverride,
): { ok: true; value: Circular } | { ok: false; error: IngestError } {
  const { override: o, file, lines } = loaded;
  const out: Circular = structuredClone(m);
  const changes: string[] = [];
  const fail = (key: string, message: string) => ({
    ok: false as const,
    error: { file, line: lines[key] ?? 1, message },
  });
  for (const key of HEADER_KEYS) {
    if (o[key] === undefined) continue;
    const evidence: Evidence = {
      from: "editor",
      line: lines[key] ?? null,
      confidence: "high",
      rule: `编辑更正（${file}）`,
      inferred: false,
    };
    const before = m.provenance[key];
    const shown = (v: unknown) =>
      Array.isArray(v) ? v.join("、") : v && typeof v === "object" ? (v as Jurisdiction).code : String(v);
    if (before && m[key] !== null) out.candidates.push({ field: key, value: shown(m[key]), ...before });
    if (key === "jurisdiction") {
      const code = o.jurisdiction;
      out.jurisdiction = code == null ? null : code === NATIONAL_CODE ? NATIONAL : toJurisdiction(divisionOf(code)!);
    } else (out as Record<string, unknown>)[key] = o[key];
    out.provenance[key] = o[key] === null ? null : evidence;
    changes.push(key);
  }
  if (o.addressees) {
    out.addressees = o.addressees;
    changes.push("addressees");
  }
  for (const [a, b] of o.clauses?.merge ?? []) {
    const list = clauseNodes(out.sections);
    const ia = list.findIndex((c) => c.node.id === a);
    const ib = list.findIndex((c) => c.node.id === b);
    if (ia < 0 || ib < 0) return fail("clauses", `merge: no clause ${ia < 0 ? a : b} in ${m.id}`);
    if (ib !== ia + 1) return fail("clauses", `merge: ${b} does not follow ${a}`);
    // The second clause's node becomes part of the first: its label and text, its children.
    const [na, nb] = [list[ia]!.node, list[ib]!];
    na.clause = {
      text: `${na.clause.text}\n${nb.node.label}${nb.node.clause.text}`,
      responsible: [...new Set([...na.clause.responsible, ...nb.node.clause.responsible])],
      leads: [...new Set([...na.clause.leads, ...nb.node.clause.leads])],
    };
    na.text = `${na.text ?? ""}\n${nb.node.label}${nb.node.text ?? ""}`;
    na.children.push(...nb.node.children);
    na.lines = [na.lines[0], nb.node.lines[1]];
    nb.siblings.splice(nb.siblings.indexOf(nb.node), 1);
    changes.push(`merge ${a} ${b}`);
  }
  const splits = new Map<string, number>();
  for (const { clause: id, at } of o.clauses?.split ?? []) {
    const found = clauseNodes(out.sections).find((c) => c.node.id === id);
    if (!found) return fail("clauses", `split: no clause ${id} in ${m.id}`);
    const { node: first, siblings } = found;
    const whole = first.clause.text;
    const cut = whole.indexOf(at);
    if (cut <= 0) return fail("clauses", `split: clause ${id} has no “${at}” after its start`);
    splits.set(id, (splits.get(id) ?? 0) + 1);
    // The source line the new clause starts on: count the lines of the text before the cut.
    const startLine =
      m.bodyLineNumbers[m.bodyLineNumbers.indexOf(first.lines[0]) + (whole.slice(0, cut).match(/\n/g) ?? []).length] ??
      first.lines[0];
    // Cut inside the clause's own text, a label there (“2.”) names the new clause; cut at one of
    // its items, the new clause is a continuation (（续）) holding that item and those after it.
    const ownCut = (first.text ?? "").indexOf(at);
    const label = ownCut >= 0 ? matchLabel(at) : null;
    const secondText = label ? label.rest + whole.slice(cut + at.length) : whole.slice(cut);
    const second: SectionNode = {
      ...first,
      id: `${id}-s${splits.get(id)}`,
      path: `${first.path}（续）`,
      label: label?.label ?? "（续）",
      heading: null,
      text: ownCut >= 0 ? secondText : null,
      lines: [startLine, first.lines[1]],
      clause: { ...first.clause, text: secondText },
      // Sub-items that start after the cut go with the second clause.
      children: first.children.filter((c) => c.lines[0] >= startLine),
    };
    first.children = first.children.filter((c) => c.lines[0] < startLine);
    first.clause = { ...first.clause, text: whole.slice(0, cut).replace(/\s+$/, "") };
    first.lines = [first.lines[0], Math.max(startLine, ...first.children.map((c) => c.lines[1]))];
    if (ownCut >= 0) first.text = first.text!.slice(0, ownCut).replace(/\s+$/, "");
    siblings.splice(siblings.indexOf(first) + 1, 0, second);
    changes.push(`split ${id}`);
  }
  out.corrections = { file, changes, note: o.note ?? null };
  return { ok: true, value: out };
}
