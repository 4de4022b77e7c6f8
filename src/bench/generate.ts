/**
 * A synthetic but realistic corpus for benchmarks: circulars recombined from the clauses
 * of real ones, issued across real provinces, prefectures and counties, over the years,
 * with 文号, topics, 责任单位 and citations of each other. Deterministic for a seed.
 */
import type { Circular } from "../model/circular.ts";
import { clausesOf } from "../model/clauses.ts";
import { divisionsByCode, type Division } from "../config/gazetteer.ts";
import { PROVINCE_ABBREVIATIONS } from "../config/abbreviations.ts";
import { canonicalLabel } from "../model/labels.ts";

export interface GeneratedFile {
  name: string;
  text: string;
}

/** Mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  "推进城市安全发展",
  "加强安全生产标准化建设",
  "深化隐患排查治理",
  "健全双重预防机制",
  "做好应急预案管理",
  "加强危险化学品安全管理",
  "加强消防安全工作",
  "开展安全生产专项整治",
  "落实安全生产责任制",
  "加强安全生产执法检查",
  "推进安全生产信息化建设",
  "做好安全宣传教育培训",
  "加强事故调查处理",
  "做好防汛和地质灾害防治",
  "加强建筑施工安全",
];
const GENRE_FORMS = ["的通知", "的实施意见", "的意见", "工作要点的通知"];
const SECTION_HEADINGS = [
  "总体要求",
  "主要任务",
  "重点工作",
  "保障措施",
  "工作要求",
  "强化责任落实",
  "加强风险防控",
  "夯实基层基础",
];
const CHROME_HEAD = ["首页 新闻中心 政务公开 政务服务 互动交流", "您当前所在位置:首页 > 政务公开 > 通知公告"];
const CHROME_TAIL = ["打印 关闭", "主办单位：人民政府办公室 网站标识码1234567890"];

interface Issued {
  division: Division | null;
  number: string;
  title: string;
  year: number;
}

function abbreviationOf(d: Division | null): string {
  if (!d) return "国";
  let p: Division = d;
  while (p.parent) p = p.parent;
  const province =
    Object.entries(PROVINCE_ABBREVIATIONS).find(([k, code]) => code === p.code && k.length === 1)?.[0] ??
    p.shortName[0]!;
  return d.level === "province" ? province : province + d.shortName[0]!;
}

export interface GenerateOptions {
  /** Years the circulars are dated in (default 2010–2024). */
  years?: [number, number];
  /** Start of each file's name (default "gen-"). */
  prefix?: string;
}

export function generateCorpus(
  seeds: Circular[],
  count: number,
  seed = 1,
  options: GenerateOptions = {},
): GeneratedFile[] {
  const [fromYear, toYear] = options.years ?? [2010, 2024];
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // Clauses are rebuilt from the seeds' sentences, so texts vary as in a real library
  // (whole seed clauses would repeat a few hundred texts thousands of times).
  const clauses = seeds.flatMap((m) => clausesOf(m).map((c) => c.text.replace(/\n+/g, "")));
  const duties = clauses.flatMap((t) => /[（(][^（()）]*(?:责任单位|牵头|负责)[^（()）]*[）)]$/.exec(t)?.[0] ?? []);
  const sentences = clauses
    .flatMap((t) => t.replace(/[（(][^（()）]*(?:责任单位|牵头|负责)[^（()）]*[）)]$/, "").split(/(?<=。)/))
    .filter((x) => x.length > 8);
  const clause = () => {
    const n = 2 + Math.floor(random() * 4);
    const text = Array.from({ length: n }, () => pick(sentences)).join("");
    return random() < 0.6 ? text + pick(duties) : text;
  };
  const all = [...divisionsByCode().values()];
  const provinces = all.filter((d) => d.level === "province");
  const issued: Issued[] = [];
  const files: GeneratedFile[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    const province = pick(provinces);
    let division: Division | null = province;
    if (roll < 0.05) division = null;
    else if (roll < 0.55 && province.children.length) {
      division = pick(province.children);
      if (random() < 0.5 && division.children.length) division = pick(division.children);
    }
    const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const place = division?.name ?? "";
    const bodies =
      division?.level === "province"
        ? ["应急管理厅", "安全生产委员会", "人民政府办公厅"]
        : ["应急管理局", "安全生产委员会", "人民政府办公室"];
    const issuer = division ? `${place}${pick(bodies)}` : "国务院安全生产委员会";
    const agency = pick(["安委", "应急", "政办发", "安委办"]);
    const number = `${abbreviationOf(division)}${agency}〔${year}〕${1 + Math.floor(random() * 150)}号`;
    const subject = pick(SUBJECTS);
    const form = pick(GENRE_FORMS);
    const title = form === "工作要点的通知" ? `关于印发${year}年安全生产${form}` : `关于${subject}${form}`;
    // Cite an earlier circular of a higher level in the same province, or a national one.
    const parents = issued.filter(
      (p) =>
        p.year <= year &&
        (!p.division ||
          (division &&
            p.division.level !== "county" &&
            division.code.startsWith(p.division.code.slice(0, p.division.level === "province" ? 2 : 4)) &&
            p.division !== division)),
    );
    const parent = parents.length ? pick(parents.slice(-50)) : null;
    const lines: string[] = [];
    if (random() < 0.2) lines.push(...CHROME_HEAD, "");
    lines.push(`${issuer}${title}`, "", number, "", `各有关单位：`, "");
    lines.push(
      `　　为贯彻落实${parent ? `《${parent.title}》（${parent.number}）` : "党中央、国务院关于安全生产的决策部署"}，结合实际，现就${subject}提出如下意见。`,
      "",
    );
    const sections = 3 + Math.floor(random() * 4);
    let item = 0;
    for (let s = 1; s <= sections; s++) {
      lines.push(`　　${canonicalLabel("cnItem", s)}${pick(SECTION_HEADINGS)}`, "");
      const items = 2 + Math.floor(random() * 6);
      for (let k = 0; k < items; k++) {
        item++;
        lines.push(`　　${item}.${clause()}`, "");
      }
    }
    lines.push(issuer, `${year}年${month}月${day}日`);
    if (random() < 0.2) lines.push("", ...CHROME_TAIL);
    issued.push({ division, number, title: `${issuer}${title}`, year });
    files.push({ name: `${options.prefix ?? "gen-"}${String(i).padStart(6, "0")}.txt`, text: lines.join("\n") + "\n" });
  }
  return files;
}
