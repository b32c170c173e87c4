/**
 * One measured run, in its own process so its peak memory is its own:
 *   tsx bench/import-run.ts <file> parse|import <data-dir>
 * Prints one JSON line: { records, seconds, maxRssMb }.
 */
import { openFile } from '../src/import/import-file.js';
import { importItems } from '../src/import/import-items.js';
import { openEmbeddedStore } from '../src/storage/embedded/index.js';

const [file, mode, dataDir] = process.argv.slice(2);
if (!file || (mode !== 'parse' && mode !== 'import') || (mode === 'import' && !dataDir)) {
  throw new Error('usage: import-run.ts <file> parse|import <data-dir>');
}
const started = performance.now();
let records = 0;
const opened = await openFile(file);
if (mode === 'parse') {
  for await (const item of opened.items) if (item.ok) records++;
} else {
  const store = await openEmbeddedStore({ dataDir: dataDir! });
  const counts = await importItems(opened.items, store);
  records = counts.added + counts.updated + counts.unchanged;
  await store.close();
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ records, seconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
