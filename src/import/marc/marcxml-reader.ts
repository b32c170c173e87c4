import { SaxesParser } from 'saxes';
import type { ReadItem } from '../types.js';
import { mapMarcItems, type ParsedMarc } from './marc-items.js';
import type { MarcRecord } from './marc-record.js';
import { marcxmlFragments } from './marcxml-fragments.js';

/**
 * Stream MARCXML (a <collection> or bare <record>s, any namespace prefix):
 * each <record> is parsed on its own by saxes, so a record that is not
 * well-formed is rejected, naming the line, and the records before and after
 * it are still read. What is not MARC slim (an unknown element, a field
 * without a tag, a subfield without a code) is warned about with its line.
 */
export function readMarcxml(input: AsyncIterable<Buffer>, file: string): AsyncIterable<ReadItem> {
  return mapMarcItems(parseAll(input, file));
}

async function* parseAll(input: AsyncIterable<Buffer>, file: string): AsyncGenerator<ParsedMarc> {
  let number = 0;
  let invalidUtf8Line: number | undefined;
  for await (const fragment of marcxmlFragments(decodeUtf8(input, (line) => (invalidUtf8Line = line)))) {
    const position = { file, recordNumber: ++number, line: fragment.line };
    if (!fragment.complete) {
      yield { position, error: 'the file ends inside this record: it looks truncated, so export it again' };
      continue;
    }
    const parsed = parseRecord(fragment.text, fragment.line);
    if (typeof parsed === 'string') yield { position, error: parsed, ...idIn(fragment.text) };
    else yield { position, ...parsed };
  }
  if (invalidUtf8Line !== undefined) {
    yield { position: { file, recordNumber: number + 1, line: invalidUtf8Line }, error: `invalid UTF-8 at line ${invalidUtf8Line}; nothing after it could be read` };
  }
}

/** The 001 of a record that is not well-formed, when it can still be seen, for the rejects report. */
function idIn(xml: string): { id?: string } {
  const control = (tag: string) => new RegExp(`<(?:[\\w.-]+:)?controlfield[^>]*tag="${tag}"[^>]*>([^<]{1,100})<`).exec(xml)?.[1]?.trim();
  const id = control('001');
  const org = control('003');
  return id ? { id: org ? `(${org})${id}` : id } : {};
}

const KNOWN = new Set(['record', 'leader', 'controlfield', 'datafield', 'subfield']);

/** One <record> element to a MarcRecord with warnings, or the first well-formedness error with its line. */
function parseRecord(xml: string, firstLine: number): { marc: MarcRecord; warnings: string[] } | string {
  // Namespaces are not resolved: a fragment's prefix was declared on the collection, outside it.
  const parser = new SaxesParser({ position: true });
  const marc: MarcRecord = { leader: '', fields: [] };
  const errors: string[] = [];
  const warnings: string[] = [];
  const line = () => firstLine + parser.line - 1;
  let text = '';
  parser.on('error', (e) => {
    const m = /^(\d+):(\d+): (.*)$/s.exec(e.message);
    errors.push(m ? `not well-formed XML at line ${firstLine + Number(m[1]) - 1}, column ${Number(m[2]) + 1}: ${m[3]}` : e.message);
  });
  parser.on('opentag', (tag) => {
    text = '';
    const local = tag.name.split(':').pop();
    const attributes = tag.attributes as Record<string, string>;
    const tagOf = () => {
      if (/^[0-9A-Za-z]{3}$/.test(attributes.tag ?? '')) return attributes.tag!;
      warnings.push(`line ${line()}: a <${local}> ${attributes.tag ? `with tag "${attributes.tag}", which is not three letters or digits` : 'with no tag'}; its text is kept but not shown`);
      return '???';
    };
    if (local === 'controlfield') marc.fields.push([tagOf()]);
    else if (local === 'datafield') marc.fields.push([tagOf(), `${attributes.ind1 || ' '}${attributes.ind2 || ' '}`]);
    else if (local === 'subfield') {
      let code = attributes.code ?? '';
      if (code.length !== 1) {
        warnings.push(`line ${line()}: a <subfield> ${code ? `with code "${code}", which is not one letter or digit` : 'with no code'}; its text is kept but not shown`);
        code = '\uFFFD'; // never one of the codes the mapping asks for
      }
      marc.fields.at(-1)?.push(code);
    } else if (!KNOWN.has(local ?? '')) warnings.push(`line ${line()}: <${tag.name}> is not a MARCXML element and was ignored (MARCXML inside it was still read)`);
  });
  parser.on('text', (t) => (text += t));
  parser.on('closetag', (tag) => {
    const local = tag.name.split(':').pop();
    if (local === 'leader') marc.leader = text;
    else if (local === 'controlfield' || local === 'subfield') marc.fields.at(-1)?.push(text.normalize('NFC'));
    text = '';
  });
  parser.write(xml).close();
  if (!errors.length) return { marc, warnings };
  // saxes reads a bare "&" as the start of an entity and only complains at the end; point at the "&" instead.
  const amp = /&(?![A-Za-z_][\w.-]*;|#\d+;|#x[\da-fA-F]+;)/.exec(xml);
  if (amp) return `not well-formed XML at line ${firstLine + (xml.slice(0, amp.index).match(/\n/g)?.length ?? 0)}: a bare "&" (write it as &amp;)`;
  return errors[0]!;
}

/** Decode UTF-8 strictly; on a bad byte, report its line and stop (what follows cannot be trusted). */
async function* decodeUtf8(input: AsyncIterable<Buffer>, onInvalid: (line: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  for await (const chunk of input) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const good = new TextDecoder('utf-8').decode(chunk.subarray(0, firstInvalid(chunk)));
      onInvalid(lines + (good.match(/\n/g)?.length ?? 0));
      yield good;
      return;
    }
    lines += text.match(/\n/g)?.length ?? 0;
    yield text;
  }
}

function firstInvalid(chunk: Buffer): number {
  let lo = 0;
  let hi = chunk.length;
  // Largest prefix that decodes: binary search works because validity of a prefix is monotone up to the first bad byte (give or take a split character).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
