/**
 * The 摘编 basket in the page: every button marked data-basket="add" (with data-doc-id and
 * data-clause-id) adds its clause, read from the document's open data, and a live region says
 * what happened. Shown only with JavaScript; small: nothing of the export code loads here.
 */
import { siteUrls } from "../config/urls.ts";
import { addExcerpt, basketStore } from "./basket.ts";
import type { DocumentData } from "./excerpt.ts";

const urls = siteUrls(document.documentElement.dataset.base);
const store = basketStore(localStorage);
const loaded = new Map<string, Promise<DocumentData>>();

/** A document's open data, fetched once a page. */
export function documentData(id: string): Promise<DocumentData> {
  let p = loaded.get(id);
  if (!p) {
    p = fetch(urls.docJson(id)).then((r) => {
      if (!r.ok) throw new Error(`没有编号为 ${id} 的文件`);
      return r.json() as Promise<DocumentData>;
    });
    loaded.set(id, p);
  }
  return p;
}

/** The page's polite announcement: one live region, made when first needed. */
export function announce(message: string): void {
  let region = document.getElementById("basket-status");
  if (!region) {
    region = Object.assign(document.createElement("p"), { id: "basket-status", className: "basket-status" });
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    document.querySelector("main")?.prepend(region);
  }
  region.textContent = message;
}

async function add(button: HTMLElement): Promise<void> {
  const { docId, clauseId } = button.dataset;
  if (!docId || !clauseId) return;
  try {
    const doc = await documentData(docId);
    // The excerpt's reading (citation, topic names) loads with the first click, not with the page.
    const { excerptOf } = await import("./excerpt.ts");
    const e = excerptOf(doc, clauseId, new URL(urls.clause(docId, clauseId), location.href).href);
    if (!e) throw new Error("此处没有可摘录的条款");
    const r = addExcerpt(store.read(), e);
    if (!r.ok) return announce(r.message);
    store.write(r.items);
    button.setAttribute("aria-pressed", "true");
    button.textContent = "已加入摘编";
    announce(
      r.added
        ? `已将${e.citation}加入摘编（共 ${r.items.length} 条）。`
        : `${e.citation}已在摘编中（共 ${r.items.length} 条）。`,
    );
  } catch (err) {
    announce(`未能加入摘编：${(err as Error).message}`);
  }
}

/** Wires every add button, now and as the page adds more (search results, comparisons). */
export function startBasketButtons(root: ParentNode = document): void {
  const inBasket = new Set(store.read().map((e) => `${e.docId}#${e.clauseId}`));
  const ready = (b: HTMLElement) => {
    b.hidden = false;
    if (inBasket.has(`${b.dataset.docId}#${b.dataset.clauseId}`)) {
      b.setAttribute("aria-pressed", "true");
      b.textContent = "已加入摘编";
    }
  };
  for (const b of root.querySelectorAll<HTMLElement>('[data-basket="add"]')) ready(b);
  document.addEventListener("click", (ev) => {
    const b = (ev.target as Element | null)?.closest<HTMLElement>('[data-basket="add"]');
    if (b) void add(b);
  });
  new MutationObserver((changes) => {
    for (const c of changes)
      for (const n of c.addedNodes)
        if (n instanceof HTMLElement)
          for (const b of [n, ...n.querySelectorAll<HTMLElement>('[data-basket="add"]')])
            if (b.dataset.basket === "add") ready(b);
  }).observe(document.body, { childList: true, subtree: true });
}

/** A basket button for a clause, as browser-drawn results make them. */
export function basketButton(docId: string, clauseId: string): HTMLButtonElement {
  const b = Object.assign(document.createElement("button"), {
    type: "button",
    className: "basket-add secondary",
    textContent: "加入摘编",
    hidden: true,
  });
  b.dataset.basket = "add";
  b.dataset.docId = docId;
  b.dataset.clauseId = clauseId;
  return b;
}
