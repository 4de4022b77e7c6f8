/**
 * What every field chooser shares: the header's lines and what was read out of them, and
 * the shape of a choice (the value, the candidates it beat, the warnings it owes the page).
 */
import { DATABASE_FIELD_NAMES, type PortalFieldLabel } from "../../config/chrome.ts";
import type { Warning } from "../../model/circular.ts";
import type { BodyLine, ChromeResult, PortalField } from "../chrome.ts";
import type { DatabaseField } from "../formats/extracted.ts";
import { candidate, type Candidate } from "./evidence.ts";

/** A field's outcome: the chosen candidate (or none), those it beat, and what the page must say. */
export interface FieldChoice<T> {
  chosen: Candidate<T> | null;
  lost: Array<Candidate<T>>;
  warnings: Warning[];
}

/** A value of a field the page or the database carries, with its label and where it was read. */
export interface PortalValue extends PortalField {
  label: string;
  /** portal-field: the page's metadata; database: the database's own record. */
  from?: "portal-field" | "database";
}

/** The first of `labels` the portal filled in (most specific first); a value it cut short (征求意...) is not taken. */
export function portalValue(
  portal: ChromeResult["portalFields"],
  labels: readonly PortalFieldLabel[],
): PortalValue | null {
  for (const label of labels) {
    const f = portal[label];
    if (f && !/(\.\.\.|…)$/.test(f.value)) return { ...f, label };
  }
  return null;
}

/** The database's value of a field (a Markdown file's frontmatter), if it gives one. */
export function databaseValue(fields: readonly DatabaseField[], field: DatabaseField["field"]): PortalValue | null {
  const f = fields.find((d) => d.field === field);
  if (!f) return null;
  const name = DATABASE_FIELD_NAMES[field];
  return { value: f.value, line: f.line, label: f.label === name ? name : `${name}（${f.label}）`, from: "database" };
}

/** A field's value as a candidate: the database's record is trusted above a page's metadata. */
export function fieldCandidate<T>(f: PortalValue, value: T, rule = `「${f.label}」字段`): Candidate<T> {
  return f.from === "database"
    ? candidate(value, "database", f.line, "high", `数据库记录的「${f.label}」`)
    : candidate(value, "portal-field", f.line, "medium", rule);
}

export type { BodyLine };
