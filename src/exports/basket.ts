/**
 * The 摘编 basket: clauses a reader gathers from document pages, search results and
 * comparisons, kept in the browser (localStorage) across reloads, in the reader's order,
 * capped so it stays a working set. Pure operations over the list, and a store around them.
 */
import type { Excerpt } from "./excerpt.ts";

export const BASKET_KEY = "policy-library-basket";
/** At most this many excerpts: beyond it the reader is asked to export or remove some. */
export const BASKET_LIMIT = 200;

export type AddResult =
  { ok: true; items: Excerpt[]; added: boolean } | { ok: false; items: Excerpt[]; message: string };

const same = (a: Excerpt, b: Pick<Excerpt, "docId" | "clauseId">) => a.docId === b.docId && a.clauseId === b.clauseId;

/** Adds an excerpt at the end; one already there stays where it is. */
export function addExcerpt(items: Excerpt[], e: Excerpt): AddResult {
  if (items.some((x) => same(x, e))) return { ok: true, items, added: false };
  if (items.length >= BASKET_LIMIT)
    return { ok: false, items, message: `摘编最多 ${BASKET_LIMIT} 条，已满：请先导出，或移除一些条目后再加入。` };
  return { ok: true, items: [...items, e], added: true };
}

export function removeExcerpt(items: Excerpt[], key: Pick<Excerpt, "docId" | "clauseId">): Excerpt[] {
  return items.filter((x) => !same(x, key));
}

/** Moves the excerpt at `from` by `by` places (−1 up, +1 down), within the list. */
export function moveExcerpt(items: Excerpt[], from: number, by: number): Excerpt[] {
  const to = Math.max(0, Math.min(items.length - 1, from + by));
  if (to === from) return items;
  const out = [...items];
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved!);
  return out;
}

/** What localStorage holds, read safely: anything not a list of excerpts is an empty basket. */
export function parseBasket(raw: string | null): Excerpt[] {
  try {
    const v = JSON.parse(raw ?? "[]") as unknown;
    return Array.isArray(v)
      ? v.filter(
          (x): x is Excerpt =>
            !!x &&
            typeof x === "object" &&
            typeof (x as Excerpt).docId === "string" &&
            typeof (x as Excerpt).text === "string",
        )
      : [];
  } catch {
    return [];
  }
}

/** The basket in a Storage (the browser's localStorage). */
export function basketStore(storage: Pick<Storage, "getItem" | "setItem">) {
  return {
    read: () => parseBasket(storage.getItem(BASKET_KEY)),
    write: (items: Excerpt[]) => storage.setItem(BASKET_KEY, JSON.stringify(items)),
  };
}
