/** A placeholder origin: the path is resolved against it, and must stay on it. */
const SITE = 'https://shelfmark.invalid';

/**
 * Where to send a member back to after a form: only a path on this site.
 * The candidate is resolved with `new URL` as a browser would, dot segments
 * and percent-encoded dots included, and is kept only if it stays on the site
 * and its path starts with a single "/". Anything else ("//evil.example",
 * "/.//evil.example", "https://…", "/\\evil", control characters) becomes
 * the fallback, so there is no open redirect.
 */
export function safeReturnPath(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || raw.length > 2000 || !raw.startsWith('/')) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, SITE);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  return url.origin === SITE && path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}
