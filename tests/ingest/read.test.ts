import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decode, splitLines } from "../../src/ingest/read.ts";

const TEXT = "关于推进城市安全发展有关工作的通知\n吉粮安函〔2020〕133号\n一、总体要求（责任单位：省应急厅）\n";

describe("decode", () => {
  it.each([
    ["UTF-8", Buffer.from(TEXT, "utf8"), "UTF-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), "UTF-8 with BOM"],
    ["GB18030", iconv.encode(TEXT, "gb18030"), "GB18030"],
    ["GBK", iconv.encode(TEXT, "gbk"), "GB18030"],
    ["UTF-16LE with BOM", iconv.encode(TEXT, "utf-16le", { addBOM: true }), "UTF-16LE with BOM"],
    [
      "UTF-16BE with BOM",
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, "utf-16be")]),
      "UTF-16BE with BOM",
    ],
    ["UTF-16LE without BOM", iconv.encode(TEXT, "utf-16le"), "UTF-16LE"],
  ])("reads %s", (_name, bytes, encoding) => {
    const r = decode(bytes);
    expect(r).toEqual({ ok: true, text: TEXT, encoding });
  });

  it("reads Big5 (traditional script from mirror sites)", () => {
    const trad = "關於推進城市安全發展的實施意見\n一、總體要求\n";
    const r = decode(iconv.encode(trad, "big5"));
    expect(r.ok && r.text).toBe(trad);
  });

  it("refuses an empty file", () => {
    expect(decode(new Uint8Array())).toEqual({ ok: false, message: "empty file" });
    expect(decode(Buffer.from(" \n\u3000\n"))).toMatchObject({ ok: false, message: expect.stringContaining("empty") });
  });

  it("refuses binary files", () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
    ]);
    expect(decode(png)).toMatchObject({ ok: false, message: expect.stringContaining("binary") });
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(decode(noise)).toMatchObject({ ok: false, message: expect.stringContaining("binary") });
  });
});

describe("splitLines", () => {
  it.each([
    ["a\nb\n", "LF"],
    ["a\r\nb\r\n", "CRLF"],
    ["a\rb\r", "CR"],
    ["a\r\nb\nc", "mixed"],
  ])("splits %j keeping characters", (text, ending) => {
    const r = splitLines(text);
    expect(r.lineEnding).toBe(ending);
    expect(r.lines.slice(0, 2)).toEqual(["a", "b"]);
  });
  it("keeps NBSP, 　 and tabs in lines", () => {
    expect(splitLines("\u00a0\u3000\t一、总体要求 \n").lines).toEqual(["\u00a0\u3000\t一、总体要求 "]);
  });
});
