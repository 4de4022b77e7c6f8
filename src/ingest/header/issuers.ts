/**
 * 发文机关: the 落款 under the text, the 版头 (…文件) and issuer lines above the title, the
 * bodies named before 关于 in the title, a regulation's maker, the portal's field.
 */
import { candidate, choose, type Candidate } from "./evidence.ts";
import { fieldCandidate, type FieldChoice, type PortalValue } from "./fields.ts";
import type { Head, TitleCandidate } from "./headLines.ts";
import { makerInForce, type Act } from "./history.ts";
import { isOrgName } from "../metadata.ts";
import { compactKey, lineKey, toSimplified } from "../../text/keys.ts";
import { divisionOf } from "../../config/gazetteer.ts";
import type { Jurisdiction } from "../../model/circular.ts";
import type { SignatureBlock } from "../blocks.ts";
import { CJK_BASIC } from "../../text/chars.ts";

/** An issuer named by its place: up to six Han characters before 省, 市, 县 …. */
const LOCAL_ISSUER = new RegExp(String.raw`^(中共)?[${CJK_BASIC}]{0,6}[省市县区州旗盟]`);

export interface IssuerEvidence {
  /** The signature block that names issuers, with its source line. */
  signature: { block: SignatureBlock; line: number | null } | null;
  banners: Head["banners"];
  titleLine: TitleCandidate | null;
  /** The chosen title and the line it was read on. */
  title: { text: string; line: number | null };
  acts: Act[];
  /** The database's and the page's issuer fields (发文机关, 制定机关 …). */
  fields: PortalValue[];
}

export function issuerCandidates(ev: IssuerEvidence): Array<Candidate<string[]>> {
  const out: Array<Candidate<string[]>> = [];
  if (ev.signature) out.push(candidate(ev.signature.block.issuers, "signature", ev.signature.line, "high", "落款"));
  out.push(...ev.banners);
  if (ev.titleLine?.banner.length)
    out.push(candidate(ev.titleLine.banner, "head", ev.titleLine.line, "high", "标题上方的发文机关"));
  // X关于…, X转发Y关于…, X印发《…》的通知: the bodies before the first of these words issue it.
  const before = /^(.{2,60}?)(关于|關於|转发|轉發|印发|印發|批转|批轉)/.exec(
    ev.title.text.replace(ev.titleLine?.banner.join("") ?? "", ""),
  );
  if (before) {
    const orgs = before[1]!.split(/[\s、]+/).filter(Boolean);
    if (orgs.every((o) => isOrgName(lineKey(o))))
      out.push(candidate(orgs, "title", ev.title.line, "medium", `标题中“${toSimplified(before[2]!)}”之前的机关`));
  }
  const maker = makerInForce(ev.acts);
  if (maker?.maker)
    out.push(candidate([maker.maker], "history", maker.line, "high", "历史沿革中最后一次制定或修改的机关"));
  for (const f of ev.fields) out.push(fieldCandidate(f, f.value.split(/[、，,；;\s]+/).filter(Boolean)));
  return out;
}

/** 省政府办公厅 in a 落款 is 广东省人民政府办公厅 of the title: the same body without its place. */
function withPlaceName(name: string, all: Array<Candidate<string[]>>): string {
  const norm = (s: string) => compactKey(s).replace(/人民政府/g, "政府");
  if (!/^(省|市|县|区|州|自治区|自治州)/.test(lineKey(name))) return name;
  const fuller = all
    .flatMap((c) => c.value)
    .find(
      (o) =>
        norm(o).length > norm(name).length &&
        norm(o).endsWith(norm(name)) &&
        /^[\p{Script=Han}]{2,}(省|市|县|区|州)/u.test(lineKey(o)),
    );
  return fuller ?? name;
}

export function chooseIssuers(candidates: Array<Candidate<string[]>>): FieldChoice<string[]> {
  const best = choose(candidates, (a, b) => a.join("、") === b.join("、"));
  const fuller = best.chosen && best.chosen.value.map((n) => withPlaceName(n, candidates));
  const chosen =
    best.chosen && fuller!.join("、") !== best.chosen.value.join("、")
      ? { ...best.chosen, value: fuller!, rule: `${best.chosen.rule}（机关全称见标题或版头）` }
      : best.chosen;
  const lost = best.lost;
  const warnings = chosen?.value.length
    ? []
    : [
        {
          line: null,
          message: "发文机关不详：没有落款、版头，标题和网站、数据库的字段也未指明（网站的发布机构不作发文机关）",
        },
      ];
  return { chosen, lost, warnings };
}

/**
 * 发布机构: the site's publisher fields (发布机构, 信息来源, 来源), where they agree; one named
 * without its place (应急管理局 on 寿光's portal) takes the document's place. Never the issuer:
 * a site publishes what others issue.
 */
export function choosePublisher(publishers: PortalValue[], jurisdiction: Jurisdiction | null): FieldChoice<string> {
  if (publishers.length === 0) return { chosen: null, lost: [], warnings: [] };
  const first = publishers[0]!;
  const candidates = publishers.map((p) => fieldCandidate(p, p.value.trim()));
  const other = publishers.find((p) => compactKey(p.value) !== compactKey(first.value));
  if (other) {
    return {
      chosen: null,
      lost: candidates,
      warnings: [
        {
          line: first.line,
          message: `发布机构不详：网站的「${first.label}」与「${other.label}」不一致`,
        },
      ],
    };
  }
  const chosen = candidates[0]!;
  const division = jurisdiction && jurisdiction.level !== "national" ? divisionOf(jurisdiction.code) : undefined;
  if (division && !LOCAL_ISSUER.test(lineKey(chosen.value))) {
    return {
      chosen: { ...chosen, value: division.name + chosen.value, rule: `${chosen.rule}，冠以所在地` },
      lost: [],
      warnings: [],
    };
  }
  return { chosen, lost: [], warnings: [] };
}
