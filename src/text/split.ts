/** Bracket-aware splitting: separators inside any bracket pair do not split. */
import { CLOSE_BRACKETS, OPEN_BRACKETS } from "./chars.ts";

/** Splits on any of `separators` outside brackets; parts trimmed, empty ones dropped. */
export function splitTopLevel(s: string, separators = "、，,；;"): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (OPEN_BRACKETS.includes(ch)) depth++;
    else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}
