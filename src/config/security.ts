/**
 * The response headers a portal serves the site with (deploy/nginx.conf sets the same; a
 * test checks they agree). The site needs nothing looser: no inline script or style, no
 * eval; Pagefind compiles its WebAssembly, which is what 'wasm-unsafe-eval' allows.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src " +
  "'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};
