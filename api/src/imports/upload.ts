import { HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badInput, DomainError } from '../common/errors/domain-error';

export interface UploadLimits {
  /** Largest body (HINDSIGHT_IMPORT_MAX_BYTES): the raw body, or the multipart `file` part. */
  maxBytes: number;
  /** An upload that sends nothing for this long is answered 408. */
  idleMs: number;
}

/** An upload read to the end into a temporary file; `dispose` removes it (call it whatever happens). */
export interface Spooled {
  path: string;
  size: number;
  dispose(): Promise<void>;
}

/** Prefix of the temporary folders uploads are spooled into (under the OS temporary folder). */
export const SPOOL_PREFIX = 'hindsight-upload-';

export const tooLarge = (max: number) =>
  new PayloadTooLargeException(`the upload is larger than ${max} bytes (HINDSIGHT_IMPORT_MAX_BYTES); split the file`);
const idle = (ms: number) =>
  new HttpException(`the upload sent nothing for ${Math.round(ms / 1000)} s and was cut off`, HttpStatus.REQUEST_TIMEOUT);
const multipartError = (why: string) => badInput(`the multipart body could not be read: ${why}`, 'file');

/**
 * Reads the whole upload of POST /api/import into a temporary file before the import takes a
 * database connection, so a slow or stalled client holds a file handle, never a connection. The
 * body is the raw request body, or the single multipart field `file`. Enforces the size limit
 * (Content-Length up front, counted bytes as they come) and the idle timeout; every stream read
 * here has its errors handled, so a malformed or cut-off body is a 4xx, never a crash.
 */
export async function spoolUpload(req: Request, limits: UploadLimits): Promise<Spooled> {
  const declared = Number(req.headers['content-length']);
  const multipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
  // a multipart body carries some framing around the file: allow for it in the up-front check
  if (Number.isFinite(declared) && declared > limits.maxBytes + (multipart ? 64 * 1024 : 0)) {
    stopReading(req);
    throw tooLarge(limits.maxBytes);
  }
  const dir = await mkdtemp(join(tmpdir(), SPOOL_PREFIX));
  const path = join(dir, 'upload');
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const size = multipart ? await spoolMultipart(req, path, limits) : await spoolRaw(req, path, limits);
    return { path, size, dispose };
  } catch (err) {
    stopReading(req);
    await dispose();
    throw err;
  }
}

/** The first byte of a spooled file that is not white space or a byte order mark, if any. */
export async function firstSignificantByte(path: string): Promise<string | null> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await file.read(buf, 0, buf.length, 0);
    const text = buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const m = /\S/.exec(text);
    return m ? m[0] : null;
  } finally {
    await file.close();
  }
}

/** Uploads being read now: shutdown cuts them off (503) so that each removes its temporary file. */
const reading = new Set<Transform>();

/** Ends every upload still being read with a 503; called on shutdown. */
export function abortUploads(): void {
  for (const m of reading) m.destroy(new DomainError('SERVICE_UNAVAILABLE', 'the server is shutting down; send the file again'));
}

/**
 * Removes spooled uploads left behind by a process that was killed (SIGKILL, a crash): folders of
 * ours whose file has not changed for `olderThanMs` (a live upload writes, or is read, well within it).
 */
export async function sweepSpool(olderThanMs = 6 * 3600_000): Promise<void> {
  const root = tmpdir();
  for (const name of await readdir(root)) {
    if (!name.startsWith(SPOOL_PREFIX)) continue;
    const dir = join(root, name);
    const changed = await stat(join(dir, 'upload')).then(
      (s) => s.mtimeMs,
      () =>
        stat(dir).then(
          (s) => s.mtimeMs,
          () => Date.now(),
        ),
    );
    if (Date.now() - changed > olderThanMs) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The request's bytes, counted and timed: more than `maxBytes` destroys the meter with a 413,
 * `idleMs` without a byte with a 408, and a client that goes away with a 400. The request itself is
 * piped into it (not part of a pipeline), so an error here never destroys the socket before the
 * answer is written.
 */
function meter(req: Request, limits: UploadLimits, countFrom = 0): Transform {
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => m.destroy(idle(limits.idleMs)), limits.idleMs);
  };
  const m = new Transform({
    transform(chunk: Buffer, _enc, done) {
      arm();
      bytes += chunk.length;
      if (bytes > limits.maxBytes + countFrom) return done(tooLarge(limits.maxBytes));
      done(null, chunk);
    },
    flush(done) {
      clearTimeout(timer);
      done();
    },
    destroy(err, done) {
      clearTimeout(timer);
      reading.delete(m);
      done(err);
    },
  });
  reading.add(m);
  m.on('end', () => reading.delete(m));
  const cutOff = () => {
    if (!req.complete) m.destroy(badInput('the upload was cut off before its end', 'file'));
  };
  req.on('error', cutOff);
  req.on('close', cutOff);
  arm();
  req.pipe(m);
  return m;
}

/** Stops reading a request whose answer is an error; the socket closes once that answer is written. */
function stopReading(req: Request): void {
  req.unpipe();
  req.res?.setHeader('connection', 'close');
  // whatever the client still sends is not wanted: drop it without buffering
  req.resume();
}

async function spoolRaw(req: Request, path: string, limits: UploadLimits): Promise<number> {
  let size = 0;
  await pipeline(
    meter(req, limits),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(path),
  );
  return size;
}

/**
 * The multipart field `file` into `path`: exactly one file part of that name; other fields are
 * skipped. Any framing error (no boundary, cut-off body, garbage) is a 400 naming `file`.
 */
function spoolMultipart(req: Request, path: string, limits: UploadLimits): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 20, parts: 40, fileSize: limits.maxBytes } });
    } catch (err) {
      // no boundary, or not multipart at all
      return reject(multipartError((err as Error).message));
    }
    // the framing counts toward the limit too, a little: a body of nothing but fields is bounded
    const source = meter(req, limits, 64 * 1024);
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(bb);
      source.destroy();
      // busboy may be inside its own write (a 'limit' or 'file' event): destroy it after, not during;
      // destroying it also ends the file part being written, and so closes its temporary file
      setImmediate(() => bb.destroy());
      reject(err);
    };
    let files = 0;
    let written: Promise<number> | null = null;
    bb.on('file', (name, stream) => {
      // every file stream needs an error listener: busboy emits 'Unexpected end of form' on it
      stream.on('error', () => undefined);
      files += 1;
      if (name !== 'file' || files > 1) {
        stream.resume();
        if (files > 1) fail(multipartError('it has more than one file; send one file in the field "file"'));
        return;
      }
      stream.on('limit', () => fail(tooLarge(limits.maxBytes)));
      written = pipeline(stream, createWriteStream(path)).then(async () => (await stat(path)).size);
      written.catch(fail);
    });
    bb.on('filesLimit', () => fail(multipartError('it has more than one file; send one file in the field "file"')));
    bb.on('partsLimit', () => fail(multipartError('it has too many parts')));
    bb.on('fieldsLimit', () => fail(multipartError('it has too many fields')));
    bb.on('error', (err) => fail(multipartError((err as Error).message)));
    bb.on('close', () => {
      if (settled) return;
      if (!written) return fail(badInput('the multipart body has no field "file"', 'file'));
      written.then((size) => {
        if (settled) return;
        settled = true;
        resolve(size);
      }, fail);
    });
    source.on('error', fail);
    source.pipe(bb);
  });
}
