import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapMarcRecord } from '../../src/import/marc/map-record.js';

const LEADER = '00000nam a2200000 i 4500';
function map(...fields: string[][]) {
  const mapped = mapMarcRecord({ leader: LEADER, fields: [['001', 'isbd-1'], ...fields] });
  assert.ok(mapped.ok);
  return mapped.record;
}

test('a corporate name never gets a double full stop between body and unit', () => {
  const record = map(['245', '10', 'a', 'Survey maps.'], ['110', '1 ', 'a', 'New Zealand.', 'b', 'Department of Lands and Survey.'], ['710', '2 ', 'a', 'Great Britain.', 'b', 'Parliament.', 'b', 'House of Commons.']);
  assert.deepEqual(record.authors, ['New Zealand. Department of Lands and Survey', 'Great Britain. Parliament. House of Commons']);
});

test('titles lose the ISBD punctuation that ends a subfield, and keep an ellipsis', () => {
  const record = map(['245', '10', 'a', 'Harry Potter.', 'n', 'Part 2,', 'p', 'The return /', 'b', 'a story :', 'c', 'by J. Smith ;']);
  assert.equal(record.title, 'Harry Potter. Part 2, The return');
  assert.equal(record.subtitle, 'a story');
  assert.equal(record.statement, 'by J. Smith');
  assert.equal(map(['245', '10', 'a', 'And then...']).title, 'And then...');
});

test('series and subjects end without " ;", ",", " :" or " /", and with no doubled full stop', () => {
  const record = map(
    ['245', '10', 'a', 'T'],
    ['490', '1 ', 'a', 'Penguin classics ;', 'v', '12'],
    ['830', ' 0', 'a', 'Penguin classics.'],
    ['810', '2 ', 'a', 'Royal Society.', 't', 'Reports.. ,'],
    ['610', '20', 'a', 'United States.', 'b', 'Congress.', 'x', 'History.'],
    ['650', ' 0', 'a', 'Whaling :', 'z', 'Pacific Ocean /'],
  );
  assert.deepEqual(record.series, ['Penguin classics', 'Reports']);
  assert.deepEqual(record.subjects, ['United States. Congress -- History', 'Whaling -- Pacific Ocean']);
});

test('a mark typed twice after a space becomes one; a doubled mark inside a word is kept', () => {
  assert.equal(map(['245', '10', 'a', 'Atlas ::', 'n', 'Part 1']).title, 'Atlas : Part 1');
  assert.equal(map(['245', '10', 'a', 'Maps //', 'p', 'Northern England']).title, 'Maps / Northern England');
  assert.equal(map(['245', '10', 'a', 'See http://example.org ;;', 'p', 'notes']).title, 'See http://example.org ; notes');
});
