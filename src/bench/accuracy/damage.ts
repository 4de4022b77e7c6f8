/**
 * Realistic page damage, so that accuracy does not rest on the files anyone has: every
 * labelled document is wrapped in each kind of damage real pages show (a site's chrome and
 * breadcrumbs, field rows and tables, sidebars of other documents, spam, a news page around
 * it, Markdown dialects, traditional script with pinyin debris, line breaks inside brackets,
 * an attachment after the 落款, a page cut short) and must keep its label: a value the damage
 * hides may become unknown, never wrong. Deterministic for a document and a kind.
 */
import { readFileSync } from "node:fs";
import { pinyin } from "pinyin-pro";
import table from "../../text/data/t2s.json" with { type: "json" };
import { rng } from "../generate.ts";
import type { Label } from "./judge.ts";
import type { LabelledSet } from "./sets.ts";

export interface DamagedFile {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  label: Label;
}

export interface DamagedSet {
  name: string;
  files: DamagedFile[];
}

/** What a damage kind gets: the document's text and label, and a random source of its own. */
interface Doc {
  text: string;
  lines: string[];
  label: Label;
  /** A law or regulation (its label counts articles). */
  regulation: boolean;
  random: () => number;
}

type Damage = (d: Doc) => { text: string; label?: Label; fileName?: string } | null;

const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.codePointAt(0)!) >>> 0, 7);
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const ARTICLE_OR_CHAPTER = /^[\s　]*第[一二三四五六七八九十百零〇两]+[章条节编]/;

const SITES = ["某某市人民政府门户网站", "应急管理信息网", "安全生产法规库", "政务公开平台", "中国安全生产网"];
const MENUS = [
  "首页 新闻中心 政务公开 政务服务 互动交流 走进本市",
  "网站首页 | 机构概况 | 政策法规 | 公示公告 | 办事服务",
];
const CRUMBS = [
  "您当前的位置：首页 > 政务公开 > 政策文件",
  "当前位置: 首页 >> 信息公开 >> 规范性文件",
  "首页 > 法律法规 > 地方法规",
];
const FOOTERS = [
  "主办单位：某某市人民政府办公室 承办单位：某某市大数据中心",
  "版权所有 © 2021 某某市人民政府 ICP备05012345号",
  "网站标识码：1234000012  京公网安备 11010502030001号",
  "打印本页 关闭窗口",
];
const SIDEBAR = [
  "关于做好2021年春节期间安全生产工作的通知 2021-02-05",
  "关于开展消防安全隐患大排查的通知 2020-12-01",
  "关于印发全市安全生产专项整治三年行动实施方案的通知 2020-06-18",
  "关于加强汛期地质灾害防范工作的通知 2019-05-20",
];
const SPAM = ["澳门新葡京 真人视讯 点击进入", "加微信领取彩金 免费领取", "百家乐 博彩 娱乐城 立即下载"];

/** The first line with text: a document's title where it has one. */
const firstText = (lines: string[]) => lines.findIndex((l) => l.trim() !== "");

/** A publication day after the document's date (a portal's 发布日期 is never its 成文日期). */
function laterDay(date: string | null | undefined, r: () => number): string {
  const base =
    date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : new Date("2020-06-01T00:00:00Z");
  base.setUTCDate(base.getUTCDate() + 2 + Math.floor(r() * 20));
  return base.toISOString().slice(0, 10);
}

let toTraditional: Map<string, string> | null = null;
/** Simplified → a traditional character, the reverse of the script table (the first traditional form of each). */
function traditional(s: string): string {
  if (!toTraditional) {
    toTraditional = new Map();
    const from = [...table.from];
    [...table.to].forEach((simplified, i) => {
      if (!toTraditional!.has(simplified)) toTraditional!.set(simplified, from[i]!);
    });
  }
  return [...s].map((c) => toTraditional!.get(c) ?? c).join("");
}

/** Tone-marked pinyin after some characters, as converted mirrors print it: 務(wù). */
function withPinyin(s: string, r: () => number, share: number): string {
  return [...s]
    .map((c) => (/\p{Script=Han}/u.test(c) && r() < share ? `${c}(${pinyin(c, { toneType: "symbol" })})` : c))
    .join("");
}

export const DAMAGES: Record<string, Damage> = {
  /** The site's name, a menu and a breadcrumb above; a footer below. */
  "site chrome": (d) => ({
    text: [
      pick(d.random, SITES),
      pick(d.random, MENUS),
      pick(d.random, CRUMBS),
      "",
      d.text,
      "",
      ...FOOTERS.slice(0, 2 + Math.floor(d.random() * 2)),
    ].join("\n"),
  }),
  /** The site's name and section before the title, on the title's line. */
  "site name on the title line": (d) => {
    const at = firstText(d.lines);
    const lines = [...d.lines];
    lines[at] = `${pick(d.random, SITES)} 政策文件 ${lines[at]!.trim()}`;
    return { text: lines.join("\n") };
  },
  /** A run-together row of metadata with spaced-out labels, true values and a later 发布日期 and 生成日期. */
  "metadata row": (d) => {
    const row = [`索 引 号：11${Math.floor(d.random() * 1e8)}/2020-00${Math.floor(d.random() * 900 + 100)}`];
    if (d.label.docNumber) row.push(`文 号：${d.label.docNumber}`);
    const later = laterDay(d.label.date, d.random);
    row.push(`生成日期：${later}`, `发布日期：${later}`);
    return { text: [row.join(" "), d.text].join("\n") };
  },
  /** Labels and values on lines of their own above it, a blank line between (a ministry's disclosure page). */
  "field lines": (d) => {
    const later = laterDay(d.label.date, d.random);
    const fields = [
      ["索引号", `000019713O10/2020-00${Math.floor(d.random() * 900 + 100)}`],
      ["公开日期", later],
      ["主题词", "安全生产;通知"],
      ["公文类型", "函"],
    ];
    if (d.label.docNumber) fields.splice(1, 0, ["文号", d.label.docNumber]);
    return { text: [...fields.flatMap(([k, v]) => [k!, "", v!, ""]), d.text].join("\n") };
  },
  /** Other documents' titles with their dates, above and below. */
  sidebar: (d) => ({
    text: ["相关信息", ...SIDEBAR.slice(0, 3), "", d.text, "", "相关文件", ...SIDEBAR.slice(1)].join("\n"),
  }),
  /** Advertising injected at the top and in the middle. */
  spam: (d) => {
    const lines = [...d.lines];
    lines.splice(Math.floor(lines.length / 2), 0, pick(d.random, SPAM));
    return { text: [pick(d.random, SPAM), ...lines].join("\n") };
  },
  /** A news or content-farm page around it: its own headline, a byline and a paragraph of comment. */
  "news page": (d) => ({
    text: [
      "最新！相关部门发布重要文件",
      `2024-04-21 10:32:15 来源：网络 作者：编辑部`,
      "近日，有关部门印发文件，对相关工作作出部署，引发广泛关注。以下为文件全文，供参考。",
      "",
      d.text,
      "",
      "相关内容",
      "热门资讯",
    ].join("\n"),
  }),
  /** Traditional script, as mirrors serve it, with tone-marked pinyin after some characters. */
  "traditional script with pinyin": (d) => ({ text: withPinyin(traditional(d.text), d.random, 0.15) }),
  /** Line breaks inside brackets and inside the title, as a narrow page wraps them. */
  "line breaks inside brackets": (d) => {
    const lines = d.lines.flatMap((l, i) => {
      // Inside 《》 or a bracketed note of some length (not a pinyin annotation), as a narrow page wraps.
      const open = l.search(/《|[（(](?=[^)）]{6})/);
      if (open < 0 || l.length < 12 || (i > 12 && !d.regulation)) return [l];
      const at = Math.min(l.length - 2, open + 3 + Math.floor(d.random() * 6));
      return [l.slice(0, at), l.slice(at)];
    });
    return { text: lines.join("\n") };
  },
  /** An attachment after the 落款: the attached plan's title and text, cut off. */
  "attachment after the signature": (d) => {
    if (d.regulation) return null;
    const plan = [
      "",
      "附件",
      "",
      "安全生产专项整治实施方案",
      "",
      "　　为深入贯彻落实党中央、国务院关于安全生产的决策部署，制定本方案。",
      "　　一、总体要求",
      "　　坚持人民至上、生命至上，统筹发展和安全。",
      "　　二、重点任务",
      "　　（一）开展风险隐患排查。各地要组织对辖区内",
    ];
    return { text: [d.text.replace(/\s+$/, ""), ...plan].join("\n") };
  },
  /** Cut short: the page stops at three fifths of its lines, mid-sentence. */
  truncation: (d) => {
    const keep = Math.max(3, Math.floor(d.lines.length * 0.6));
    const lines = d.lines.slice(0, keep);
    const last = lines[keep - 1] ?? "";
    lines[keep - 1] = last.slice(0, Math.max(1, Math.floor(last.length / 2)));
    // What was cut is no longer the document's to count.
    const { articles: _articles, ...label } = d.label;
    return { text: lines.join("\n"), label };
  },
  /** As a law database's Markdown: frontmatter, # title, history in block quotes, ## chapters, escapes. */
  "markdown with frontmatter": (d) => {
    if (!d.regulation) return null;
    const at = firstText(d.lines);
    const title = d.lines[at]!.trim();
    const out = ["---", `title: ${title}`, "status: 有效", "---", "", `# ${title}`, ""];
    let inHistory = true;
    for (const l of d.lines.slice(at + 1)) {
      const t = l.trim();
      if (ARTICLE_OR_CHAPTER.test(t)) inHistory = false;
      if (t === "") out.push("");
      else if (inHistory) out.push(`> ${t.replace(/</g, "\\<")}`);
      else if (/^第[一二三四五六七八九十百]+章/.test(t)) out.push(`## ${t}`);
      else out.push(t.replace(/</g, "\\<").replace(/^\*/, "\\*"));
    }
    return { text: out.join("\n"), fileName: "damaged.md" };
  },
};

/** Every labelled document of `sets` in every kind of damage that applies to it. */
export function damagedSets(
  sets: LabelledSet[],
  kinds: string[] = Object.keys(DAMAGES),
  sample?: number,
): DamagedSet[] {
  const docs = sets.flatMap((set) =>
    (sample ? set.files.slice(0, sample) : set.files).map((f) => ({
      f,
      regulation: f.label.articles !== undefined,
      text: readFileSync(f.path, "utf8"),
    })),
  );
  return kinds.map((kind) => ({
    name: kind,
    files: docs.flatMap(({ f, regulation, text }) => {
      // Markdown sources are damaged as the text a database would have printed; Markdown damage starts from text.
      if (f.path.endsWith(".md") && kind !== "truncation") return [];
      const out = DAMAGES[kind]!({
        text,
        lines: text.split(/\r?\n/),
        label: f.label,
        regulation,
        random: rng(hash(`${f.name}|${kind}`)),
      });
      if (!out) return [];
      return [
        {
          name: f.name,
          fileName: out.fileName ?? f.path.split("/").at(-1)!,
          bytes: Buffer.from(out.text),
          label: out.label ?? f.label,
        },
      ];
    }),
  }));
}
