import { describe, expect, it } from "vitest";
import {
  alignClauses,
  cosine,
  diffVersions,
  jaccard,
  sharedWording,
  shingles,
  tfidfVectors,
  wordDiff,
} from "../../src/compare/similarity.ts";
import { relatedClauses, type Related } from "../../src/corpus/related.ts";
import { copyingLibrary } from "./copyingLibrary.ts";
import { phraseKey } from "../../src/text/keys.ts";

const A = "加强应急预案管理，修订完善部门突发事件应急预案，实现与地方政府预案有效衔接。";
const B = "严格落实危险化学品企业风险排查导则，开展安全风险评估分级管理。";

describe("similarity", () => {
  it("identical clauses score 1, unrelated ones near 0", () => {
    expect(jaccard(shingles(A, phraseKey), shingles(A, phraseKey))).toBe(1);
    expect(jaccard(shingles(A, phraseKey), shingles(B, phraseKey))).toBeLessThan(0.05);
    const [va, vb, va2] = tfidfVectors([A, B, A], phraseKey);
    expect(cosine(va!, va2!)).toBeCloseTo(1, 6);
    expect(cosine(va!, vb!)).toBeLessThan(0.05);
  });
  it("scores a clause and its traditional-script twin 1, pinyin annotations and all", () => {
    const traditional = "加強應急預案管理，修訂完善部門突發(fā)事件應急預案，實現與地方政府預案有效銜接。";
    expect(jaccard(shingles(A, phraseKey), shingles(traditional, phraseKey))).toBe(1);
    const [va, vt] = tfidfVectors([A, traditional, B], phraseKey);
    expect(cosine(va!, vt!)).toBeCloseTo(1, 6);
    expect(alignClauses([A, B], [B, traditional], phraseKey).pairs).toEqual([
      { a: 0, b: 1, score: 1 },
      { a: 1, b: 0, score: 1 },
    ]);
  });
  it("ignores width and spacing differences", () => {
    expect(
      jaccard(shingles("（一）加强领导, 落实责任", phraseKey), shingles("(一)加强领导，落实责任", phraseKey)),
    ).toBe(1);
  });
});

describe("alignClauses", () => {
  it("aligns by content, not position, each clause once, the rest unmatched", () => {
    const a = ["修订完善应急预案，加强应急演练。", "加强危险化学品安全监管，开展专项整治。", "做好宣传教育培训。"];
    const b = [
      "深化危险化学品专项整治，加强安全监管。",
      "完善应急预案体系，定期开展应急演练。",
      "推进信息化平台建设。",
    ];
    const { pairs, unmatchedA, unmatchedB } = alignClauses(a, b, phraseKey);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(pairs.every((p) => p.score > 0.08 && p.score <= 1)).toBe(true);
    expect(unmatchedA).toEqual([2]);
    expect(unmatchedB).toEqual([2]);
  });
});

describe("wording and versions", () => {
  it("marks shared wording of at least three characters", () => {
    const { a, b } = sharedWording("加强应急预案管理工作", "全面加强应急预案编制");
    expect(a.filter((s) => s.shared).map((s) => s.text)).toEqual(["加强应急预案"]);
    expect(b.map((s) => s.text).join("")).toBe("全面加强应急预案编制");
  });
  it("word-level diff of a changed clause", () => {
    const changes = wordDiff("到2019年底前完成隐患排查。", "到2020年底前完成隐患排查治理。");
    expect(
      changes
        .filter((c) => c.kind === "removed")
        .map((c) => c.value)
        .join(""),
    ).toContain("2019");
    expect(
      changes
        .filter((c) => c.kind === "added")
        .map((c) => c.value)
        .join(""),
    ).toContain("2020");
  });
  it("clause-level diff: added, removed, changed, unchanged", () => {
    const before = ["加强组织领导，落实工作责任。", "开展烟花爆竹专项整治行动。", "到2019年底前完成尾矿库隐患排查。"];
    const after = [
      "加强组织领导，落实工作责任。",
      "到2020年底前完成尾矿库隐患排查和治理。",
      "推进安全生产信息化平台建设。",
    ];
    const kinds = diffVersions(before, after, phraseKey)
      .map((d) => d.kind)
      .sort();
    expect(kinds).toEqual(["added", "changed", "removed", "unchanged"]);
  });
});

/** The lists of the documents `keep` holds. */
const ofDocs = (related: Map<string, Related[]>, keep: (doc: string) => boolean) =>
  new Map([...related].filter(([key]) => keep(key.slice(0, key.indexOf("#")))));

/**
 * A change of the copying library scored whole and from the state of the library before it: the lists made from the
 * state are those of the documents that may have changed, and every other document's are as before.
 */
function scoredBothWays(change: "after" | "edited") {
  const library = copyingLibrary();
  const options = { exhaustiveUpTo: 0, maxBucket: 40 };
  const before = relatedClauses(library.before, options);
  const full = relatedClauses(library[change], options);
  const incremental = relatedClauses(library[change], { ...options, previous: before.state });
  const changed = incremental.changed!;
  const present = new Set(library[change].map((c) => c.docId));
  expect(incremental.related).toEqual(ofDocs(full.related, (d) => changed.has(d)));
  expect(ofDocs(before.related, (d) => present.has(d) && !changed.has(d))).toEqual(
    ofDocs(full.related, (d) => !changed.has(d)),
  );
  return { full, incremental, changed };
}

describe("relatedClauses", () => {
  it("finds the same clause in another circular and never one of the same circular", () => {
    const clauses = [
      { docId: "x", clauseId: "1", text: A },
      { docId: "x", clauseId: "2", text: A + "并定期演练。" },
      { docId: "y", clauseId: "1", text: A },
      { docId: "z", clauseId: "1", text: B },
    ];
    const r = relatedClauses(clauses).related;
    expect(r.get("x#1")).toEqual([{ docId: "y", clauseId: "1", score: 1 }]);
    expect(r.get("z#1")).toBeUndefined();
  });
  it("uses LSH on large corpora and still finds near-duplicates across circulars", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const pool = [
      ..."安全生产应急管理隐患排查治理危险化学品消防执法检查宣传教育培训科技信息化事故调查处理城市运行风险防控",
    ];
    const text = () => Array.from({ length: 60 }, () => pool[Math.floor(rand() * pool.length)]).join("");
    const clauses = Array.from({ length: 3200 }, (_, i) => ({ docId: `d${i % 400}`, clauseId: `c${i}`, text: text() }));
    const planted = clauses[10]!.text;
    clauses.push({ docId: "other", clauseId: "copy", text: planted.slice(0, 55) + "全面推进" });
    const r = relatedClauses(clauses).related;
    expect(r.get("other#copy")![0]).toMatchObject({ docId: "d10", clauseId: "c10" });
  });

  it("from the last build's state scores only what changed, and gives exactly what scoring everything gives", () => {
    const { full, incremental, changed } = scoredBothWays("after");
    expect(full.changed).toBeNull();
    expect(["n0", "n9", "d7", "d5"].every((d) => changed.has(d))).toBe(true);
    // The state it leaves is the same too, so the next build can start from it.
    expect(incremental.state).toEqual(full.state);
    expect(incremental.rescored).toBeLessThan(full.rescored);
    expect(incremental.rescored).toBeGreaterThanOrEqual(61);
  });

  it("after one clause's edit, makes again the lists of the few documents that may have changed", () => {
    const { changed } = scoredBothWays("edited");
    expect(["d7", "d12", "d40", "d190"].every((d) => changed.has(d))).toBe(true);
    expect(changed.size).toBeLessThan(40);
    // The closing clause's new copy comes after those any list names: the circulars that close with it keep theirs.
    expect(["d0", "d8", "d16", "d24", "d32"].some((d) => changed.has(d))).toBe(false);
  });
});
