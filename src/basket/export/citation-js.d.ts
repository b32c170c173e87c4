// citation-js ships no types; this covers the calls Shelfmark makes.
declare module '@citation-js/core' {
  /** A list of CSL-JSON items that can be written out in any registered format. */
  export class Cite {
    constructor(data: object[]);
    format(format: 'bibtex' | 'ris', options?: { format?: 'text' }): string;
  }
  export const plugins: {
    config: { get(name: '@bibtex'): { format: { useIdAsLabel: boolean; asciiOnly: boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
