/**
 * The header fields — title, issuers, 文号, dates, 文种, place — each chosen by its own
 * chooser (title.ts, docNumber.ts, issuers.ts, dates.ts, jurisdiction.ts) among candidates
 * from every reader (head lines, signature, a regulation's history, the portal's fields,
 * the 文号, the text), each with the line and rule it came from. Unknown rather than wrong:
 * a field whose evidence is too weak stays null and a Chinese warning says why.
 */
import { PORTAL_FIELDS_FOR, SPAM_LINE } from "../../config/chrome.ts";
import {
  REGULATION_GENRES,
  type Genre,
  type Jurisdiction,
  type PartialDate,
  type Warning,
} from "../../model/circular.ts";
import { lineKey } from "../../text/keys.ts";
import type { BodyLine, ChromeResult } from "../chrome.ts";
import { genreOf } from "../metadata.ts";
import type { Blocks } from "../blocks.ts";
import { chooseDate, chooseEffective, choosePublished } from "./dates.ts";
import { chooseDocNumber, type OwnNumber } from "./docNumber.ts";
import { HeaderRecord, candidate, type Candidate } from "./evidence.ts";
import { databaseValue, portalValue, type FieldChoice, type PortalValue } from "./fields.ts";
import type { DatabaseField } from "../formats/extracted.ts";
import type { DatabaseFieldName } from "../../config/chrome.ts";
import { issuedSubject, type Head } from "./headLines.ts";
import { readHistory, type Act } from "./history.ts";
import { chooseIssuers, choosePublisher, issuerCandidates } from "./issuers.ts";
import { readJurisdiction, writerLevel } from "./jurisdiction.ts";
import { chooseTitle, fileNameFacts, untitled } from "./title.ts";
import { statedValidity, validityTerm, type StatedValidity } from "./validity.ts";
import type { ValidityTerm } from "../../model/circular.ts";

export type { OwnNumber } from "./docNumber.ts";
export { fileNameFacts } from "./title.ts";

export interface HeaderFields {
  title: string;
  /** Body indices of the title's lines. */
  titleIndices: number[];
  pageTitle: string | null;
  issuers: string[];
  publisher: string | null;
  docNumber: OwnNumber | null;
  date: PartialDate | null;
  published: PartialDate | null;
  effective: PartialDate | null;
  genre: Genre | null;
  jurisdiction: Jurisdiction | null;
  acts: Act[];
  /** What the page or database says of the document's force. */
  statedValidity: StatedValidity | null;
  /** Its term as its text or the page states it. */
  validityTerm: ValidityTerm | null;
  /** The document a 印发/转发 sentence of the text issues (its attachment, or one it forwards). */
  issued: Candidate<string> | null;
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
  blocks: Blocks;
  portal: ChromeResult["portalFields"];
  noise: ChromeResult["noise"];
  body: string;
  /** The database's record of the document (a Markdown file's frontmatter). */
  database: DatabaseField[];
}

export function readHeaderFields(input: HeaderInput): HeaderFields {
  const { lines, head, blocks, portal } = input;
  // A field's values: the database's record first, then the page's metadata.
  const fieldsFor = (kind: keyof typeof PORTAL_FIELDS_FOR & DatabaseFieldName): PortalValue[] =>
    [databaseValue(input.database, kind), portalValue(portal, PORTAL_FIELDS_FOR[kind])].filter(
      (f): f is PortalValue => f !== null,
    );
  const record = new HeaderRecord();
  const warnings: Warning[] = [];
  const fragments: HeaderFields["fragments"] = [];
  const lineOf = (i: number | undefined) => (i === undefined ? null : (lines[i]?.sourceLine ?? null));
  const take = <C extends FieldChoice<unknown>>(choice: C): C => (warnings.push(...choice.warnings), choice);

  const named = fileNameFacts(input.fileName);
  const titleChoice = take(
    chooseTitle({ head: head.titles, fields: fieldsFor("title"), fileName: named.title }, head.pageTitle),
  );
  const titleLine = titleChoice.line;

  const acts = readHistory(lines, titleLine ? titleLine.indices.at(-1)! + 1 : 0);
  const docNumber = record.record(
    "docNumber",
    take(chooseDocNumber({ head: head.docNumbers, title: titleLine, fields: fieldsFor("docNumber"), acts })),
    (v) => v.normalized,
  );

  const issued = issuedSubject(lines);
  const finalTitle = titleChoice.chosen ? titleChoice : take(untitled(docNumber?.normalized ?? null, issued));
  const title = record.record("title", finalTitle, (v) => v)!;
  if (titleLine) {
    const at = titleLine.line ?? 0;
    for (const piece of titleLine.cleaned.removed) fragments.push({ line: at, text: piece, part: true });
    const pinyin = titleLine.cleaned.junk.filter((j) => /^[(（]/.test(j));
    if (pinyin.length)
      warnings.push({
        line: at,
        message: `标题中夹有拼音注音 ${pinyin.length} 处（如“${pinyin[0]}”），已从标题中去除`,
      });
    for (const junk of titleLine.cleaned.junk.filter((j) => !/^[(（]/.test(j)))
      warnings.push({ line: at, message: `标题中夹有无关字符“${junk}”，已从标题中去除` });
  }
  const titleEvidence = { text: title, line: record.provenance.title?.line ?? null };

  // The notice's own 落款 (blocks.ts): its issuers and its date, either of which may be missing.
  const signature = blocks.signature;
  const signed = signature?.issuers.length ? signature : null;
  const issuerList = issuerCandidates({
    signature: signed ? { block: signed, line: lineOf(signed.indices[0]) } : null,
    banners: head.banners,
    titleLine,
    title: titleEvidence,
    acts,
    fields: fieldsFor("issuer"),
  });

  const date = record.record(
    "date",
    take(
      chooseDate({
        signature: signature?.date ? { date: signature.date, line: lineOf(signature.indices.at(-1)) } : null,
        fileName: named,
        title,
        acts,
        fields: fieldsFor("date"),
        docNumber: docNumber ? { year: docNumber.year, line: record.provenance.docNumber?.line ?? null } : null,
      }),
    ),
    (v) => v,
  );
  const published = record.record("published", choosePublished(fieldsFor("published")), (v) => v);
  const effective = record.record(
    "effective",
    chooseEffective({ acts, fields: fieldsFor("effective"), lines }),
    (v) => v,
  );

  // 文种
  // An unknown title names no 文种.
  const genre = titleChoice.chosen ? genreOf(title) : null;
  record.record(
    "genre",
    {
      chosen: genre
        ? candidate(genre, "title", record.provenance.title?.line ?? null, finalTitle.chosen!.confidence, "标题的结尾")
        : null,
      lost: [],
    },
    (v) => v,
  );

  // 地区
  const place = readJurisdiction({
    issuers: issuerList.flatMap((c) => c.value.map((name) => ({ name, from: c.from, line: c.line }))),
    title: finalTitle.chosen!.from === "body" || finalTitle.chosen!.confidence === "low" ? null : titleEvidence,
    docNumberPrefix: docNumber?.prefix
      ? { prefix: docNumber.prefix, line: record.provenance.docNumber?.line ?? null }
      : null,
    isRegulation: acts.length > 0 || (genre !== null && (REGULATION_GENRES as readonly string[]).includes(genre)),
    chrome: input.noise.filter((n) => !SPAM_LINE.test(lineKey(n.text))).map((n) => ({ text: n.text, line: n.line })),
    body: input.body,
    writerLevel: writerLevel(
      issuerList.flatMap((c) => c.value),
      head.addressees,
    ),
  });
  const jurisdiction = record.record("jurisdiction", place, (v) => v.code);
  if (place.unknownBecause) warnings.push({ line: null, message: place.unknownBecause });

  const issuerChoice = chooseIssuers(issuerList);
  const issuers = issuerChoice.chosen?.value ?? [];
  // 发布机构, after the place: a site's publisher omits the place the site is for.
  const publisher = record.record(
    "publisher",
    take(
      choosePublisher(
        PORTAL_FIELDS_FOR.publisher.flatMap((l) => portalValue(portal, [l]) ?? []),
        jurisdiction,
      ),
    ),
    (v) => v,
  );
  record.record("issuers", issuerChoice, (v) => v.join("、"));
  warnings.push(...issuerChoice.warnings);

  // An untitled document with nothing else to tell it by is told by its issuer and date.
  const shown =
    !titleChoice.chosen && title === "（无标题）" && (issuers.length || date)
      ? `（无标题）${[issuers.join("、"), date].filter(Boolean).join(" ")}`
      : title;
  return {
    title: shown,
    titleIndices: titleLine?.indices ?? [],
    pageTitle: head.pageTitle,
    issuers,
    publisher,
    docNumber,
    date,
    published,
    effective,
    genre,
    jurisdiction,
    acts,
    issued,
    statedValidity: statedValidity(fieldsFor("validity")),
    validityTerm: validityTerm(
      lines,
      PORTAL_FIELDS_FOR.expiry.flatMap((l) => portalValue(portal, [l]) ?? []),
    ),
    record,
    warnings,
    fragments,
  };
}
