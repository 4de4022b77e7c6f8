/**
 * What a title says a document is, apart from where and when: the keys that group versions
 * of one document and documents of one kind across places.
 */
import { NATIONAL_CODE, chainOf, divisionOf } from "../config/gazetteer.ts";
import type { CircularMeta } from "../model/circular.ts";
import { compactKey } from "../text/keys.ts";

const NATIONAL_PREFIX = /^中华人民共和国/;
// A year in a title marks one edition of a series (2019年工作要点, 2020年度), or a revision note.
const YEAR = /[（(]\d{4}年(?:修订|修正|修改)?[）)]|\d{4}(?:—\d{4})?年度?/g;

/** The title without its years: versions of one document share it (工作要点 of 2019 and 2020). */
export function versionStem(title: string): string {
  return compactKey(title).replace(YEAR, "").replace(NATIONAL_PREFIX, "");
}

/** Names a document's own jurisdiction goes by at the start of a title: 浙江省, 宁波市. */
function divisionPrefixes(code: string | undefined): string[] {
  if (!code || code === NATIONAL_CODE) return [];
  const d = divisionOf(code);
  return d ? chainOf(d).map((x) => x.name) : [];
}

const GENRE_END = /(条例|办法|规定|规则|细则|法)$/;

/**
 * The kind of rule a regulation is, whatever place issued it: 北京市气象灾害防御条例 and
 * 气象灾害防御条例 are both 气象灾害防御条例; 杭州市电梯安全管理条例 is 电梯安全条例 (管理 before
 * the genre word adds nothing a reader would sort by), under the name the title gives. Null for documents that are not
 * rules (通知, 意见 …) or whose place could not be taken off the title.
 */
export function kindStem(doc: Pick<CircularMeta, "title" | "jurisdiction">): { key: string; name: string } | null {
  let t = compactKey(doc.title).replace(YEAR, "").replace(NATIONAL_PREFIX, "");
  if (!GENRE_END.test(t)) return null;
  // Longest names first: 浙江省宁波市 as well as 宁波市.
  for (let changed = true; changed;) {
    changed = false;
    for (const p of divisionPrefixes(doc.jurisdiction?.code)) {
      if (t.startsWith(p) && t.length > p.length + 2) {
        t = t.slice(p.length);
        changed = true;
      }
    }
  }
  if (
    doc.jurisdiction?.code !== NATIONAL_CODE &&
    t === compactKey(doc.title).replace(YEAR, "") &&
    /^\p{Script=Han}{1,6}(省|市|县|区|州)/u.test(t)
  )
    return null;
  const name = t.replace(/《中华人民共和国/, "《");
  return { key: name.replace(/管理(条例|办法|规定)$/, "$1"), name };
}
