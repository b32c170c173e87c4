import { UnreadableFileError } from '../types.js';

/** The text of one <record> element and the line it starts on. */
export interface XmlFragment {
  text: string;
  line: number;
  /** False when the file ended before the record's end tag. */
  complete: boolean;
}

const START = /<(?:[\w.-]+:)?record[\s>]/g;
const END = /<\/(?:[\w.-]+:)?record\s*>/g;

/**
 * Cut a MARCXML text stream into <record> elements by their tags alone, so a
 * well-formedness error (an unescaped "&" that makes an XML parser swallow the
 * rest of the file) stays inside its own record and the next record is read
 * afresh. Throws UnreadableFileError when the document is XML but not MARCXML.
 */
export async function* marcxmlFragments(text: AsyncIterable<string>): AsyncGenerator<XmlFragment> {
  let buffer = '';
  let line = 1; // line of buffer[0]
  let checkedRoot = false;
  for await (const chunk of text) {
    buffer += chunk;
    if (!checkedRoot) checkedRoot = checkRoot(buffer);
    for (;;) {
      START.lastIndex = 0;
      const start = START.exec(buffer);
      if (!start) {
        // Keep a tail in case a start tag is split across chunks.
        const keep = Math.max(0, buffer.length - 64);
        line += count(buffer, 0, keep);
        buffer = buffer.slice(keep);
        break;
      }
      END.lastIndex = start.index;
      const end = END.exec(buffer);
      if (!end) break;
      const startLine = line + count(buffer, 0, start.index);
      const stop = end.index + end[0].length;
      yield { text: buffer.slice(start.index, stop), line: startLine, complete: true };
      line = startLine + count(buffer, start.index, stop);
      buffer = buffer.slice(stop);
    }
  }
  START.lastIndex = 0;
  const open = START.exec(buffer);
  if (open) yield { text: buffer.slice(open.index), line: line + count(buffer, 0, open.index), complete: false };
}

/** True once the first element has been seen; throws if it is not <collection> or <record>. */
function checkRoot(buffer: string): boolean {
  const first = /<([A-Za-z_][\w.:-]*)/.exec(buffer.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
  if (!first?.[1]) return false;
  const local = first[1].split(':').pop();
  if (local !== 'collection' && local !== 'record') {
    throw new UnreadableFileError(`this is XML but not MARCXML: the document starts with <${first[1]}>, not <collection> or <record>`);
  }
  return true;
}

function count(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
