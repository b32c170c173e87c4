// Child process for embedded-processes.test.ts: adds its ids one by one to a shared session.
import { openEmbeddedStore } from '../../src/storage/embedded/index.js';

const [dataDir, sessionId, prefix, count, limit] = process.argv.slice(2) as [string, string, string, string, string];
const store = await openEmbeddedStore({ dataDir });
let added = 0;
for (let i = 0; i < Number(count); i++) {
  added += (await store.baskets.add(sessionId, [`${prefix}${i}`], Number(limit), Date.now() + 3_600_000)).added.length;
}
await store.close();
process.stdout.write(String(added));
