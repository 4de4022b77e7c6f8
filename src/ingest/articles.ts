/**
 * Citations of articles: 《中华人民共和国安全生产法》第二十一条, 《条例》第十条第二款 (a short
 * title the text defined: 以下简称《条例》), 第三条、第五条, 第八条至第十条, 本法第五条, 前款.
 * Each names the document as the text cites it (null for the document itself), the article
 * and, where given, the paragraph (款) and item (项): the corpus resolves them to the clause
 * anchors of documents in the library (corpus/citationGraph.ts).
 */
import type { ArticleCitation } from "../model/circular.ts";
import { CN_NUMERAL_CLASS, chineseNumber } from "../text/chars.ts";
import { toSimplified } from "../text/keys.ts";

const N = `[${CN_NUMERAL_CLASS}\\d]+`;
/** 第N条, with its 款 and 项: 第十条第二款第三项. */
const ARTICLE = `第(${N})条(?:第(${N})款)?(?:第(${N})项)?`;
/** More articles after the first: 、第N条, 和第N条, 至第N条 (a range). */
const MORE = new RegExp(`^(、|，|和|及|以及|或者|或|至)${ARTICLE}`);
/** The document itself: 本法, 本条例, 本办法 … */
const SELF = /本(法|条例|办法|规定|细则|规则|决定|实施细则|实施办法|通知|意见|方案)$/;
/** A short title the text defines: （以下简称《安全生产法》）. */
const SHORT_TITLE = /^\s*[（(]\s*以下简称\s*《([^《》]{1,30})》\s*[）)]/;

const num = (s: string | undefined) => (s === undefined ? null : chineseNumber(s));

export interface FoundArticleCitation extends Omit<ArticleCitation, "clauseId"> {
  /** Offset in the text, to place it. */
  index: number;
}

/**
 * Every article citation of `text` (the document's body). `ownTitles` are the titles the
 * document goes by: 《X》 naming one of them is the document itself.
 */
export function findArticleCitations(text: string, ownTitles: string[] = []): FoundArticleCitation[] {
  const folded = toSimplified(text);
  const own = new Set(ownTitles.map((t) => toSimplified(t).replace(/^中华人民共和国/, "")));
  const aliases = new Map<string, string>();
  const out: FoundArticleCitation[] = [];
  const push = (title: string | null, m: RegExpExecArray, index: number, raw: string) => {
    const article = num(m[1]);
    if (article === null || article <= 0) return;
    out.push({ title, self: title === null, article, paragraph: num(m[2]), item: num(m[3]), raw, index });
  };
  /** The articles cited from `at` on: the first, then those listed after it (第三条、第五条, 第八条至第十条). */
  const articlesFrom = (title: string | null, at: number, lead: string) => {
    const first = new RegExp(`^${ARTICLE}`).exec(folded.slice(at));
    if (!first) return;
    push(title, first, at, lead + text.slice(at, at + first[0].length));
    let pos = at + first[0].length;
    let last = num(first[1]);
    for (let more = MORE.exec(folded.slice(pos)); more; more = MORE.exec(folded.slice(pos))) {
      const start = pos + more[1]!.length;
      const m = new RegExp(`^${ARTICLE}`).exec(folded.slice(start))!;
      const n = num(m[1]);
      // 第八条至第十条: the articles between are cited too.
      if (more[1] === "至" && last !== null && n !== null && n > last && n - last <= 50) {
        for (let k = last + 1; k < n; k++)
          out.push({
            title,
            self: title === null,
            article: k,
            paragraph: null,
            item: null,
            raw: text.slice(at, start + m[0].length),
            index: start,
          });
      }
      push(title, m, start, text.slice(start, start + m[0].length));
      last = n;
      pos = start + m[0].length;
    }
  };

  // 《X》第N条, and short titles defined after a 《X》.
  for (const m of folded.matchAll(/《([^《》\n]{1,80})》/g)) {
    const inner = m[1]!.replace(/\s+/g, "");
    const end = m.index! + m[0].length;
    const alias = SHORT_TITLE.exec(folded.slice(end));
    if (alias) aliases.set(alias[1]!.replace(/\s+/g, ""), inner);
    const full = aliases.get(inner) ?? inner;
    const title = own.has(full.replace(/^中华人民共和国/, "")) ? null : full;
    articlesFrom(title, end + (alias ? alias[0].length : 0), text.slice(m.index!, end));
  }
  // 本法第N条, 本条例第N条 …
  for (const m of folded.matchAll(
    new RegExp(`本(法|条例|办法|规定|细则|规则|决定|实施细则|实施办法)(?=${ARTICLE})`, "g"),
  )) {
    if (SELF.test(m[0])) articlesFrom(null, m.index! + m[0].length, text.slice(m.index!, m.index! + m[0].length));
  }
  return out.sort((a, b) => a.index - b.index);
}
