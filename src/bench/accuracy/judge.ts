/**
 * Right, unknown or wrong: one header value the parser gave against what a label says.
 * Unknown is an honest blank (or a value shown as inferred that the label cannot confirm);
 * wrong is a value shown as fact that the label contradicts — the defect we count to zero.
 * Values are compared the way a reader would: script folded, pinyin debris and spaces
 * ignored, a 文号 by its normalised form.
 */
import type { Circular, Level } from "../../model/circular.ts";
import { clausesOf } from "../../model/clauses.ts";
import { findDocNumbers } from "../../text/docNumber.ts";
import { compactKey, lineKey, toSimplified } from "../../text/keys.ts";
import { NATIONAL_CODE, divisionsByCode } from "../../config/gazetteer.ts";

export type Verdict = "right" | "unknown" | "wrong";

/** What a label says of a document; a field left undefined is not labelled. */
export interface Label {
  title?: string | null;
  docNumber?: string | null;
  issuers?: string[];
  /** 成文日期, with its real precision; null when the text does not state one. */
  date?: string | null;
  /** Province name; null for national documents. */
  province?: string | null;
  prefecture?: string | null;
  level?: Level | null;
  /**
   * A law or regulation: its issuer need only be a body of its own place, named by it (the
   * check of its README): the place's name, or null for a national body.
   */
  issuerInDivision?: string | null;
  /** Number of 第X条 articles. */
  articles?: number;
}

export const FIELDS = ["title", "docNumber", "issuers", "date", "province", "prefecture", "level", "articles"] as const;
export type Field = (typeof FIELDS)[number];

export interface Judged {
  field: Field;
  verdict: Verdict;
  expected: string;
  got: string;
}

const key = (s: string) => compactKey(lineKey(s));
const docKey = (raw: string) => {
  const s = lineKey(raw);
  const m = findDocNumbers(s)[0];
  return toSimplified(m ? m.normalized : s).replace(/\s+/g, "");
};
const show = (v: unknown) => (v === null || v === undefined ? "—" : Array.isArray(v) ? v.join("、") || "—" : String(v));

function verdict(expected: unknown, got: unknown, same: (a: never, b: never) => boolean): Verdict {
  const empty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
  if (empty(got)) return empty(expected) ? "right" : "unknown";
  if (empty(expected)) return "wrong";
  return same(expected as never, got as never) ? "right" : "wrong";
}

const divisionNames = () => [...divisionsByCode().values()].map((d) => d.name);

/** Every labelled field of `label` judged against the model. */
export function judge(label: Label, m: Circular): Judged[] {
  const out: Judged[] = [];
  const add = (field: Field, expected: unknown, got: unknown, v: Verdict) =>
    out.push({ field, verdict: v, expected: show(expected), got: show(got) });
  const j = m.jurisdiction;

  if (label.title !== undefined) {
    const title = m.title.startsWith("（无标题）") ? null : m.title;
    add(
      "title",
      label.title,
      title,
      verdict(label.title, title, (a: string, b: string) => key(a) === key(b)),
    );
  }
  if (label.docNumber !== undefined) {
    add(
      "docNumber",
      label.docNumber,
      m.docNumberRaw,
      verdict(label.docNumber, m.docNumberRaw, (a: string, b: string) => docKey(a) === docKey(b)),
    );
  }
  if (label.issuers !== undefined || label.issuerInDivision !== undefined) {
    if (label.issuerInDivision !== undefined) {
      // A body of the document's own place, or a national one for a national text.
      const place = label.issuerInDivision;
      const first = m.issuers[0] ? toSimplified(m.issuers[0]) : "";
      const ok = place ? first.startsWith(place) : !divisionNames().some((n) => first.startsWith(n));
      add("issuers", place ?? "（中央机关）", m.issuers, m.issuers.length === 0 ? "unknown" : ok ? "right" : "wrong");
    } else {
      const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => key(x) === key(b[i]!));
      add("issuers", label.issuers, m.issuers, verdict(label.issuers, m.issuers, same));
    }
  }
  if (label.date !== undefined) {
    const inferred = m.provenance.date?.inferred ?? false;
    let v = verdict(label.date, m.date, (a: string, b: string) => a === b);
    // A year shown as inferred (from the 文号) is not a 成文日期: unknown where the label cannot confirm more.
    if (m.date && inferred && v !== "right")
      v = label.date === null || label.date.startsWith(m.date) ? "unknown" : "wrong";
    add("date", label.date, m.date && inferred ? `${m.date}（推定）` : m.date, v);
  }
  if (label.level !== undefined) {
    add(
      "level",
      label.level,
      j?.level ?? null,
      verdict(label.level, j?.level ?? null, (a, b) => a === b),
    );
  }
  if (label.province !== undefined && label.level !== undefined) {
    const expected = label.level === "national" ? "国家" : label.province;
    const got = j ? (j.code === NATIONAL_CODE ? "国家" : j.province) : null;
    add(
      "province",
      expected,
      got,
      verdict(expected, got, (a: string, b: string) => a === b),
    );
  }
  if (label.prefecture !== undefined && (label.level === "prefecture" || label.level === "county")) {
    // Only where the label names the level below the province: a city's or a county's document.
    const got = j && (j.level === "prefecture" || j.level === "county") ? j.prefecture : j ? "（非地市级）" : null;
    add(
      "prefecture",
      label.prefecture,
      got,
      j === null
        ? "unknown"
        : got === label.prefecture
          ? "right"
          : label.prefecture === null && got === null
            ? "right"
            : "wrong",
    );
  }
  if (label.articles !== undefined) {
    const n = clausesOf(m).filter((c) => c.kind === "article").length;
    add("articles", label.articles, n, n === label.articles ? "right" : n === 0 ? "unknown" : "wrong");
  }
  return out;
}

export interface Tally {
  right: number;
  unknown: number;
  wrong: number;
}

export function tally(judged: Judged[]): Map<Field, Tally> {
  const out = new Map<Field, Tally>();
  for (const f of FIELDS) {
    const of = judged.filter((j) => j.field === f);
    if (of.length)
      out.set(f, {
        right: of.filter((j) => j.verdict === "right").length,
        unknown: of.filter((j) => j.verdict === "unknown").length,
        wrong: of.filter((j) => j.verdict === "wrong").length,
      });
  }
  return out;
}
