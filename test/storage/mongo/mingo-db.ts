import { aggregate, find, Query, updateMany, updateOne } from 'mingo';
import { MongoBulkWriteError, MongoServerError, ObjectId, type Db, type Document, type IndexDescription } from 'mongodb';

/**
 * A stand-in for the few `Db`/`Collection` calls the adapter makes, backed by
 * mingo (a JavaScript implementation of MongoDB's query, update and
 * aggregation languages), so a store method's real filters, updates and
 * pipelines run where no server can. It is not MongoDB: no indexes (except a
 * unique `_id`), no `$text` (the operator is dropped, leaving the exact
 * `$all` filter beside it; `$meta` sorts fall back to `_id`), no concurrency.
 * Every call is counted, so a test can say how many round trips a method took.
 */
export interface MingoDb {
  db: Db;
  data: Map<string, Document[]>;
  calls: string[];
}

const withoutText = (filter: Document = {}): Document => {
  const { $text: _text, ...rest } = filter;
  return rest;
};
const withoutMeta = (spec: Document | undefined): Document | undefined => {
  if (!spec) return undefined;
  const kept = Object.entries(spec).filter(([, v]) => !(v && typeof v === 'object' && '$meta' in v));
  return kept.length ? Object.fromEntries(kept) : undefined;
};
const duplicate = (id: unknown, keyPattern: Document = { _id: 1 }) =>
  new MongoServerError({ message: `E11000 duplicate key error: ${JSON.stringify(keyPattern)} ${String(id)}`, code: 11000, keyPattern });
const clone = <T>(value: T): T => structuredClone(value);
/** What an upsert inserts before applying its update: the filter's plain equality fields. */
const seedOf = (filter: Document) => Object.fromEntries(Object.entries(filter).filter(([k, v]) => !k.startsWith('$') && !k.includes('.') && (typeof v !== 'object' || v === null || v instanceof Date)));

/**
 * `unique` takes the adapter's own index definitions: their unique (and
 * partial) indexes are enforced on inserts, with the duplicate-key error the
 * server gives (code 11000 and the index's keyPattern).
 */
export function mingoDb(unique: Record<string, IndexDescription[]> = {}): MingoDb {
  const data = new Map<string, Document[]>();
  const calls: string[] = [];
  const indexes = new Map<string, Document[]>();
  const indexesOf = (name: string) => {
    docsOf(name);
    if (!indexes.has(name)) indexes.set(name, []);
    return indexes.get(name)!;
  };
  const docsOf = (name: string) => {
    if (!data.has(name)) data.set(name, []);
    return data.get(name)!;
  };

  function collection(name: string) {
    const docs = () => docsOf(name);
    const findDocs = (filter: Document, options: Document = {}) => {
      let cursor = find(docs(), withoutText(filter), withoutMeta(options.projection));
      const sort = withoutMeta(options.sort) ?? (options.sort ? { _id: 1 } : undefined);
      if (sort) cursor = cursor.sort(sort);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      return clone(cursor.all() as Document[]);
    };
    const applyUpdate = (filter: Document, update: Document | Document[], options: Document = {}) => {
      const list = docs();
      const index = list.findIndex((d) => new Query(filter).test(d));
      if (index >= 0) {
        const before = clone(list[index]!);
        const operators = Array.isArray(update) ? update : (({ $setOnInsert: _ignored, ...rest }) => rest)(update);
        const result = Object.keys(operators).length || Array.isArray(update) ? updateOne(list, { _id: before._id }, operators as never) : { matchedCount: 1, modifiedCount: 0 };
        return { before, after: list[index]!, matchedCount: 1, modifiedCount: result.modifiedCount, upsertedCount: 0 };
      }
      if (!options.upsert) return { before: null, after: null, matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
      const seeded: Document = { ...seedOf(filter) };
      // As on the server: an upsert whose filter did not match may not insert an `_id` that exists.
      if (seeded._id !== undefined && list.some((d) => d._id === seeded._id)) throw duplicate(seeded._id);
      list.push(seeded);
      const operators = Array.isArray(update) ? update : (({ $setOnInsert, ...rest }) => ({ ...rest, $set: { ...(rest.$set ?? {}), ...($setOnInsert ?? {}) } }))(update);
      updateOne(list, { _id: seeded._id }, operators as never);
      return { before: null, after: list[list.length - 1]!, matchedCount: 0, modifiedCount: 0, upsertedCount: 1 };
    };

    return {
      collectionName: name,
      find(filter: Document = {}, findOptions: Document = {}) {
        calls.push(`${name}.find`);
        const options = { ...findOptions };
        let mapper: (d: Document) => unknown = (d) => d;
        const cursor = {
          sort(spec: Document) { options.sort = spec; return cursor; },
          skip(n: number) { options.skip = n; return cursor; },
          limit(n: number) { options.limit = n; return cursor; },
          map(fn: (d: Document) => unknown) { mapper = fn; return cursor; },
          async toArray() { return findDocs(filter, options).map(mapper); },
          async *[Symbol.asyncIterator]() { for (const d of findDocs(filter, options)) yield mapper(d); },
        };
        return cursor;
      },
      async findOne(filter: Document = {}, options: Document = {}) {
        calls.push(`${name}.findOne`);
        return findDocs(filter, { ...options, limit: 1 })[0] ?? null;
      },
      async countDocuments(filter: Document = {}, options: Document = {}) {
        calls.push(`${name}.countDocuments`);
        const n = findDocs(filter).length;
        return options.limit ? Math.min(n, options.limit) : n;
      },
      async estimatedDocumentCount() {
        calls.push(`${name}.estimatedDocumentCount`);
        return docs().length;
      },
      aggregate(pipeline: Document[]) {
        calls.push(`${name}.aggregate`);
        const last = pipeline.at(-1);
        if (!last?.$merge) return { toArray: async () => clone(aggregate(docs(), pipeline) as Document[]) };
        // $merge into another collection, with the two policies the adapter uses (keepExisting / insert).
        return {
          toArray: async () => {
            const target = docsOf(last.$merge.into);
            for (const doc of aggregate(docs(), pipeline.slice(0, -1))) if (!target.some((d) => d._id === doc._id)) target.push(clone(doc));
            return [];
          },
        };
      },
      async insertOne(given: Document) {
        calls.push(`${name}.insertOne`);
        // As the driver does, a document without an _id gets an ObjectId (as a string here, so equality is plain).
        const doc = given._id === undefined ? { _id: new ObjectId().toHexString(), ...given } : given;
        if (docs().some((d) => d._id === doc._id)) throw duplicate(doc._id);
        for (const index of unique[name] ?? []) {
          if (!index.unique) continue;
          const covers = (d: Document) => !index.partialFilterExpression || new Query(index.partialFilterExpression).test(d);
          const keys = Object.keys(index.key);
          const valueOf = (d: Document) => JSON.stringify(keys.map((k) => find([d], {}, { [k]: 1 }).all()[0]?.[k] ?? null));
          if (covers(doc) && docs().some((d) => covers(d) && valueOf(d) === valueOf(doc))) throw duplicate(valueOf(doc), index.key);
        }
        docs().push(clone(doc));
        return { acknowledged: true, insertedId: doc._id };
      },
      /** Unordered: every document is tried; failures come back together as the driver reports them. */
      async insertMany(list: Document[]) {
        calls.push(`${name}.insertMany`);
        const writeErrors: Array<{ index: number; code: number; errmsg: string }> = [];
        let inserted = 0;
        for (const [index, doc] of list.entries()) {
          try {
            await this.insertOne(doc);
            calls.pop();
            inserted++;
          } catch (error) {
            calls.pop();
            const { code, message } = error as MongoServerError;
            writeErrors.push({ index, code: Number(code), errmsg: message });
          }
        }
        if (writeErrors.length) {
          const result = { insertedCount: inserted, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };
          throw new MongoBulkWriteError({ message: writeErrors[0]!.errmsg, code: writeErrors[0]!.code, writeErrors } as never, result as never);
        }
        return { acknowledged: true, insertedCount: inserted };
      },
      async updateMany(filter: Document, update: Document | Document[]) {
        calls.push(`${name}.updateMany`);
        return { acknowledged: true, ...updateMany(docs(), filter, update as never) };
      },
      async updateOne(filter: Document, update: Document | Document[], options: Document = {}) {
        calls.push(`${name}.updateOne`);
        const { matchedCount, modifiedCount, upsertedCount } = applyUpdate(filter, update, options);
        return { acknowledged: true, matchedCount, modifiedCount, upsertedCount };
      },
      async findOneAndUpdate(filter: Document, update: Document | Document[], options: Document = {}) {
        calls.push(`${name}.findOneAndUpdate`);
        const { before, after } = applyUpdate(filter, update, options);
        const doc = options.returnDocument === 'after' ? after : before;
        return doc ? find([clone(doc)], {}, withoutMeta(options.projection)).all()[0] ?? null : null;
      },
      /** replaceOne-with-upsert only, which is all the adapter sends; equal content counts as matched, not modified. */
      async bulkWrite(ops: Array<{ replaceOne: { filter: Document; replacement: Document } }>) {
        calls.push(`${name}.bulkWrite`);
        const result = { upsertedCount: 0, matchedCount: 0, modifiedCount: 0 };
        for (const { replaceOne: { filter, replacement } } of ops) {
          const list = docs();
          const index = list.findIndex((d) => new Query(filter).test(d));
          if (index < 0) {
            list.push(clone(replacement));
            result.upsertedCount++;
            continue;
          }
          result.matchedCount++;
          if (JSON.stringify(list[index]) !== JSON.stringify(replacement)) result.modifiedCount++;
          list[index] = clone(replacement);
        }
        return result;
      },
      async deleteOne(filter: Document) {
        calls.push(`${name}.deleteOne`);
        const list = docs();
        const index = list.findIndex((d) => new Query(filter).test(d));
        if (index >= 0) list.splice(index, 1);
        return { deletedCount: index >= 0 ? 1 : 0 };
      },
      async drop() {
        calls.push(`${name}.drop`);
        data.delete(name);
        indexes.delete(name);
        return true;
      },
      /** Kept as listIndexes reports them: a text index under its internal keys, with its weights beside. */
      async createIndexes(indexes: Document[]) {
        calls.push(`${name}.createIndexes`);
        const list = indexesOf(name);
        for (const { key, ...options } of indexes) {
          const text = Object.values(key).includes('text');
          const listed = text ? { v: 2, key: { _fts: 'text', _ftsx: 1 }, ...options, textIndexVersion: 3 } : { v: 2, key, ...options };
          const same = list.findIndex((i) => i.name === options.name);
          if (same >= 0) list[same] = listed;
          else list.push(listed);
        }
        return indexes.map((i) => i.name);
      },
      listIndexes() {
        calls.push(`${name}.listIndexes`);
        return { toArray: async () => (data.has(name) ? [{ v: 2, key: { _id: 1 }, name: '_id_' }, ...clone(indexesOf(name))] : Promise.reject(Object.assign(new Error('ns does not exist'), { codeName: 'NamespaceNotFound' }))) };
      },
      async dropIndex(index: string) {
        calls.push(`${name}.dropIndex`);
        indexes.set(name, indexesOf(name).filter((i) => i.name !== index));
      },
    };
  }

  const db = { collection, databaseName: 'mingo' } as unknown as Db;
  return { db, data, calls };
}
