/** Record ids from a form, JSON body or query string: `id` once or many times, bounded in count and length. */
export function idsFrom(source: unknown): string[] {
  const raw = (source as { id?: unknown } | undefined)?.id;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200).slice(0, 1000);
}
