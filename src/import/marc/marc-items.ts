import type { Holding } from '../../model/record.js';
import type { ReadItem, SourcePosition } from '../types.js';
import { holdingsOf, isHoldingsRecord } from './holdings.js';
import { mapMarcRecord } from './map-record.js';
import { controlField, type MarcRecord } from './marc-record.js';

/** One record as a MARC reader found it: parsed (with repairs noted), or unreadable. */
export type ParsedMarc =
  | { position: SourcePosition; marc: MarcRecord; warnings: string[] }
  | { position: SourcePosition; error: string; id?: string };

interface PendingHoldings {
  position: SourcePosition;
  id?: string;
  org?: string;
  holdings: Holding[];
  warnings: string[];
}

/**
 * Map parsed MARC records to catalogue records, attaching separate holdings
 * records (leader/06 x, y, v or u) to the bibliographic record their 004
 * names, in either order: holdings read before their record wait for it;
 * holdings for a record already passed (or already in the catalogue) go to
 * the importer as a HoldingsItem. Holdings left waiting at the end are also
 * passed on, and the importer reports those it cannot place as orphans.
 */
export async function* mapMarcItems(parsed: AsyncIterable<ParsedMarc>): AsyncGenerator<ReadItem> {
  const mapper = new MarcMapper();
  for await (const item of parsed) {
    const mapped = mapper.map(item);
    if (mapped) yield mapped;
  }
  yield* mapper.leftovers();
}

/** mapMarcItems one record at a time, for a reader that parses synchronously. */
export class MarcMapper {
  private readonly seen = new Map<string, string>(); // bibliographic 001 -> catalogue id
  private readonly waiting = new Map<string, PendingHoldings[]>();

  /** The item for one parsed record; undefined for holdings kept waiting for their record. */
  map(item: ParsedMarc): ReadItem | undefined {
    const { position } = item;
    if ('error' in item) return { ok: false, position, reason: item.error, ...(item.id ? { id: item.id } : {}) };
    const { marc } = item;
    const { seen, waiting } = this;
    const ownId = controlField(marc, '001')?.trim() || undefined;
    if (isHoldingsRecord(marc)) {
      const link = controlField(marc, '004')?.trim();
      if (!link) {
        return { ok: false, position, reason: 'a holdings record without a 004 field, so it is not known which record its copies belong to', ...(ownId ? { id: ownId } : {}) };
      }
      const holdings = holdingsOf(marc, `${link}/${ownId ?? position.recordNumber}`);
      const target = seen.get(link);
      if (target) return { ok: 'holdings', position, link, targetIds: [target], holdings, warnings: item.warnings, ...(ownId ? { id: ownId } : {}) };
      const org = controlField(marc, '003')?.trim() || undefined;
      waiting.set(link, [...(waiting.get(link) ?? []), { position, holdings, warnings: item.warnings, ...(ownId ? { id: ownId } : {}), ...(org ? { org } : {}) }]);
      return undefined;
    }
    const mapped = mapMarcRecord(marc);
    if (!mapped.ok) return { ok: false, position, reason: mapped.reason, ...(mapped.id ? { id: mapped.id } : {}) };
    const warnings = item.warnings.length || mapped.warnings.length ? [...item.warnings, ...mapped.warnings] : [];
    const early = ownId ? (waiting.get(ownId) ?? []) : [];
    if (ownId) {
      seen.set(ownId, mapped.record.id);
      for (const pending of early) {
        mapped.record.holdings.push(...pending.holdings);
        warnings.push(...pending.warnings.map((w) => `holdings record ${pending.id ?? `number ${pending.position.recordNumber}`}: ${w}`));
      }
      waiting.delete(ownId);
    }
    const read: ReadItem & { ok: true } = { ok: true, position, record: mapped.record, warnings };
    if (early.length) read.joinedHoldings = early.length;
    return read;
  }

  /** Holdings still waiting at the end of the file, for the importer to place or report. */
  *leftovers(): Generator<ReadItem> {
    for (const [link, list] of this.waiting) {
      for (const h of list) {
        // Not in this file: perhaps already in the catalogue, under the 001 alone or qualified by an organisation code.
        const targetIds = h.org ? [`(${h.org})${link}`, link] : [link];
        yield { ok: 'holdings', position: h.position, link, targetIds, holdings: h.holdings, warnings: h.warnings, ...(h.id ? { id: h.id } : {}) };
      }
    }
    this.waiting.clear();
  }
}
