/**
 * Headers every response gets, set once in server/serve.ts before anything answers (cached
 * pages included, since the cache replays what the app sent, and these are set on top).
 *
 * Scripts: Next's App Router inlines its flight data as inline <script> tags, and a per-request
 * nonce would defeat the page cache (a cached page would replay one nonce to everyone, which is
 * no nonce at all). So scripts are limited to this origin plus inline ones, with no eval, no
 * plugins, no <base> rewriting, no framing and forms posting only here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  // Charts and Next set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};
