import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CatalogueRecord } from '../../model/record.js';
import { citationKeys } from './citation-keys.js';
import { toCsl } from './csl.js';

// Our keys are already unique ASCII; asciiOnly makes citation-js write Brontë as Bront{\"e}, which every BibTeX reads.
const bibtexConfig = plugins.config.get('@bibtex');
bibtexConfig.format.useIdAsLabel = false;
bibtexConfig.format.asciiOnly = true;

/** The records as citation-js items, each with its unique citation key. */
export function citeOf(records: CatalogueRecord[], origin: string): Cite {
  const keys = citationKeys(records);
  return new Cite(records.map((r, i) => toCsl(r, keys[i]!, origin)));
}
