import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, HTTP_STATUS } from './domain-error';
import { isConnectionError } from './format-error';

const logger = new Logger('HTTP');

/**
 * DomainErrors (including the AuthGuard's) as JSON with the status of HTTP_STATUS, for the REST
 * endpoints (import, export, reports): `{ error: { code, message, fields } }`. Anything unexpected
 * is a 500 that does not leak internals.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const send = (status: number, code: string, message: string, fields?: string[]) => {
      if (res.headersSent) {
        res.destroy(); // a stream was under way: cut it so the client sees a broken download, not a short file
        return;
      }
      res.status(status).json({ error: { code, message, ...(fields?.length ? { fields } : {}) } });
    };
    if (err instanceof DomainError) return send(HTTP_STATUS[err.code], err.code, err.message, err.fields);
    if (err instanceof HttpException) {
      const status = err.getStatus();
      return send(
        status,
        status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 408 ? 'REQUEST_TIMEOUT' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST',
        err.message,
      );
    }
    if (isConnectionError(err)) return send(503, 'SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly');
    logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    send(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }
}
