import type { Holding } from '../../catalogue/record.js';
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
  const seen = new Map<string, string>(); // bibliographic 001 -> catalogue id
  const waiting = new Map<string, PendingHoldings[]>();
  for await (const item of parsed) {
    const { position } = item;
    if ('error' in item) {
      yield { ok: false, position, reason: item.error, ...(item.id ? { id: item.id } : {}) };
      continue;
    }
    const { marc } = item;
    const ownId = controlField(marc, '001')?.trim() || undefined;
    if (isHoldingsRecord(marc)) {
      const link = controlField(marc, '004')?.trim();
      if (!link) {
        yield { ok: false, position, reason: 'a holdings record without a 004 field, so it is not known which record its copies belong to', ...(ownId ? { id: ownId } : {}) };
        continue;
      }
      const holdings = holdingsOf(marc, `${link}/${ownId ?? position.recordNumber}`);
      const target = seen.get(link);
      if (target) yield { ok: 'holdings', position, link, targetIds: [target], holdings, warnings: item.warnings, ...(ownId ? { id: ownId } : {}) };
      else {
        const org = controlField(marc, '003')?.trim() || undefined;
        waiting.set(link, [...(waiting.get(link) ?? []), { position, holdings, warnings: item.warnings, ...(ownId ? { id: ownId } : {}), ...(org ? { org } : {}) }]);
      }
      continue;
    }
    const mapped = mapMarcRecord(marc);
    if (!mapped.ok) {
      yield { ok: false, position, reason: mapped.reason, ...(mapped.id ? { id: mapped.id } : {}) };
      continue;
    }
    const warnings = [...item.warnings, ...mapped.warnings];
    const early = ownId ? (waiting.get(ownId) ?? []) : [];
    if (ownId) {
      seen.set(ownId, mapped.record.id);
      for (const early of waiting.get(ownId) ?? []) {
        mapped.record.holdings.push(...early.holdings);
        warnings.push(...early.warnings.map((w) => `holdings record ${early.id ?? `number ${early.position.recordNumber}`}: ${w}`));
      }
      waiting.delete(ownId);
    }
    yield { ok: true, position, record: mapped.record, warnings, ...(early.length ? { joinedHoldings: early.length } : {}) };
  }
  for (const [link, list] of waiting) {
    for (const h of list) {
      // Not in this file: perhaps already in the catalogue, under the 001 alone or qualified by an organisation code.
      const targetIds = h.org ? [`(${h.org})${link}`, link] : [link];
      yield { ok: 'holdings', position: h.position, link, targetIds, holdings: h.holdings, warnings: h.warnings, ...(h.id ? { id: h.id } : {}) };
    }
  }
}
