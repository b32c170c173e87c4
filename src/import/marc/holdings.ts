import type { Holding, HoldingStatus } from '../../model/record.js';
import { dataFields, joined, subfield, type MarcRecord } from './marc-record.js';

/** A MARC 21 holdings record (MFHD): leader/06 x, y, v or u. */
export function isHoldingsRecord(record: MarcRecord): boolean {
  return 'xyvu'.includes(record.leader[6] ?? 'a');
}

/**
 * Holdings from MARC 852 (location: $a institution, $b branch, $c shelving
 * location, $h/$i/$k/$m call number, $j shelving control number, $p barcode)
 * and Koha's 952 items ($a home branch, $b holding branch, $o call number,
 * $p barcode, $9 item number, $q due date, $1 lost, $0 withdrawn, $7 not for loan).
 */
export function holdingsOf(record: MarcRecord, recordId: string): Holding[] {
  const holdings: Holding[] = [];
  for (const field of dataFields(record, '852', '952')) {
    const n = holdings.length + 1;
    holdings.push(field[0] === '952' ? kohaItem(field, recordId, n) : location852(field, recordId, n));
  }
  return holdings;
}

function location852(field: string[], recordId: string, n: number): Holding {
  const shelfmark = joined(field, 'khim') || joined(field, 'j');
  return {
    itemId: subfield(field, 'p')?.trim() || `${recordId}#${n}`,
    // The branch registry turns this code or name into a branch, or keeps it under "Other locations".
    branch: (subfield(field, 'b') ?? subfield(field, 'a') ?? '').trim(),
    shelfmark,
    // 852 carries no circulation status; a copy with a location is on the shelf as far as MARC can say.
    status: 'available',
  };
}

function kohaItem(field: string[], recordId: string, n: number): Holding {
  const due = subfield(field, 'q')?.trim();
  const holding: Holding = {
    itemId: (subfield(field, 'p') ?? subfield(field, '9'))?.trim() || `${recordId}#${n}`,
    branch: (subfield(field, 'a') ?? subfield(field, 'b') ?? '').trim(),
    shelfmark: (subfield(field, 'o') ?? '').trim(),
    status: kohaStatus(field, due),
  };
  if (holding.status === 'on-loan' && due) holding.dueDate = due.slice(0, 10);
  return holding;
}

function kohaStatus(field: string[], due: string | undefined): HoldingStatus {
  if (flagged(field, '1') || flagged(field, '0')) return 'missing';
  if (due) return 'on-loan';
  if (flagged(field, '7')) return 'reference';
  return 'available';
}

/** A Koha item flag ($1 lost, $0 withdrawn, $7 not for loan): set when present and not "0". */
function flagged(field: string[], code: string): boolean {
  return (subfield(field, code)?.trim() ?? '0') !== '0';
}
