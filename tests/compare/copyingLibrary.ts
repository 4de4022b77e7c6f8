/**
 * A library of clauses as circulars write them — sentences copied from one to another, so many near-duplicates, word
 * for word copies and big buckets — and the same library after a week's changes, and after one clause's edit: for the
 * tests of related clauses made again from the last build's state.
 */
import type { ClauseKey } from "../../src/corpus/related.ts";

export function copyingLibrary(seed = 11): Record<"before" | "after" | "edited" | "closing", ClauseKey[]> {
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  const sentences = Array.from(
    { length: 60 },
    (_, k) =>
      [..."安全生产应急管理隐患排查治理危险化学品消防执法检查宣传教育培训科技信息化事故调查处理城市运行风险防控"]
        .sort(() => rand() - 0.5)
        .slice(0, 12 + (k % 7))
        .join("") + "。",
  );
  const clause = () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentences[Math.floor(rand() * sentences.length)]).join("");
  // A closing clause every eighth circular has, twice in the first: more copies than a list names.
  const boilerplate = "本通知自印发之日起施行，由市应急管理局负责解释。";
  const closes = (i: number) => (Math.floor(i / 6) % 8 === 0 && i % 6 === 5) || i === 4;
  const before = Array.from({ length: 1200 }, (_, i) => ({
    docId: `d${Math.floor(i / 6)}`,
    clauseId: `c${i % 6}`,
    // Some too short to have a signature (fewer than four bigrams).
    text: closes(i) ? boilerplate : i % 97 === 0 ? "附件" + (i % 3) : clause(),
  }));
  const rewritten = (changes: Record<string, string>) => (c: ClauseKey) => {
    const text = changes[`${c.docId}#${c.clauseId}`];
    return text === undefined ? c : { ...c, text };
  };
  // Ten circulars added — one copying a clause of d5 word for word — three removed, one changed, and d32's closing
  // clause rewritten.
  const added = Array.from({ length: 60 }, (_, i) => ({
    docId: `n${Math.floor(i / 6)}`,
    clauseId: `c${i % 6}`,
    text: i === 7 ? "安全第一" : i === 13 ? before[31]!.text : clause(),
  }));
  const after = [
    ...before
      .filter((c) => !["d3", "d50", "d120"].includes(c.docId))
      .map(rewritten({ "d7#c2": clause(), "d32#c5": clause() })),
    ...added,
  ];
  // One sentence added to one clause, a clause of d12 rewritten as a copy of one of d40's, and one of d190's as the
  // closing clause: a copy after those any list names.
  const edited = before.map(
    rewritten({ "d7#c2": `${before[44]!.text}加强。`, "d12#c3": before[241]!.text, "d190#c3": boilerplate }),
  );
  // Only d40's closing clause rewritten: its seventh copy, the last the lists of the first circular (two copies) name.
  const closing = before.map(rewritten({ "d40#c5": clause() }));
  return { before, after, edited, closing };
}
