import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type Koa from 'koa';
import busboy from 'busboy';
import { BadRequest, HttpError } from '../http/errors.js';
import { checkCsrf, CSRF_FIELD } from '../session/csrf.js';

/** A file received from the browser into a temporary file. */
export interface UploadedFile {
  path: string;
  /** The name it had on the librarian's computer (no folders). */
  name: string;
  size: number;
}

/** The upload was bigger than IMPORT_MAX_MB. */
export class UploadTooLarge extends HttpError {
  constructor(readonly maxMb: number) {
    super(413, `The file is larger than the ${maxMb} MB limit for uploads, so nothing was imported. Split the export into smaller files, or ask whoever runs the server to load it with "npm run seed".`);
  }
}

/**
 * Streams a multipart upload to `path`, never holding it in memory, and stops
 * keeping bytes at `maxMb`. The body parser leaves multipart alone, so the
 * form token is checked here: the form sends `_csrf` before the file, and a
 * file without a good token is discarded unread.
 */
export async function receiveUpload(ctx: Koa.Context, path: string, maxMb: number): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  if (!ctx.is('multipart')) throw new BadRequest('Choose a file to upload.');
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let refused: Error | undefined;
  let writing: Promise<void> = Promise.resolve();
  // busboy reports the limit when a file reaches it, so one byte more lets a file of exactly the cap through.
  const parser = busboy({ headers: ctx.req.headers, limits: { files: 1, fields: 10, fieldSize: 1024, fileSize: maxMb * 1024 * 1024 + 1 } });
  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('file', (_name, stream, info) => {
    try {
      checkCsrf(ctx, fields[CSRF_FIELD]);
    } catch (error) {
      refused = error as Error;
      stream.resume();
      return;
    }
    const received: UploadedFile = { path, name: baseName(info.filename), size: 0 };
    stream.on('data', (chunk: Buffer) => { received.size += chunk.length; });
    stream.on('limit', () => { refused = new UploadTooLarge(maxMb); });
    file = received;
    writing = pipeline(stream, createWriteStream(path));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('close', resolve);
      parser.on('error', reject);
      ctx.req.on('error', reject);
      ctx.req.pipe(parser);
    });
    await writing;
  } catch {
    await rm(path, { force: true });
    throw refused ?? new BadRequest('The upload did not arrive whole. Please try again.');
  }
  // No file part at all: the token still decides whether this was our form.
  if (!file && !refused) checkCsrf(ctx, fields[CSRF_FIELD]);
  if (refused || !file) await rm(path, { force: true });
  if (refused) throw refused;
  return { fields, file };
}

/** Browsers send a bare name, old ones a full Windows path; only the last part is ever shown. */
function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '').slice(0, 200) || 'upload';
}
