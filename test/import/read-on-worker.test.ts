import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openFile } from '../../src/import/import-file.js';
import { UnreadableFileError, type ReadItem } from '../../src/import/types.js';
import { fixture } from './helpers.js';

async function readAll(file: string, onWorker: boolean): Promise<{ items: ReadItem[]; bytesRead: number }> {
  const opened = await openFile(file, undefined, onWorker);
  const items: ReadItem[] = [];
  for await (const item of opened.items) items.push(item);
  return { items, bytesRead: opened.bytesRead() };
}

describe('reading a file on a worker thread', () => {
  for (const name of ['valid-utf8.mrc', 'bad-records.mrc', 'marc8.mrc', 'records.ndjson', 'items.csv']) {
    it(`gives the same records, problems and positions as reading here: ${name}`, async () => {
      const here = await readAll(fixture(name), false);
      const there = await readAll(fixture(name), true);
      assert.ok(here.items.length > 0);
      assert.deepEqual(there.items, here.items);
      assert.equal(there.bytesRead, here.bytesRead);
    });
  }

  it('says a file holds nothing readable as an UnreadableFileError, as reading here does', async () => {
    const problem = async (onWorker: boolean) => {
      const opened = await openFile(fixture('no-title-column.csv'), 'csv', onWorker);
      try {
        for await (const item of opened.items) void item;
      } catch (error) {
        return error;
      }
      return null;
    };
    const [here, there] = [await problem(false), await problem(true)];
    assert.ok(here instanceof UnreadableFileError && there instanceof UnreadableFileError);
    assert.equal(there.message, here.message);
  });
});
