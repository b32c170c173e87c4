import { SaxesParser, type SaxesTagNS } from 'saxes';
import { UnreadableFileError, type ReadItem } from '../types.js';
import { mapMarcRecord } from './map-record.js';
import type { MarcRecord } from './marc-record.js';

interface OpenRecord {
  marc: MarcRecord;
  number: number;
  line: number;
  errors: string[];
}

/**
 * Stream MARCXML (a <collection> or bare <record>s, any namespace prefix)
 * through saxes. saxes reports a well-formedness error and carries on, so an
 * error inside one record rejects that record, naming the line, and the
 * records before and after it are still read.
 */
export async function* readMarcxml(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ReadItem> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const out: ReadItem[] = [];
  let current: OpenRecord | undefined;
  let count = 0;
  let text = '';
  let sawRoot = false;
  const reject = (rec: OpenRecord, reason: string) =>
    out.push({ ok: false, position: { file, recordNumber: rec.number, line: rec.line }, reason });

  parser.on('error', (error) => {
    if (current) current.errors.push(`not well-formed XML: ${where(error.message)}`);
    else if (!sawRoot) throw new UnreadableFileError(`not well-formed XML before any record: ${where(error.message)}`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    text = '';
    if (!sawRoot && tag.local !== 'collection' && tag.local !== 'record') {
      throw new UnreadableFileError(`this is XML but not MARCXML: the document starts with <${tag.name}>, not <collection> or <record>`);
    }
    sawRoot = true;
    if (tag.local === 'record') {
      if (current) reject(current, `record is not closed before the next <record> at line ${parser.line}`);
      current = { marc: { leader: '', fields: [] }, number: ++count, line: parser.line, errors: [] };
    } else if (current && tag.local === 'controlfield') current.marc.fields.push([attr(tag, 'tag')]);
    else if (current && tag.local === 'datafield') current.marc.fields.push([attr(tag, 'tag'), `${attr(tag, 'ind1') || ' '}${attr(tag, 'ind2') || ' '}`]);
    else if (current && tag.local === 'subfield') current.marc.fields.at(-1)?.push(attr(tag, 'code'));
  });
  parser.on('text', (t) => (text += t));
  parser.on('closetag', (tag) => {
    if (!current) return;
    const value = text.normalize('NFC');
    text = '';
    if (tag.local === 'leader') current.marc.leader = value;
    else if (tag.local === 'controlfield' || tag.local === 'subfield') current.marc.fields.at(-1)?.push(value);
    else if (tag.local === 'record') {
      const done = current;
      current = undefined;
      if (done.errors.length) return reject(done, done.errors.join('; '));
      const mapped = mapMarcRecord(done.marc);
      const position = { file, recordNumber: done.number, line: done.line };
      out.push(mapped.ok ? { ok: true, position, record: mapped.record, warnings: mapped.warnings } : { ...mapped, position });
    }
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of input) {
    try {
      parser.write(decoder.decode(chunk, { stream: true }));
    } catch (error) {
      if (error instanceof UnreadableFileError) throw error;
      // Invalid UTF-8: nothing after it can be trusted to decode, so report and stop.
      out.push({ ok: false, position: { file, recordNumber: count + (current ? 0 : 1), line: parser.line }, reason: `invalid UTF-8 near line ${parser.line}; reading stopped here` });
      yield* out.splice(0);
      return;
    }
    yield* out.splice(0);
  }
  parser.close();
  if (current) reject(current, `the file ends inside this record: it looks truncated, so export it again`);
  yield* out.splice(0);
}

function attr(tag: SaxesTagNS, name: string): string {
  const a = tag.attributes[name];
  return typeof a === 'string' ? a : (a?.value ?? '');
}

/** saxes says "72:29: disallowed character."; a librarian reads "line 72, column 30: disallowed character". */
function where(message: string): string {
  const m = /^(\d+):(\d+): (.*)$/s.exec(message);
  return m ? `line ${m[1]}, column ${Number(m[2]) + 1}: ${m[3]}` : message;
}
