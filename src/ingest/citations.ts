/**
 * Documents a circular cites: 《title》, 《title》（文号）, and 文号 standing alone.
 * A 《 that is never closed (scraped pages lose the 》) ends at its 文号 or sentence.
 */
import { GENRES } from "../model/circular.ts";
import { findDocNumbers } from "../text/docNumber.ts";
import { toSimplified } from "../text/keys.ts";

export interface FoundCitation {
  title: string | null;
  docNumber: string | null;
  raw: string;
  index: number;
  /** A repair made while reading it, for the warnings list. */
  repair: string | null;
}

/** 《意见》 and the like refer back to the circular itself, not to another document. */
const SELF_REFERENCE = new RegExp(`^(本|该|此)?(${GENRES.join("|")}|实施意见|方案|办法|规定|细则|要点|通知)$`);

export function findCitations(text: string, ownDocNumber: string | null = null): FoundCitation[] {
  const out: FoundCitation[] = [];
  const numbers = findDocNumbers(text).map((n) => ({ ...n, normalized: toSimplified(n.normalized) }));
  const usedNumbers = new Set<number>();
  for (let i = text.indexOf("《"); i >= 0; i = text.indexOf("《", i + 1)) {
    // Find the matching 》 (titles nest 〈〉, not 《》, but be safe).
    let depth = 0;
    let end = -1;
    for (let j = i; j < text.length; j++) {
      if (text[j] === "《") depth++;
      else if (text[j] === "》" && --depth === 0) {
        end = j;
        break;
      } else if (text[j] === "\n" || text[j] === "。") break;
    }
    let repair: string | null = null;
    let title: string;
    let rawEnd: number;
    if (end >= 0) {
      title = text.slice(i + 1, end);
      rawEnd = end + 1;
    } else {
      // Unclosed: the title runs to a bracketed 文号 or the end of the sentence.
      const next = numbers.find((n) => n.index > i && !usedNumbers.has(n.index));
      const stop = text.slice(i).search(/[。\n]/);
      const sentenceEnd = stop < 0 ? text.length : i + stop;
      const cut = next && next.index < sentenceEnd ? next.index - 1 : sentenceEnd;
      title = text.slice(i + 1, cut).replace(/[（(,，、\s]+$/, "");
      rawEnd = i + 1 + title.length;
      repair = `书名号不完整，补“》”`;
    }
    if (title.includes("《")) continue; // a mis-nested fragment; the inner 《 is read on its own
    // A 文号 in brackets right after the title belongs to it.
    const after = text.slice(rawEnd);
    const bracket = /^\s*[（(〔[]?\s*/.exec(after)!;
    const num = numbers.find((n) => n.index === rawEnd + bracket[0].length);
    let docNumber: string | null = null;
    if ((num && bracket[0].trim() !== "") || (num && end < 0)) {
      docNumber = num!.normalized;
      usedNumbers.add(num!.index);
      const close = /^\s*[）)]?/.exec(text.slice(num!.index + num!.raw.length))!;
      rawEnd = num!.index + num!.raw.length + close[0].length;
      if (num!.repair)
        repair = [repair, `文号“${num!.raw}”读作“${num!.normalized}”（${num!.repair}）`].filter(Boolean).join("；");
    }
    const cleanTitle = title.trim();
    // 《意见》 alone means this circular; with a 文号 it names another one by genre only.
    const generic = cleanTitle === "" || SELF_REFERENCE.test(toSimplified(cleanTitle));
    if (generic && !docNumber) continue;
    out.push({ title: generic ? null : cleanTitle, docNumber, raw: text.slice(i, rawEnd), index: i, repair });
  }
  // 文号 cited without a title.
  for (const n of numbers) {
    // The document's own number, however much prose ran into its 机关代字, is no citation.
    if (usedNumbers.has(n.index) || (ownDocNumber !== null && n.normalized.endsWith(ownDocNumber))) continue;
    out.push({
      title: null,
      docNumber: n.normalized,
      raw: n.raw,
      index: n.index,
      repair: n.repair ? `文号“${n.raw}”读作“${n.normalized}”（${n.repair}）` : null,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}
