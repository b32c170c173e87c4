/**
 * Where to send a member back to after a form: only a path on this site.
 * Anything else ("//evil.example", "https://…", "/\\evil", control
 * characters) becomes the fallback, so there is no open redirect.
 */
export function safeReturnPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length > 2000) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, 'http://shelfmark.invalid');
    if (url.host !== 'shelfmark.invalid') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
