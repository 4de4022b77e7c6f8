/**
 * The 摘编 page: the basket's excerpts in the reader's order, each with its citation, moved up
 * or down and removed with buttons (keyboard and screen reader: focus stays with the moved
 * item, a live region says what changed), grouped by document, topic or place, and exported as
 * a Word 摘编 or a CSV. The export code loads only when an export is asked for.
 */
import { siteUrls } from "../../config/urls.ts";
import { basketStore, moveExcerpt, removeExcerpt } from "../../exports/basket.ts";
import type { Excerpt, Grouping } from "../../exports/excerpt.ts";
import { download } from "../../exports/download.ts";
import { announce } from "../../exports/basketButtons.ts";

const urls = siteUrls(document.documentElement.dataset.base);

export function startBasketPage(): void {
  const store = basketStore(localStorage);
  const list = document.getElementById("basket-list") as HTMLOListElement;
  const empty = document.getElementById("basket-empty")!;
  const controls = document.getElementById("basket-controls")!;
  const groupBy = document.getElementById("basket-group") as HTMLSelectElement;
  controls.hidden = false;
  controls.addEventListener("submit", (e) => e.preventDefault());

  const render = (focus?: { index: number; action: string }) => {
    const items = store.read();
    empty.hidden = items.length > 0;
    list.replaceChildren(...items.map((e, i) => item(e, i, items.length)));
    list.dataset.count = String(items.length);
    // Focus stays with the item acted on: on the same button, or (at an end of the list, where it is disabled) the
    // item's other one.
    const li = focus ? list.children[Math.min(focus.index, items.length - 1)] : undefined;
    if (li)
      (
        li.querySelector<HTMLButtonElement>(`[data-action="${focus!.action}"]:not(:disabled)`) ??
        li.querySelector<HTMLButtonElement>("button:not(:disabled)")
      )?.focus();
  };

  const button = (text: string, action: string, label: string, disabled = false) => {
    const b = Object.assign(document.createElement("button"), {
      type: "button",
      textContent: text,
      className: "secondary",
      disabled,
    });
    b.dataset.action = action;
    b.setAttribute("aria-label", label);
    if (action === "remove") b.dataset.basket = "remove";
    return b;
  };

  const item = (e: Excerpt, i: number, n: number) => {
    const li = document.createElement("li");
    li.className = "excerpt-item";
    li.dataset.docId = e.docId;
    li.dataset.clauseId = e.clauseId;
    const link = Object.assign(document.createElement("a"), { href: e.url, textContent: e.citation });
    const text = Object.assign(document.createElement("p"), {
      className: "excerpt",
      textContent: e.text.replace(/\s+/g, " ").slice(0, 240) + (e.text.length > 240 ? "…" : ""),
    });
    const meta = Object.assign(document.createElement("p"), {
      className: "doc-meta",
      textContent: [e.place, e.date, e.topic].filter(Boolean).join(" · "),
    });
    const actions = document.createElement("div");
    actions.className = "excerpt-actions";
    actions.append(
      button("上移", "up", `上移：${e.citation}`, i === 0),
      button("下移", "down", `下移：${e.citation}`, i === n - 1),
      button("移除", "remove", `移除：${e.citation}`),
    );
    li.append(link, meta, text, actions);
    return li;
  };

  list.addEventListener("click", (ev) => {
    const b = (ev.target as Element).closest<HTMLButtonElement>("button[data-action]");
    const li = b?.closest<HTMLLIElement>("li.excerpt-item");
    if (!b || !li) return;
    const items = store.read();
    const index = items.findIndex((x) => x.docId === li.dataset.docId && x.clauseId === li.dataset.clauseId);
    if (index < 0) return;
    const action = b.dataset.action!;
    if (action === "remove") {
      store.write(removeExcerpt(items, items[index]!));
      announce(`已移除${items[index]!.citation}（余 ${items.length - 1} 条）。`);
      render({ index, action: "remove" });
    } else {
      const by = action === "up" ? -1 : 1;
      store.write(moveExcerpt(items, index, by));
      announce(`${items[index]!.citation}已${action === "up" ? "上移" : "下移"}至第 ${index + by + 1} 条。`);
      render({ index: index + by, action });
    }
  });

  const title = () => (document.getElementById("basket-title") as HTMLInputElement).value.trim() || "政策条款摘编";
  document.querySelector('[data-basket="export-docx"]')!.addEventListener("click", async () => {
    const items = store.read();
    if (!items.length) return announce("摘编为空，没有可导出的条目。");
    announce("正在生成 Word 文件…");
    const { excerptsWord, toBlob } = await import("../../exports/word.ts");
    const made = {
      title: title(),
      url: new URL(urls.basket(), location.href).href,
      date: new Date().toISOString().slice(0, 10),
    };
    download(await toBlob(excerptsWord(items, groupBy.value as Grouping, made)), `${title()}.docx`);
    announce(`已导出 ${items.length} 条摘编（Word）。`);
  });
  document.querySelector('[data-basket="export-csv"]')!.addEventListener("click", async () => {
    const items = store.read();
    if (!items.length) return announce("摘编为空，没有可导出的条目。");
    const [{ csv }, { excerptRows, groupExcerpts, EXCERPT_HEADER }] = await Promise.all([
      import("../../exports/csv.ts"),
      import("../../exports/excerpt.ts"),
    ]);
    const ordered = groupExcerpts(items, groupBy.value as Grouping).flatMap((g) => g.items);
    download(
      new Blob([csv(EXCERPT_HEADER, excerptRows(ordered))], { type: "text/csv;charset=utf-8" }),
      `${title()}.csv`,
    );
    announce(`已导出 ${items.length} 条摘编（CSV）。`);
  });
  document.getElementById("basket-clear")!.addEventListener("click", () => {
    store.write([]);
    announce("摘编已清空。");
    render();
  });
  window.addEventListener("storage", () => render());
  render();
}
