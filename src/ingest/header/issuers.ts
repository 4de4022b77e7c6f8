/**
 * 发文机关: the 落款 under the text, the 版头 (…文件) and issuer lines above the title, the
 * bodies named before 关于 in the title, a regulation's maker, the portal's field.
 */
import { candidate, choose, type Candidate } from "./evidence.ts";
import type { FieldChoice, PortalValue } from "./fields.ts";
import type { Head, TitleCandidate } from "./headLines.ts";
import { makerInForce, type Act } from "./history.ts";
import { isOrgName, type SignatureBlock } from "../metadata.ts";

export interface IssuerEvidence {
  /** The signature block that names issuers, with its source line. */
  signature: { block: SignatureBlock; line: number | null } | null;
  banners: Head["banners"];
  titleLine: TitleCandidate | null;
  /** The chosen title and the line it was read on. */
  title: { text: string; line: number | null };
  acts: Act[];
  portal: PortalValue | null;
}

export function issuerCandidates(ev: IssuerEvidence): Array<Candidate<string[]>> {
  const out: Array<Candidate<string[]>> = [];
  if (ev.signature) out.push(candidate(ev.signature.block.issuers, "signature", ev.signature.line, "high", "落款"));
  out.push(...ev.banners);
  if (ev.titleLine?.banner.length) out.push(candidate(ev.titleLine.banner, "head", ev.titleLine.line, "high", "标题上方的发文机关"));
  const before = /^(.{2,60}?)关于/.exec(ev.title.text.replace(ev.titleLine?.banner.join("") ?? "", ""));
  if (before) {
    const orgs = before[1]!.split(/[\s、]+/).filter(Boolean);
    if (orgs.every((o) => isOrgName(o))) out.push(candidate(orgs, "title", ev.title.line, "medium", "标题中“关于”之前的机关"));
  }
  const maker = makerInForce(ev.acts);
  if (maker?.maker) out.push(candidate([maker.maker], "history", maker.line, "high", "历史沿革中最后一次制定或修改的机关"));
  if (ev.portal) out.push(candidate([ev.portal.value], "portal-field", ev.portal.line, "medium", `「${ev.portal.label}」字段`));
  return out;
}

export function chooseIssuers(candidates: Array<Candidate<string[]>>): FieldChoice<string[]> {
  const { chosen, lost } = choose(candidates, (a, b) => a.join("、") === b.join("、"));
  const warnings = chosen?.value.length ? [] : [{ line: null, message: "发文机关不详：没有落款、版头或网站字段" }];
  return { chosen, lost, warnings };
}
