/**
 * A document page's downloads: the button marked data-export="docx" makes the document a Word
 * file in the browser, from its open data, with the Word code loaded only when pressed.
 */
import { siteUrls } from "../../config/urls.ts";
import { download, fileName } from "../../exports/download.ts";
import { announce, documentData } from "../../exports/basketButtons.ts";

const urls = siteUrls(document.documentElement.dataset.base);

export function startDocumentExports(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-export="docx"][data-doc-id]')) {
    b.hidden = false;
    b.addEventListener("click", async () => {
      const id = b.dataset.docId!;
      b.disabled = true;
      announce("正在生成 Word 文件…");
      try {
        const [doc, { documentWord, toBlob }] = await Promise.all([documentData(id), import("../../exports/word.ts")]);
        download(
          await toBlob(documentWord(doc, { url: new URL(urls.circular(id), location.href).href })),
          fileName(doc.title, "docx"),
        );
        announce(`已生成《${doc.title}》的 Word 文件。`);
      } catch (e) {
        announce(`未能生成 Word 文件：${(e as Error).message}`);
      } finally {
        b.disabled = false;
      }
    });
  }
}
