/**
 * What every field chooser shares: the header's lines and what was read out of them, and
 * the shape of a choice (the value, the candidates it beat, the warnings it owes the page).
 */
import type { PortalFieldLabel } from "../../config/chrome.ts";
import type { Warning } from "../../model/circular.ts";
import type { BodyLine, ChromeResult, PortalField } from "../chrome.ts";
import type { DatabaseField } from "../formats/extracted.ts";
import type { Candidate } from "./evidence.ts";

/** A field's outcome: the chosen candidate (or none), those it beat, and what the page must say. */
export interface FieldChoice<T> {
  chosen: Candidate<T> | null;
  lost: Array<Candidate<T>>;
  warnings: Warning[];
}

export interface PortalValue extends PortalField {
  label: string;
}

/** The first of `labels` the portal filled in (most specific first); a value it cut short (征求意...) is not taken. */
export function portalValue(portal: ChromeResult["portalFields"], labels: readonly PortalFieldLabel[]): PortalValue | null {
  for (const label of labels) {
    const f = portal[label];
    if (f && !/(\.\.\.|…)$/.test(f.value)) return { ...f, label };
  }
  return null;
}

/** The database's value of a field (a Markdown file's frontmatter), if it gives one. */
export function databaseValue(fields: readonly DatabaseField[], field: DatabaseField["field"]): DatabaseField | null {
  return fields.find((f) => f.field === field) ?? null;
}

export type { BodyLine };
