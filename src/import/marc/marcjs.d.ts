// marcjs ships no types; this covers the one function Shelfmark calls.
declare module 'marcjs' {
  /** marcjs's in-memory record: control fields are [tag, value], data fields [tag, indicators, code, value, ...]. */
  interface MarcjsRecord {
    leader: string;
    fields: string[][];
  }
  const marcjs: {
    Iso2709Parser: { parse(data: Buffer): MarcjsRecord };
  };
  export default marcjs;
}

declare module 'marc8' {
  /** Translate MARC-8 bytes to a JavaScript string; throws (a string) on bytes it cannot map unless invalid is 'replace'. */
  function marc8(input: Buffer | string, options?: { normalization?: string; invalid?: 'replace'; replace?: string; expandNCR?: boolean }): string;
  export default marc8;
}
