/** XML (OOXML, OFD) as an ordered tree, with the few helpers the readers need. */
import { XMLParser } from "fast-xml-parser";

/** One element: its qualified name, attributes, and children in document order (text as "#text"). */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

type Raw = Record<string, unknown> & { ":@"?: Record<string, string> };

function convert(raw: Raw): XmlNode {
  const name = Object.keys(raw).find((k) => k !== ":@")!;
  if (name === "#text") return { name, attrs: {}, children: [], text: String(raw[name]) };
  return { name, attrs: raw[":@"] ?? {}, children: (raw[name] as Raw[]).map(convert), text: "" };
}

export function parseXml(text: string): XmlNode[] {
  return (parser.parse(text) as Raw[]).map(convert);
}

/** The local name: w:p → p, ofd:TextCode → TextCode. */
export const local = (n: XmlNode) => n.name.slice(n.name.indexOf(":") + 1);

/** An attribute by local name. */
export function attr(n: XmlNode, name: string): string | undefined {
  for (const [k, v] of Object.entries(n.attrs)) if (k === name || k.endsWith(`:${name}`)) return v;
  return undefined;
}

export const child = (n: XmlNode, name: string) => n.children.find((c) => local(c) === name);
export const childrenNamed = (n: XmlNode, name: string) => n.children.filter((c) => local(c) === name);

/** Every descendant with this local name, in document order (not inside a match). */
export function descendants(nodes: XmlNode[], name: string, skip: (n: XmlNode) => boolean = () => false): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    if (skip(n)) return;
    if (local(n) === name) out.push(n);
    else n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}

/** All text below a node. */
export function textOf(n: XmlNode): string {
  return n.name === "#text" ? n.text : n.children.map(textOf).join("");
}
