/**
 * The labelled sets accuracy is measured on, each a list of (file, label):
 * - seeds and circulars: hand-read labels beside the files (`labels.json`, as the
 *   circulars' README describes);
 * - laws and regulations, as text and as Markdown: the facts each file states of itself,
 *   read here by rules of their own (not the parser's): the title is the first line (or the
 *   Markdown heading); the date is that of the latest act in the history lines that made or
 *   changed the text, else the file name's date (a file name's date can be a publication
 *   day or a revision the text leaves out: the text is the truth); the place is the one the
 *   title starts with, else national; the issuer is a body of that place; the articles are
 *   the lines that start with 第X条.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { divisionsByCode, chainOf, type Division } from "../../config/gazetteer.ts";
import { CN_NUMERAL_CLASS } from "../../text/chars.ts";
import type { Label } from "./judge.ts";

export interface LabelledFile {
  /** As shown in the tables: the set's folder and the file's name. */
  name: string;
  path: string;
  label: Label;
}

export interface LabelledSet {
  name: string;
  files: LabelledFile[];
}

interface HandLabel {
  file: string;
  title: string | null;
  docNumber: string | null;
  issuers: string[];
  date: string | null;
  province: string | null;
  prefecture: string | null;
  level: Label["level"];
  articles?: number;
}

/** A folder's hand-read labels (labels.json beside the files). */
export function handLabelled(name: string, dir: string): LabelledSet {
  const labels = JSON.parse(readFileSync(join(dir, "labels.json"), "utf8")) as HandLabel[];
  return {
    name,
    files: labels.map((l) => ({
      name: `${name}/${l.file}`,
      path: join(dir, l.file),
      label: {
        title: l.title,
        docNumber: l.docNumber,
        issuers: l.issuers,
        date: l.date,
        province: l.province,
        prefecture: l.prefecture,
        level: l.level,
        articles: l.articles,
      },
    })),
  };
}

const SUFFIX = /^(省|市|县|区|州|旗|盟|自治区|自治州|自治县|自治旗|特别行政区)/;

/**
 * The division a regulation's title starts with: a full name (吉林市, 浙江省), or a short one
 * followed by no other division suffix (汕头经济特区 → 汕头市; 莱芜市 is not 莱芜区: unknown).
 * `undefined` when the title starts with a place the gazetteer does not hold.
 */
export function titleDivision(title: string): Division | null | undefined {
  const divisions = [...divisionsByCode().values()];
  let current: Division | null = null;
  let rest = title;
  for (;;) {
    const inside = (d: Division) => !current || chainOf(d).includes(current);
    const full = divisions
      .filter((d) => rest.startsWith(d.name) && inside(d))
      .sort((a, b) => b.name.length - a.name.length)[0];
    if (full) {
      current = full;
      rest = rest.slice(full.name.length);
      continue;
    }
    // A special economic zone's regulation (汕头经济特区…) is its city's.
    const zone = divisions.find(
      (d) => d.level === "prefecture" && rest.startsWith(`${d.shortName}经济特区`) && inside(d),
    );
    if (zone) current = zone;
    else if (!current) {
      // A name the gazetteer no longer holds (莱芜市, merged in 2019): no truth to measure against.
      const gone = divisions.find(
        (d) => d.shortName.length >= 2 && rest.startsWith(d.shortName) && SUFFIX.test(rest.slice(d.shortName.length)),
      );
      if (gone) return undefined;
    }
    break;
  }
  return current;
}

const DATE = new RegExp(
  `(\\d{4}|[${CN_NUMERAL_CLASS}]{4})年(\\d{1,2}|[${CN_NUMERAL_CLASS}]{1,3})月(\\d{1,2}|[${CN_NUMERAL_CLASS}]{1,3})日`,
  "g",
);
const MAKING = /(通过|修正|修订|修改|批准|公布|发布|颁布|决定)/;
const ARTICLE = new RegExp(`^[#>*\\s　]*第\\s*[${CN_NUMERAL_CLASS}]+\\s*条`);
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The latest date in the history lines (above the first chapter or article) of an act that made or changed the text.
 */
export function historyDate(lines: string[]): string | null {
  let latest: string | null = null;
  for (const raw of lines.slice(1)) {
    if (ARTICLE.test(raw) || /^[#\s]*第[一二三四五六七八九十]+章/.test(raw.replace(/^#+\s*/, ""))) break;
    const line = raw.replace(/^[>\s]+/, "");
    const hits = [...line.matchAll(DATE)];
    hits.forEach((h, i) => {
      const act = line.slice(h.index! + h[0].length, hits[i + 1]?.index ?? line.length);
      if (!MAKING.test(act) || !/^\d+$/.test(h[1]! + h[2]! + h[3]!)) return;
      const date = `${h[1]}-${pad(Number(h[2]))}-${pad(Number(h[3]))}`;
      if (!latest || date > latest) latest = date;
    });
  }
  return latest;
}

function regulationLabel(title: string, date: string | null, articles: number): Label {
  const place = titleDivision(title);
  const label: Label = { title, date, articles };
  if (place === undefined) return label;
  const province = place ? chainOf(place)[0]!.name : null;
  const prefecture = place ? (chainOf(place).find((d) => d.level === "prefecture")?.name ?? null) : null;
  return {
    ...label,
    province,
    prefecture,
    level: place ? place.level : "national",
    issuerInDivision: place ? place.name : null,
  };
}

/** Laws and regulations as plain text: title on line 1, date in the file name. */
export function textRegulations(name: string, dir: string): LabelledSet {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  return {
    name,
    files: files.map((f) => {
      const lines = readFileSync(join(dir, f), "utf8").split(/\r?\n/);
      // The text is the truth: a file name's date may be a publication day or a revision the text leaves out.
      const date = historyDate(lines) ?? /\((\d{4}-\d{2}-\d{2})\)\.txt$/.exec(f)?.[1] ?? null;
      return {
        name: `${name}/${f}`,
        path: join(dir, f),
        label: regulationLabel(lines[0]!.trim(), date, lines.filter((l) => ARTICLE.test(l)).length),
      };
    }),
  };
}

/** Laws and regulations in Markdown: the title is the first heading; the text's history is the truth. */
export function markdownRegulations(name: string, dir: string): LabelledSet {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md") && !/^readme/i.test(f))
    .sort();
  return {
    name,
    files: files.map((f) => {
      const lines = readFileSync(join(dir, f), "utf8").split(/\r?\n/);
      const start = lines.findIndex((l) => /^#\s+\S/.test(l));
      const title = lines[start]!.replace(/^#\s+/, "").trim();
      return {
        name: `${name}/${f}`,
        path: join(dir, f),
        label: regulationLabel(title, historyDate(lines.slice(start)), lines.filter((l) => ARTICLE.test(l)).length),
      };
    }),
  };
}

/** Every labelled set of a source folder laid out as the bundled one. */
export function bundledSets(sources: string): LabelledSet[] {
  const sets: LabelledSet[] = [];
  if (existsSync(join(sources, "labels.json"))) sets.push(handLabelled("seeds", sources));
  if (existsSync(join(sources, "regulations"))) sets.push(textRegulations("regulations", join(sources, "regulations")));
  if (existsSync(join(sources, "regulations-md")))
    sets.push(markdownRegulations("regulations-md", join(sources, "regulations-md")));
  if (existsSync(join(sources, "circulars", "labels.json")))
    sets.push(handLabelled("circulars", join(sources, "circulars")));
  return sets;
}
