/** The text layer: the script table is current and well formed; one family of keys for every use. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TABLE_FILES, deriveRadicalTable, deriveScriptTable } from "../../src/text/tableSources.ts";
import { SCRIPT_TABLE, compactKey, lineKey, phraseKey, toSimplified } from "../../src/text/keys.ts";
import { browserFold, commonFold, needsFullTable, tableFold } from "../../src/text/script.ts";
import { createKeys, foldRadicals, keyWithOffsets, stripPinyin } from "../../src/text/normalize.ts";
import { chineseNumber } from "../../src/text/chars.ts";
import { splitTopLevel } from "../../src/text/split.ts";

const ROOT = join(import.meta.dirname, "..", "..");

describe("the traditional → simplified table", () => {
  it("is what OpenCC's dictionaries give today (npm run gen:text-tables)", () => {
    const derived = { ...deriveScriptTable(), radicals: deriveRadicalTable() };
    for (const part of ["table", "common", "radicals"] as const) {
      expect(JSON.parse(readFileSync(join(ROOT, TABLE_FILES[part]), "utf8")), part).toEqual(derived[part]);
    }
  });

  it("maps one character to one, never back onto a key, and leaves simplified text alone", () => {
    const from = [...SCRIPT_TABLE.from];
    const to = [...SCRIPT_TABLE.to];
    expect(from.length).toBe(to.length);
    expect(from.length).toBeGreaterThan(3000);
    const keys = new Set(from);
    expect(to.filter((c) => keys.has(c))).toEqual([]);
    expect(toSimplified("關於加強應急預案管理工作的通知（國辦發）")).toBe("关于加强应急预案管理工作的通知（国办发）");
    const simplified = "吉林省安全生产委员会关于印发2019年工作要点的通知：什么、着力、显著";
    expect(toSimplified(simplified)).toBe(simplified);
  });

  it("folds characters outside the BMP both ways, and leaves a broken surrogate and what follows it", () => {
    const from = [...SCRIPT_TABLE.from];
    const to = [...SCRIPT_TABLE.to];
    const astralKey = from.findIndex((c) => c.length === 2);
    const toAstral = to.findIndex((c, i) => c.length === 2 && from[i]!.length === 1);
    expect(astralKey).toBeGreaterThanOrEqual(0);
    expect(toAstral).toBeGreaterThanOrEqual(0);
    expect(toSimplified(`甲${from[astralKey]}乙${from[toAstral]}丙`)).toBe(`甲${to[astralKey]}乙${to[toAstral]}丙`);
    // A high surrogate with no low one after it is no character of the table: the 國 after it still folds.
    expect(toSimplified("\ud840國\udc00")).toBe("\ud840国\udc00");
    expect([...toSimplified(from.join(""))]).toHaveLength(from.length);
    expect(toSimplified(from.join(""))).toBe(to.join(""));
  });

  it("needs the whole table only beyond GB2312; inside it the common entries fold the same", () => {
    expect(needsFullTable("应急预案 吉安委〔2019〕6号")).toBe(false);
    expect(needsFullTable("應急預案")).toBe(true);
    const gb = "於是後面乾燥"; // 於 後 乾 are table keys inside GB2312
    expect(needsFullTable(gb)).toBe(false);
    expect(commonFold(gb)).toBe(tableFold(SCRIPT_TABLE)(gb));
  });

  it("the browser fetches the table once, and only when a text needs it", async () => {
    let fetches = 0;
    const foldFor = browserFold(async () => (fetches++, SCRIPT_TABLE));
    expect((await foldFor(["应急预案"]))("应急预案")).toBe("应急预案");
    expect(fetches).toBe(0);
    const fold = await foldFor(["應急預案"]);
    expect(createKeys(fold).phraseKey("應急 預案")).toBe(phraseKey("应急预案"));
    await foldFor(["安全發展"]);
    expect(fetches).toBe(1);
  });
});

describe("keys", () => {
  it("are one family: width, script, spacing, case and pinyin annotations fold away", () => {
    expect(lineKey("\u3000 ＡＢ１２　關於（三）\u00a0")).toBe("AB12 关于(三)");
    expect(compactKey(" 吉 林\u200b省 ")).toBe("吉林省");
    expect(phraseKey("應急預案 ＰＭ2.5")).toBe("应急预案pm2.5");
    expect(phraseKey("突發(fā)事件應對，會（huì）同")).toBe(phraseKey("突发事件应对，会同"));
    // Brackets after a character that are not pinyin stay.
    expect(stripPinyin("附件(a)与（Ⅰ）")).toBe("附件(a)与（Ⅰ）");
  });

  it("map a match in the key back to the characters as written", () => {
    const text = "加強 應急預案(yù)管理";
    const { key, offsets } = keyWithOffsets(text, createKeys(tableFold(SCRIPT_TABLE)));
    const at = key.indexOf("应急预案管理");
    expect(text.slice(offsets[at]!, offsets[at + 5]! + 1)).toBe("應急預案(yù)管理");
  });
});

describe("radicals", () => {
  it("fold to the unified ideographs, as Unicode's data says, and are counted", () => {
    expect(foldRadicals("⼈⺠⽣活")).toEqual({ text: "人民生活", count: 3 });
    expect(phraseKey("⼈⺠政府")).toBe(phraseKey("人民政府"));
  });
});

describe("characters", () => {
  it("reads Chinese numerals with 〇, ○ and 零", () => {
    expect(chineseNumber("二〇一九")).toBe(2019);
    expect(chineseNumber("二○一六")).toBe(2016);
    expect(chineseNumber("一百零五")).toBe(105);
    expect(chineseNumber("１２")).toBe(12);
  });

  it("splits outside every kind of bracket", () => {
    expect(splitTopLevel("各市（州）、县（市、区）、《办法、细则》、〔甲、乙〕")).toEqual([
      "各市（州）",
      "县（市、区）",
      "《办法、细则》",
      "〔甲、乙〕",
    ]);
  });
});
