/**
 * Saving a file the page made, in the page's own origin: a Blob behind an object URL, a link
 * with `download`, clicked, then released. No server, no inline script, no eval: it works
 * under the portal's strict Content-Security-Policy.
 */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: characters file systems refuse taken out, not too long. */
export function fileName(title: string, ext: string): string {
  return `${title.replace(/[\\/:*?"<>|\s]+/g, "").slice(0, 60) || "文件"}.${ext}`;
}
