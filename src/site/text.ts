/** Presentation helpers for circular text (pure; tested directly). */

/**
 * Splits an item's text into its lead (the heading when the text starts with it) and
 * the remaining paragraphs, trimmed of indentation. Nothing is dropped.
 */
export function paragraphsOf(text: string, heading: string | null): { lead: string; paragraphs: string[] } {
  const paras = text
    .split("\n")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (heading && paras[0]?.startsWith(heading)) {
    const rest = paras[0].slice(heading.length);
    const tail = rest.replace(/^[。.．:：;；]/, "");
    const lead = heading + rest.slice(0, rest.length - tail.length);
    return { lead, paragraphs: tail.trim() ? [tail.trim(), ...paras.slice(1)] : paras.slice(1) };
  }
  return { lead: "", paragraphs: paras };
}
