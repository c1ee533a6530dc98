import { HttpException, HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { badInput } from '../../common/errors/domain-error';
import { tooLarge } from '../../imports/upload';

export interface RawBodyLimits {
  maxBytes: number;
  /** Answered 408 when the client sends nothing for this long. */
  idleMs: number;
}

/**
 * The request's exact bytes (a webhook signature is a MAC of them), within a size limit: a declared
 * Content-Length over it is answered 413 before a byte is read, and so is a body that grows past it;
 * a body that stalls is a 408, one cut off a 400. What is not read is drained, not buffered.
 */
export function readRawBody(req: Request, limits: RawBodyLimits): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    function cleanup() {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onError);
    }
    function stop(err: unknown) {
      cleanup();
      req.unpipe();
      req.res?.setHeader('connection', 'close');
      req.resume(); // whatever the client still sends is dropped
      reject(err);
    }
    function arm() {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          stop(
            new HttpException(
              `the request sent nothing for ${Math.round(limits.idleMs / 1000)} s and was cut off`,
              HttpStatus.REQUEST_TIMEOUT,
            ),
          ),
        limits.idleMs,
      );
    }
    function onData(chunk: Buffer) {
      arm();
      size += chunk.length;
      if (size > limits.maxBytes) return stop(tooLarge(limits.maxBytes));
      chunks.push(chunk);
    }
    function onEnd() {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    }
    function onClose() {
      if (!req.complete) stop(badInput('the request body was cut off before its end', 'body'));
    }
    function onError() {
      stop(badInput('the request body was cut off before its end', 'body'));
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) return stop(tooLarge(limits.maxBytes));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onError);
    arm();
  });
}
