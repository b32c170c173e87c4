/** One Set-Cookie header, split into what the browser will act on. */
export interface ParsedSetCookie {
  name: string;
  value: string;
  /** Lower-cased attribute names, e.g. `httponly`, `samesite`, `max-age`. */
  attributes: Map<string, string>;
}

/** Split a Set-Cookie header into name, value and attributes. */
export function parseSetCookie(header: string): ParsedSetCookie {
  const [pair = '', ...parts] = header.split(';');
  const eq = pair.indexOf('=');
  const attributes = new Map(
    parts.map((part) => {
      const at = part.indexOf('=');
      const key = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
      return [key, at < 0 ? '' : part.slice(at + 1).trim()] as const;
    }),
  );
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes };
}

/** True when the header tells the browser to delete the cookie rather than keep it. */
export function isDeletion(cookie: ParsedSetCookie, now: number): boolean {
  const expires = cookie.attributes.get('expires');
  if (expires !== undefined && Date.parse(expires) <= now) return true;
  const maxAge = cookie.attributes.get('max-age');
  return maxAge !== undefined && Number(maxAge) <= 0;
}

/** Every Set-Cookie header on a response, as a list. */
export function setCookieHeaders(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? [value] : [];
}
