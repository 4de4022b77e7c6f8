/**
 * The header fields — title, issuers, 文号, dates, 文种, place — chosen among candidates
 * from every reader (head lines, signature, a regulation's history, the portal's fields,
 * the 文号, the text), each with the line and rule it came from. Unknown rather than wrong:
 * a field whose evidence is too weak stays null and a Chinese warning says why.
 */
import { PORTAL_FIELDS_FOR, SPAM_LINE } from "../config/chrome.ts";
import { divisionOf } from "../config/gazetteer.ts";
import { REGULATION_GENRES, type Genre, type Jurisdiction, type PartialDate, type Warning } from "../model/circular.ts";
import { findDocNumbers, findOrderNumbers, type DocNumberMatch } from "../text/docNumber.ts";
import { compactKey, lineKey, toSimplified } from "../text/keys.ts";
import type { BodyLine, ChromeResult, PortalField } from "./chrome.ts";
import { isoDate, readDate } from "./dates.ts";
import { HeaderRecord, candidate, choose, type Candidate } from "./evidence.ts";
import { issuedSubject, type Head, type TitleCandidate } from "./head.ts";
import { makerInForce, readHistory, versionInForce, type Act } from "./history.ts";
import { readJurisdiction } from "./jurisdiction.ts";
import { TITLE_END, genreOf, isOrgName, type SignatureBlock } from "./metadata.ts";
import { cleanTitle } from "./title.ts";

/** The document's own number: a 文号 (机关代字〔年份〕序号号) or a regulation's order (国务院令第708号). */
export interface OwnNumber {
  raw: string;
  normalized: string;
  /** 机关代字 of a 文号; null for an order. */
  prefix: string | null;
  year: number | null;
  repair: string | null;
}

export interface HeaderFields {
  title: string;
  /** Body indices of the title's lines. */
  titleIndices: number[];
  pageTitle: string | null;
  issuers: string[];
  docNumber: OwnNumber | null;
  date: PartialDate | null;
  published: PartialDate | null;
  effective: PartialDate | null;
  genre: Genre | null;
  jurisdiction: Jurisdiction | null;
  acts: Act[];
  record: HeaderRecord;
  warnings: Warning[];
  /** Pieces cut out of lines that stay in the body (a title's portal suffix, junk), as noise. */
  fragments: Array<{ line: number; text: string; part: true }>;
}

export interface HeaderInput {
  /** The source file's name (its title and date may be in it: 上海市防汛条例(2021-11-25).txt). */
  fileName: string;
  lines: BodyLine[];
  head: Head;
  signatures: SignatureBlock[];
  portal: ChromeResult["portalFields"];
  noise: ChromeResult["noise"];
  body: string;
}

const portalValue = (portal: HeaderInput["portal"], labels: readonly string[]): (PortalField & { label: string }) | null => {
  for (const label of labels) {
    const f = portal[label as keyof typeof portal];
    // Portals cut long values short (征求意...): a value that ends so is not taken.
    if (f && !/(\.\.\.|…)$/.test(f.value)) return { ...f, label };
  }
  return null;
};

/** What a file's name says: 上海市防汛条例(2021-11-25).txt, 关于…的通知_20210519.docx. */
export function fileNameFacts(fileName: string): { title: string | null; date: PartialDate | null } {
  const stem = fileName.split(/[\\/]/).at(-1)!.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  const m = /^(.*?)\s*(?:[（(]\s*(\d{4}-\d{2}-\d{2})\s*[）)]|[_-](\d{4}-?\d{2}-?\d{2}))\s*$/.exec(stem);
  const title = (m ? m[1]! : stem).trim();
  const digits = m ? (m[2] ?? m[3]!).replace(/-/g, "") : null;
  const date = digits ? isoDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))) : null;
  return { title: /[\u4e00-\u9fff]{4}/.test(title) && TITLE_END.test(compactKey(title)) ? title : null, date };
}

function fromDocNumber(m: DocNumberMatch): OwnNumber {
  return { raw: m.raw, normalized: toSimplified(m.normalized), prefix: toSimplified(m.prefix), year: m.year, repair: m.repair };
}

/** The fuller form of a title: the same 事由+文种 with its issuer before 关于, where one was found. */
function fullerForm(chosen: TitleCandidate | Candidate<string>, all: Array<Candidate<string>>): Candidate<string> {
  const key = compactKey(chosen.value);
  const fuller = all.find((c) => {
    const k = compactKey(c.value);
    return k.length > key.length && k.endsWith(key) && /^.{2,40}关于/.test(k) && key.startsWith("关于");
  });
  return fuller ? { ...fuller, confidence: chosen.confidence } : chosen;
}

export function readHeaderFields(input: HeaderInput): HeaderFields {
  const { lines, head, signatures, portal } = input;
  const record = new HeaderRecord();
  const warnings: Warning[] = [];
  const fragments: HeaderFields["fragments"] = [];
  const lineOf = (i: number | undefined) => (i === undefined ? null : lines[i]?.sourceLine ?? null);

  // 标题
  const portalTitle = portalValue(portal, PORTAL_FIELDS_FOR.title);
  const titleCandidates: Array<Candidate<string>> = [...head.titles];
  if (portalTitle) {
    const cleaned = cleanTitle(portalTitle.value);
    if (/[\u4e00-\u9fff]{4}/.test(cleaned.title)) titleCandidates.push(candidate(cleaned.title, "portal-field", portalTitle.line, "medium", `「${portalTitle.label}」字段`));
  }
  const named = fileNameFacts(input.fileName);
  if (named.title) titleCandidates.push(candidate(named.title, "file-name", null, "low", "文件名"));
  const subject = issuedSubject(lines);
  if (subject) titleCandidates.push(subject);
  const bestTitle = choose(titleCandidates, (a, b) => compactKey(a) === compactKey(b));
  let titleChoice = bestTitle.chosen ? fullerForm(bestTitle.chosen, titleCandidates) : null;
  const titleLine = titleChoice && "indices" in titleChoice ? (titleChoice as TitleCandidate) : null;
  if (titleChoice?.from === "portal-field") warnings.push({ line: titleChoice.line, message: `正文中没有标题行；标题取自网站的「${portalTitle!.label}」字段` });
  if (head.pageTitle && titleLine) warnings.push({ line: titleLine.line, message: `页面“${head.pageTitle}”包着正文，取正文自身的标题` });
  if (titleChoice?.from === "file-name") warnings.push({ line: null, message: "正文中没有标题行；标题取自文件名" });
  if (titleChoice?.from === "body") warnings.push({ line: titleChoice.line, message: `正文中没有标题行；标题取自第 ${titleChoice.line} 行“印发”一句所印发的《${titleChoice.value}》` });

  // 文号: a line of its own, the title line, the portal, a regulation's order.
  const acts = readHistory(lines, titleLine ? titleLine.indices.at(-1)! + 1 : 0);
  const inForce = versionInForce(acts);
  const numberCandidates: Array<Candidate<OwnNumber>> = head.docNumbers.map((d) => ({ ...d, value: fromDocNumber(d.value) }));
  const titleNumber = titleLine?.cleaned.docNumber;
  if (titleNumber) numberCandidates.push(candidate(fromDocNumber(titleNumber), "title", titleLine!.line, "high", "标题后括注的文号"));
  const portalNumber = portalValue(portal, PORTAL_FIELDS_FOR.docNumber);
  if (portalNumber) {
    const found = findDocNumbers(portalNumber.value)[0];
    const order = findOrderNumbers(portalNumber.value)[0];
    if (found) numberCandidates.push(candidate(fromDocNumber(found), "portal-field", portalNumber.line, "medium", `「${portalNumber.label}」字段`));
    else if (order) numberCandidates.push(candidate({ raw: order.raw, normalized: toSimplified(order.normalized), prefix: null, year: null, repair: null }, "portal-field", portalNumber.line, "medium", `「${portalNumber.label}」字段`));
  }
  const promulgation = [...acts].reverse().find((a) => a.order && a.kind === "promulgated");
  if (promulgation) numberCandidates.push(candidate({ raw: promulgation.order!, normalized: promulgation.order!, prefix: null, year: null, repair: null }, "history", promulgation.line, "high", "历史沿革中的公布令号"));
  const docNumber = record.record("docNumber", choose(numberCandidates, (a, b) => a.normalized === b.normalized), (v) => v.normalized);
  if (docNumber?.repair) warnings.push({ line: record.provenance.docNumber!.line, message: `文号“${docNumber.raw}”读作“${docNumber.normalized}”：${docNumber.repair}` });

  // 标题, last resort: （无标题） and the 文号.
  if (!titleChoice) {
    titleChoice = candidate(`（无标题）${docNumber ? docNumber.normalized : ""}`, "head", null, "low", "未找到标题");
    warnings.push({ line: null, message: "未找到标题：正文中没有标题行，网站字段和“印发”一句也未给出标题" });
  }
  const title = titleChoice.value;
  record.record("title", { chosen: titleChoice, lost: bestTitle.lost.filter((c) => compactKey(c.value) !== compactKey(title)) }, (v) => v);
  if (titleLine) {
    const at = titleLine.line ?? 0;
    for (const piece of titleLine.cleaned.removed) fragments.push({ line: at, text: piece, part: true });
    for (const junk of titleLine.cleaned.junk) warnings.push({ line: at, message: `标题中夹有无关字符“${junk}”，已从标题中去除` });
  }

  // 发文机关
  const afterTitle = (s: SignatureBlock) => s.indices[0]! > (titleLine?.indices.at(-1) ?? -1);
  const signed = signatures.filter(afterTitle).find((s) => s.issuers.length > 0);
  const issuerCandidates: Array<Candidate<string[]>> = [];
  if (signed) issuerCandidates.push(candidate(signed.issuers, "signature", lineOf(signed.indices[0]), "high", "落款"));
  issuerCandidates.push(...head.banners);
  if (titleLine?.banner.length) issuerCandidates.push(candidate(titleLine.banner, "head", titleLine.line, "high", "标题上方的发文机关"));
  const before = /^(.{2,60}?)关于/.exec(title.replace(titleLine?.banner.join("") ?? "", ""));
  if (before) {
    const orgs = before[1]!.split(/[\s、]+/).filter(Boolean);
    if (orgs.every((o) => isOrgName(o))) issuerCandidates.push(candidate(orgs, "title", record.provenance.title?.line ?? null, "medium", "标题中“关于”之前的机关"));
  }
  const maker = makerInForce(acts);
  if (maker?.maker) issuerCandidates.push(candidate([maker.maker], "history", maker.line, "high", "历史沿革中最后一次制定或修改的机关"));
  const portalIssuer = portalValue(portal, PORTAL_FIELDS_FOR.issuer);
  if (portalIssuer) issuerCandidates.push(candidate([portalIssuer.value], "portal-field", portalIssuer.line, "medium", `「${portalIssuer.label}」字段`));
  const issuerChoice = choose(issuerCandidates, (a, b) => a.join("、") === b.join("、"));

  // 成文日期: the signature, a regulation's version in force, the portal, else the 文号's year (inferred).
  const dateCandidates: Array<Candidate<PartialDate>> = [];
  const dated = signed ?? signatures.filter(afterTitle)[0];
  if (dated) {
    dateCandidates.push(candidate(dated.date.date, "signature", lineOf(dated.indices.at(-1)), "high", "落款日期"));
    if (dated.date.repair) warnings.push({ line: lineOf(dated.indices.at(-1)), message: `落款日期${dated.date.repair}` });
  }
  // A file named with its title and date (上海市防汛条例(2021-11-25).txt) dates the version it holds;
  // its text's history may stop at an earlier act.
  if (named.date) {
    const short = (t: string) => compactKey(t).replace(/中华人民共和国/g, "");
    const sameTitle = named.title !== null && short(named.title) === short(title);
    dateCandidates.push(candidate(named.date, "file-name", null, sameTitle ? "high" : "medium", "文件名中的日期"));
  }
  if (inForce) dateCandidates.push(candidate(inForce.date, "history", inForce.line, "high", acts.length > 1 ? "历史沿革中最后一次制定或修改的日期" : "历史沿革中的日期"));
  const portalDate = portalValue(portal, PORTAL_FIELDS_FOR.date);
  const portalDateValue = portalDate ? readDate(portalDate.value)?.date : null;
  if (portalDate && portalDateValue) dateCandidates.push(candidate(portalDateValue, "portal-field", portalDate.line, "medium", `「${portalDate.label}」字段`));
  const docYear = docNumber?.year ? isoDate(docNumber.year) : null;
  if (docYear) dateCandidates.push(candidate(docYear, "docNumber", record.provenance.docNumber?.line ?? null, "low", "文号中的年份（推定）", true));
  const dateChoice = choose(dateCandidates);
  const date = record.record("date", dateChoice, (v) => v);
  const history = dateChoice.lost.find((c) => c.from === "history");
  if (dateChoice.chosen?.from === "file-name" && history) warnings.push({ line: history.line, message: `成文日期取文件名所示的 ${date}；正文的历史沿革止于 ${history.value}，未载此后的修改` });
  if (record.provenance.date?.inferred) warnings.push({ line: record.provenance.date.line, message: `成文日期不详：年份 ${date} 取自文号，为推定` });
  else if (record.provenance.date?.from === "portal-field") warnings.push({ line: record.provenance.date.line, message: `成文日期 ${date} 取自网站的「${portalDate!.label}」字段，正文中没有` });
  else if (!date) warnings.push({ line: null, message: "成文日期不详：没有落款日期、历史沿革或网站字段" });

  const portalPublished = portalValue(portal, PORTAL_FIELDS_FOR.published);
  const published = portalPublished ? readDate(portalPublished.value)?.date ?? null : null;
  record.record("published", { chosen: published ? candidate(published, "portal-field", portalPublished!.line, "medium", `「${portalPublished!.label}」字段`) : null, lost: [] }, (v) => v);

  // 施行日期
  const effectiveCandidates: Array<Candidate<PartialDate>> = [];
  const inEffect = [...acts].reverse().find((a) => a.kind === "effective");
  if (inEffect) effectiveCandidates.push(candidate(inEffect.date, "history", inEffect.line, "high", "历史沿革中的施行日期"));
  const portalEffective = portalValue(portal, PORTAL_FIELDS_FOR.effective);
  const portalEffectiveValue = portalEffective ? readDate(portalEffective.value)?.date : null;
  if (portalEffective && portalEffectiveValue) effectiveCandidates.push(candidate(portalEffectiveValue, "portal-field", portalEffective.line, "medium", `「${portalEffective.label}」字段`));
  for (const l of lines) {
    const m = /自\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起(?:施行|实施|生效|执行)/.exec(l.key);
    const d = m ? readDate(m[1]!)?.date : null;
    if (d) effectiveCandidates.push(candidate(d, "body", l.sourceLine, "medium", "正文“自…起施行”"));
  }
  const effective = record.record("effective", choose(effectiveCandidates), (v) => v);

  // 文种
  const genre = genreOf(title);
  record.record("genre", { chosen: genre ? candidate(genre, "title", record.provenance.title?.line ?? null, titleChoice.confidence, "标题的结尾") : null, lost: [] }, (v) => v);

  // 地区
  const issuersChosen = issuerChoice.chosen?.value ?? [];
  const place = readJurisdiction({
    issuers: issuerCandidates.flatMap((c) => c.value.map((name) => ({ name, from: c.from, line: c.line }))),
    title: titleChoice.from === "body" || titleChoice.confidence === "low" ? null : { text: title, line: titleChoice.line },
    docNumberPrefix: docNumber?.prefix ? { prefix: docNumber.prefix, line: record.provenance.docNumber?.line ?? null } : null,
    isRegulation: acts.length > 0 || (genre !== null && (REGULATION_GENRES as readonly string[]).includes(genre)),
    chrome: input.noise.filter((n) => !SPAM_LINE.test(lineKey(n.text))).map((n) => ({ text: n.text, line: n.line })),
    body: input.body,
  });
  const jurisdiction = record.record("jurisdiction", place, (v) => v.code);
  if (place.unknownBecause) warnings.push({ line: null, message: place.unknownBecause });

  // A portal's 发布机构 omits the place its own site is for: 应急管理局 → 寿光市应急管理局.
  let issuers = issuersChosen;
  if (issuerChoice.chosen?.from === "portal-field" && jurisdiction && jurisdiction.level !== "national" && issuers.length === 1 && !/^(中共)?[\u4e00-\u9fff]{0,6}[省市县区州旗盟]/.test(issuers[0]!)) {
    const division = divisionOf(jurisdiction.code);
    if (division) {
      issuers = [division.name + issuers[0]];
      issuerChoice.chosen = { ...issuerChoice.chosen, value: issuers, rule: `「${portalIssuer!.label}」字段，冠以所在地` };
    }
  }
  record.record("issuers", issuerChoice, (v) => v.join("、"));
  if (issuers.length === 0) warnings.push({ line: null, message: "发文机关不详：没有落款、版头或网站字段" });

  return {
    title, titleIndices: titleLine?.indices ?? [], pageTitle: head.pageTitle, issuers, docNumber, date, published, effective, genre, jurisdiction,
    acts, record, warnings, fragments,
  };
}
