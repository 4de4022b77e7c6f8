/**
 * Versions: documents that are editions of one another — a law and its revision, a
 * regulation and its amended text, one issuer's 工作要点 across years — share their
 * jurisdiction and their title without years (titles.ts), and their issuer where both name one.
 */
import type { FactsInput } from "../model/circular.ts";
import { compactKey } from "../text/keys.ts";
import { versionStem } from "./titles.ts";
import { pushTo } from "../model/groups.ts";

export interface VersionChain {
  /** Oldest first; undated versions last (their place in the chain is unknown). */
  docIds: string[];
}

const issuerKey = (d: FactsInput) => (d.issuers[0] ? compactKey(d.issuers[0]) : null);

export function versionChains(docs: FactsInput[]): Map<string, VersionChain> {
  const groups = new Map<string, FactsInput[]>();
  for (const d of docs) {
    pushTo(groups, `${d.jurisdiction?.code ?? "?"}|${versionStem(d.title)}`, d);
  }
  const out = new Map<string, VersionChain>();
  for (const group of groups.values()) {
    // Two different named issuers are two documents that happen to share a title; a
    // version that names none joins the chain only when the others agree on one.
    const issuers = new Set(group.map(issuerKey).filter((x): x is string => x !== null));
    const chains = issuers.size <= 1 ? [group] : [...issuers].map((k) => group.filter((d) => issuerKey(d) === k));
    for (const chain of chains) {
      if (chain.length < 2) continue;
      const sorted = [...chain].sort(
        (a, b) =>
          (a.date && b.date ? a.date.localeCompare(b.date) : a.date ? -1 : b.date ? 1 : 0) || a.id.localeCompare(b.id),
      );
      const value = { docIds: sorted.map((d) => d.id) };
      for (const d of sorted) out.set(d.id, value);
    }
  }
  return out;
}
