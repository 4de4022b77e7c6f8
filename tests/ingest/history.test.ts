/** A regulation's history lines: the maker of the version in force. */
import { describe, expect, it } from "vitest";
import { makerInForce, makerOf, type Act } from "../../src/ingest/header/history.ts";

const act = (date: string, kind: Act["kind"], maker: string | null): Act => ({
  date,
  kind,
  maker,
  order: null,
  line: 1,
});

describe("the maker of the version in force", () => {
  it("is the maker of the latest act that made or changed the text, not of an approval", () => {
    expect(
      makerInForce([
        act("2002-06-07", "adopted", "上海市人民代表大会常务委员会"),
        act("2018-05-24", "amended", "上海市人民代表大会常务委员会"),
        act("2018-06-01", "approved", "国务院"),
      ])?.maker,
    ).toBe("上海市人民代表大会常务委员会");
  });

  it("written without its place (市第三届…), takes the place of the body's earlier act", () => {
    const acts = [
      act("2002-06-07", "adopted", "重庆市人民代表大会常务委员会"),
      act("2010-09-29", "revised", "市人民代表大会常务委员会"),
    ];
    expect(makerInForce(acts)).toMatchObject({ date: "2010-09-29", maker: "重庆市人民代表大会常务委员会" });
    // With nothing to take it from, it stays as written rather than guessed.
    expect(makerInForce([act("2010-09-29", "revised", "市人民代表大会常务委员会")])?.maker).toBe(
      "市人民代表大会常务委员会",
    );
  });

  it("of a change a higher body approved, is the body whose decision made it", () => {
    expect(
      makerOf(
        "河南省第十三届人民代表大会常务委员会第二十八次会议批准的《郑州市人民代表大会常务委员会关于修改部分地方性法规的决定》修正",
      ),
    ).toBe("郑州市人民代表大会常务委员会");
    expect(
      makerOf(
        "山东省第十三届人民代表大会常务委员会第三十二次会议批准的《淄博市人民代表大会常务委员会关于修改》〈淄博市电梯安全条例〉等两件地方性法规的决定》修正",
      ),
    ).toBe("淄博市人民代表大会常务委员会");
    expect(
      makerOf("上海市第十五届人民代表大会常务委员会第四次会议《关于修改〈上海市安全生产条例〉的决定》第二次修正"),
    ).toBe("上海市人民代表大会常务委员会");
  });
});
