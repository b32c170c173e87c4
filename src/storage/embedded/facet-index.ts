import type { Database } from 'better-sqlite3';
import { FACET_FIELDS, type FacetField } from '../../model/search-query.js';
import { readSnapshot, withBuildLock, writeSnapshot, type FacetSnapshot } from './facet-snapshot.js';
import { RECORD_SEPARATOR, UNIT_SEPARATOR, splitFacetPairs } from './facet-pairs.js';

const FIELD_NUMBER = new Map<FacetField, number>(FACET_FIELDS.map((field, i) => [field, i]));

/** Where a FacetIndex keeps its snapshot, and how it tells its search pool it is busy. */
export interface FacetIndexOptions {
  /** Hears when a full load of the index starts and ends (seconds at a million records when it has to be built). */
  onRebuild?: (building: boolean) => void;
  /** The snapshot file to read before building, and to write after (snapshotFileOf); none for an in-memory store. */
  snapshotFile?: string | null;
  /** Shared by a store's search workers so one of them builds while the others wait for its snapshot. */
  lock?: Int32Array;
}

/** Records whose values changed since a snapshot, past which the snapshot is written again. */
const STALE_SNAPSHOT = 10_000;

/**
 * Each record's facet values as small integers, held in memory, so counting
 * facets over 20,000 hits is a loop over typed arrays rather than a SQL
 * GROUP BY over 200,000 rows. The records' `facet_pairs` stay the source of truth:
 * this index is read from them and kept in step through the catalogue version
 * (every write sets `records.changed` to the version it creates; `clear`
 * bumps the generation, which means "read everything again").
 *
 * Reading every record costs seconds at a million records, so it is done
 * once per generation, not once per worker and start: the index is written
 * to a snapshot file beside the store (facet-snapshot.ts), and a worker or a
 * later start reads that file and catches up with the records changed since.
 */
export class FacetIndex {
  private readonly valueIds = new Map<string, number>();
  /** Per value id: its field's position in FACET_FIELDS, and its text. */
  valueField: number[] = [];
  valueText: string[] = [];
  /** Per value id: how many records hold it, so a count over most of the catalogue can count the rest instead. */
  private totals = new Int32Array(1024);
  /** Per record rowid: where its value ids start in `pool`, and how many there are. */
  private start = new Int32Array(1024);
  private length = new Uint32Array(1024);
  private pool: Int32Array = new Int32Array(1 << 16);
  private used = 0;
  private live = 0;
  /**
   * Whether `pool` holds each record's values in rowid order with nothing
   * between them (what compact() makes, and what a first load following its
   * writes in rowid order leaves): a snapshot can then be written as it is.
   */
  private compacted = true;
  private lastSet = -1;
  /** Records holding at least one value. */
  private records = 0;
  private version = -1;
  private generation = -1;
  private sinceSnapshot = 0;

  private readonly onRebuild: (building: boolean) => void;
  private readonly stateSql;
  private readonly allSql;
  private readonly changedSql;
  private readonly oneSql;
  private readonly changedOfSql;

  constructor(db: Database, private readonly options: FacetIndexOptions = {}) {
    this.onRebuild = options.onRebuild ?? (() => {});
    this.stateSql = db.prepare<[], { version: number; generation: number }>('SELECT version, generation FROM catalogue_version');
    this.allSql = db.prepare<[], [number, string]>(`SELECT rowid, facet_pairs FROM records WHERE facet_pairs <> ''`).raw();
    this.changedSql = db.prepare<[number], [number, string]>('SELECT rowid, facet_pairs FROM records WHERE changed > ?').raw();
    this.oneSql = db.prepare<[number], string>('SELECT facet_pairs FROM records WHERE rowid = ?').pluck();
    this.changedOfSql = db.prepare<[number], number>('SELECT changed FROM records WHERE rowid = ?').pluck();
  }

  /** Bring the index up to the catalogue as this transaction sees it; returns the version it now reflects. */
  refresh(): number {
    const state = this.stateSql.get()!;
    if (state.generation !== this.generation) {
      this.onRebuild(true);
      try {
        this.load(state);
      } finally {
        this.onRebuild(false);
      }
    } else if (state.version !== this.version) {
      this.sinceSnapshot += this.catchUp(this.version);
      if (this.sinceSnapshot > Math.max(STALE_SNAPSHOT, this.records / 10)) this.save(state);
    }
    this.version = state.version;
    this.generation = state.generation;
    return this.version;
  }

  /**
   * Count, per value id, how many of `rids` hold it; calls `visit(valueId, count)` for each value held.
   * When the hits are most of the catalogue, the records that are not hits are counted and taken from
   * each value's total, so the work is bounded by half the catalogue whatever the hit count.
   */
  count(rids: ArrayLike<number>, visit: (valueId: number, count: number) => void): void {
    const counts = new Int32Array(this.valueText.length);
    if (rids.length * 2 > this.records) {
      const hit = new Uint8Array(this.length.length);
      for (let i = 0; i < rids.length; i++) if (rids[i]! < hit.length) hit[rids[i]!] = 1;
      for (let rid = 0; rid < hit.length; rid++) {
        if (hit[rid] === 1) continue;
        const from = this.start[rid]!;
        const to = from + this.length[rid]!;
        for (let i = from; i < to; i++) counts[this.pool[i]!] = counts[this.pool[i]!]! + 1;
      }
      for (let id = 0; id < counts.length; id++) {
        const held = this.totals[id]! - counts[id]!;
        if (held > 0) visit(id, held);
      }
      return;
    }
    const touched: number[] = [];
    for (let r = 0; r < rids.length; r++) {
      const rid = rids[r]!;
      if (rid >= this.start.length) continue;
      const from = this.start[rid]!;
      const to = from + this.length[rid]!;
      for (let i = from; i < to; i++) {
        const id = this.pool[i]!;
        const seen = counts[id]!;
        if (seen === 0) touched.push(id);
        counts[id] = seen + 1;
      }
    }
    for (const id of touched) visit(id, counts[id]!);
  }

  /** Calls `visit(valueId, count)` for each value some record holds, with how many records hold it. */
  countAll(visit: (valueId: number, count: number) => void): void {
    for (let id = 0; id < this.valueText.length; id++) if (this.totals[id]! > 0) visit(id, this.totals[id]!);
  }

  /** Every record holding a value, in rowid order: what a filter over the whole catalogue starts from. */
  allRids(): Int32Array {
    const rids = new Int32Array(this.records);
    let n = 0;
    for (let rid = 0; rid < this.length.length && n < rids.length; rid++) if (this.length[rid]! > 0) rids[n++] = rid;
    return rids;
  }

  /** Those of `rids` holding, for every group, one of its values: values of one field OR, fields AND. */
  filter(rids: ArrayLike<number>, groups: Array<[FacetField, string[]]>): Int32Array {
    const wanted = groups.map((group) => this.maskOf([group]));
    const kept = new Int32Array(rids.length);
    let n = 0;
    for (let r = 0; r < rids.length; r++) {
      const rid = rids[r]!;
      if (rid >= this.start.length) continue;
      const from = this.start[rid]!;
      const to = from + this.length[rid]!;
      let all = true;
      for (const mask of wanted) {
        let some = false;
        for (let i = from; i < to && !some; i++) some = mask[this.pool[i]!] === 1;
        if (!some) {
          all = false;
          break;
        }
      }
      if (all) kept[n++] = rid;
    }
    return kept.slice(0, n);
  }

  /** Those of `rids` holding none of the values of `groups`, in their order. */
  without(rids: ArrayLike<number>, groups: Array<[FacetField, string[]]>): Int32Array {
    const drop = this.maskOf(groups);
    const kept = new Int32Array(rids.length);
    let n = 0;
    for (let r = 0; r < rids.length; r++) {
      const rid = rids[r]!;
      let held = false;
      if (rid < this.start.length) {
        const to = this.start[rid]! + this.length[rid]!;
        for (let i = this.start[rid]!; i < to && !held; i++) held = drop[this.pool[i]!] === 1;
      }
      if (!held) kept[n++] = rid;
    }
    return kept.slice(0, n);
  }

  /** A mask by value id: 1 for each of the values of `groups` some record holds. */
  private maskOf(groups: Array<[FacetField, string[]]>): Uint8Array {
    const mask = new Uint8Array(this.valueText.length);
    for (const [field, values] of groups) {
      for (const value of values) {
        const id = this.valueIds.get(`${field}${UNIT_SEPARATOR}${value}`);
        if (id !== undefined) mask[id] = 1;
      }
    }
    return mask;
  }

  /**
   * Take one record's values as they are written, instead of reading them
   * back from the table: a bulk load into an empty catalogue gives every
   * record it writes here, then writes the snapshot with save.
   */
  follow(rid: number, facetPairs: string): void {
    this.set(rid, this.idsOf(facetPairs));
  }

  /**
   * Once follow() has taken every record of the catalogue at `state` (a first load's end): the index
   * stands for that state, so refresh() reads nothing, and its snapshot is written for what comes after.
   */
  settle(state: { version: number; generation: number }): void {
    this.version = state.version;
    this.generation = state.generation;
    this.save(state);
  }

  /** The whole index for this generation: from the snapshot when one fits, else read from the table by one worker. */
  private load(state: { version: number; generation: number }): void {
    const file = this.options.snapshotFile;
    if (!file) {
      this.rebuild();
      return;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.adopt(readSnapshot(file), state)) return;
      const built = withBuildLock(this.options.lock, () => {
        this.rebuild();
        this.save(state);
      });
      if (built === 'built') return;
    }
    this.rebuild();
  }

  /** Take a snapshot of this generation, no newer than this transaction, that agrees with the table, then catch up. */
  private adopt(snapshot: FacetSnapshot | null, state: { version: number; generation: number }): boolean {
    if (!snapshot || snapshot.generation !== state.generation || snapshot.version > state.version) return false;
    this.reset();
    snapshot.valueText.forEach((text, id) => {
      this.valueIds.set(`${FACET_FIELDS[snapshot.valueField[id]!] ?? ''}${UNIT_SEPARATOR}${text}`, id);
    });
    this.valueField = snapshot.valueField;
    this.valueText = snapshot.valueText;
    this.totals = new Int32Array(Math.max(1024, this.valueText.length * 2));
    this.growRecords(snapshot.lengths.length);
    let at = 0;
    for (let rid = 0; rid < snapshot.lengths.length; rid++) {
      const n = snapshot.lengths[rid]!;
      this.start[rid] = at;
      this.length[rid] = n;
      if (n > 0) this.records++;
      for (let i = at; i < at + n; i++) this.totals[snapshot.pool[i]!] = this.totals[snapshot.pool[i]!]! + 1;
      at += n;
    }
    this.pool = snapshot.pool;
    this.used = this.live = at;
    // A snapshot's pool is compacted; a record changed since, whatever its rowid, comes after it.
    this.lastSet = snapshot.lengths.length - 1;
    if (!this.agrees(snapshot.version, snapshot.lengths.length)) {
      this.reset();
      return false;
    }
    this.sinceSnapshot = this.catchUp(snapshot.version);
    if (this.sinceSnapshot > Math.max(STALE_SNAPSHOT, this.records / 10)) this.save(state);
    return true;
  }

  /**
   * A few records, spread over the rowids, hold the values the snapshot gives them: a snapshot left
   * beside a store file that was since replaced (a restored copy at a later version) is not used.
   */
  private agrees(version: number, rids: number): boolean {
    let last = rids - 1;
    while (last >= 0 && this.length[last] === 0) last--;
    const samples = 16;
    for (let j = 0; j < samples; j++) {
      // The first record with values from each sixteenth of the rowids.
      let rid = Math.floor((j * (last + 1)) / samples);
      const end = Math.floor(((j + 1) * (last + 1)) / samples);
      while (rid < end && this.length[rid] === 0) rid++;
      if (rid >= end) continue;
      const changed = this.changedOfSql.get(rid);
      if (changed === undefined) return false;
      if (changed > version) continue;
      const stored = splitFacetPairs(this.oneSql.get(rid) ?? '').sort();
      const held = Array.from(this.pool.subarray(this.start[rid], this.start[rid]! + this.length[rid]!), (id) =>
        `${FACET_FIELDS[this.valueField[id]!] ?? ''}${UNIT_SEPARATOR}${this.valueText[id]}`).sort();
      if (stored.join(RECORD_SEPARATOR) !== held.join(RECORD_SEPARATOR)) return false;
    }
    return true;
  }

  /** Re-read the records changed after `since`; returns how many. */
  private catchUp(since: number): number {
    let n = 0;
    for (const [rid, pairs] of this.changedSql.iterate(since)) {
      this.set(rid, this.idsOf(pairs));
      n++;
    }
    // Replaced entries leave garbage behind; once it outweighs the live values, start afresh.
    if (this.used > 2 * this.live + (1 << 16)) this.compact();
    return n;
  }

  /**
   * Write the snapshot of the catalogue at this version (what follow() took, for a first load); a store
   * directory that cannot be written to only costs the next start a build.
   */
  save(state: { version: number; generation: number }): void {
    const file = this.options.snapshotFile;
    if (!file) return;
    // Compacting a million records' pool took 250 ms at the end of a first load that had nothing to compact.
    if (!this.compacted || this.used !== this.live) this.compact();
    try {
      writeSnapshot(file, {
        generation: state.generation,
        version: state.version,
        valueField: this.valueField,
        valueText: this.valueText,
        lengths: this.length.subarray(0, this.lastRid() + 1),
        pool: this.pool.subarray(0, this.used),
      });
      this.sinceSnapshot = 0;
    } catch {
      // Only a cache.
    }
  }

  private lastRid(): number {
    let rid = this.length.length - 1;
    while (rid >= 0 && this.length[rid] === 0) rid--;
    return rid;
  }

  private reset(): void {
    this.valueIds.clear();
    this.valueField = [];
    this.valueText = [];
    this.totals = new Int32Array(1024);
    this.start = new Int32Array(1024);
    this.length = new Uint32Array(1024);
    this.pool = new Int32Array(1 << 16);
    this.used = 0;
    this.live = 0;
    this.records = 0;
    this.compacted = true;
    this.lastSet = -1;
  }

  private rebuild(): void {
    this.reset();
    for (const [rid, pairs] of this.allSql.iterate()) this.set(rid, this.idsOf(pairs));
  }

  /** The value ids of a record's stored pairs (facet-pairs.ts). */
  private idsOf(facetPairs: string): number[] {
    const pairs = splitFacetPairs(facetPairs);
    const ids = new Array<number>(pairs.length);
    for (let i = 0; i < pairs.length; i++) ids[i] = this.pairId(pairs[i]!);
    return ids;
  }

  /** The id of a "field<US>value" pair, given one the first time it is seen. */
  private pairId(pair: string): number {
    let id = this.valueIds.get(pair);
    if (id === undefined) {
      const at = pair.indexOf(UNIT_SEPARATOR);
      id = this.valueText.length;
      this.valueIds.set(pair, id);
      if (id === this.totals.length) {
        const totals = new Int32Array(id * 2);
        totals.set(this.totals);
        this.totals = totals;
      }
      this.valueField.push(FIELD_NUMBER.get(pair.slice(0, at) as FacetField) ?? -1);
      this.valueText.push(pair.slice(at + 1));
    }
    return id;
  }

  private set(rid: number, ids: number[]): void {
    if (rid >= this.start.length) this.growRecords(rid + 1);
    const before = this.length[rid]!;
    for (let i = this.start[rid]!; i < this.start[rid]! + before; i++) this.totals[this.pool[i]!] = this.totals[this.pool[i]!]! - 1;
    for (const id of ids) this.totals[id] = this.totals[id]! + 1;
    if (rid <= this.lastSet) this.compacted = false;
    this.lastSet = Math.max(this.lastSet, rid);
    this.records += (ids.length > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
    this.live += ids.length - before;
    if (this.used + ids.length > this.pool.length) this.growPool(this.used + ids.length);
    this.start[rid] = this.used;
    this.length[rid] = ids.length;
    this.pool.set(ids, this.used);
    this.used += ids.length;
  }

  private compact(): void {
    const pool = new Int32Array(Math.max(1 << 16, this.live * 2));
    let used = 0;
    for (let rid = 0; rid < this.length.length; rid++) {
      const n = this.length[rid]!;
      pool.set(this.pool.subarray(this.start[rid], this.start[rid]! + n), used);
      this.start[rid] = used;
      used += n;
    }
    this.pool = pool;
    this.used = used;
    this.compacted = true;
    this.lastSet = this.lastRid();
  }

  private growRecords(size: number): void {
    const capacity = Math.max(size, this.start.length * 2);
    const start = new Int32Array(capacity);
    start.set(this.start);
    const length = new Uint32Array(capacity);
    length.set(this.length);
    this.start = start;
    this.length = length;
  }

  private growPool(size: number): void {
    const pool = new Int32Array(Math.max(size, this.pool.length * 2));
    pool.set(this.pool.subarray(0, this.used));
    this.pool = pool;
  }
}
