import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderEdges, mutualPairs } from './folder-graph.js';

test('no two folders of src/ import each other, types from catalogue/ aside', () => {
  const pairs = mutualPairs(folderEdges()).map(([a, b, via]) => `${a} ↔ ${b}: ${via.map((e) => `${e.file} → ${e.target}`).join(', ')}`);
  assert.deepEqual(pairs, []);
});

test('the check sees imports: the app imports every capability folder', () => {
  const fromRoot = new Set(folderEdges().filter((edge) => edge.from === '(root)').map((edge) => edge.to));
  for (const folder of ['catalogue', 'basket', 'members', 'storage', 'session', 'cookies']) assert.ok(fromRoot.has(folder), folder);
});
