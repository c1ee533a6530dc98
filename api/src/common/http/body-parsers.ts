import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, NextFunction, Request, Response } from 'express';
import { AuthService } from '../../auth/auth.service';
import type { Principal } from '../../auth/principal';

/**
 * Largest JSON body, by who is asking (GraphQL and REST alike). A real query of the web app is a
 * few KB; only `importIncidents` carries a file (its `content`, at most 5 MB), so only a credential
 * with the IMPORT scope may send that much. Bigger files go to POST /api/import, which streams.
 * Without a valid credential only `login` (and setup) make sense, so 16 KB is plenty.
 */
export const BODY_LIMITS = {
  anonymous: 16 * 1024,
  signedIn: 256 * 1024,
  import: 6 * 1024 * 1024,
} as const;

type Caller = keyof typeof BODY_LIMITS;

const LIMIT_NOTES: Record<Caller, string> = {
  anonymous: 'the limit for requests without a valid credential',
  signedIn: 'the limit for requests that do not import; import files through POST /api/import',
  import: 'the limit of a GraphQL request; import larger files through POST /api/import',
};

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);

type BodyRequest = Request & { principal?: Principal | null; bodyCaller?: Caller };

const isGraphql = (req: Request) => req.path === '/graphql';
/** Webhook pushes are read raw by their controller: the signature is a MAC of the exact bytes, and no user is signed in. */
const isWebhook = (req: Request) => /^\/api\/sources\/[^/]+\/webhook\/?$/.test(req.path);

/**
 * Parses JSON bodies with a limit chosen before a byte of the body is read: the caller is
 * authenticated from the Authorization header or session cookie first (one indexed lookup; the
 * guard and the GraphQL context reuse it), so an anonymous client cannot make the server read and
 * parse megabytes. Every body-parser failure answers JSON in the usual error shape.
 */
export function installBodyParsers(app: NestExpressApplication): void {
  const auth = app.get(AuthService);
  const parsers = Object.fromEntries(
    (Object.keys(BODY_LIMITS) as Caller[]).map((caller) => [caller, json({ limit: BODY_LIMITS[caller] })]),
  ) as Record<Caller, ReturnType<typeof json>>;

  app.use(async (req: BodyRequest, res: Response, next: NextFunction) => {
    if (!req.is('application/json') || isWebhook(req)) return next();
    let principal: Principal | null = null;
    try {
      principal = await auth.authenticate(req);
      req.principal = principal;
    } catch {
      // the database is unavailable: parse as anonymous; the request itself then answers 503
    }
    req.bodyCaller = !principal ? 'anonymous' : principal.scopes.includes('IMPORT') ? 'import' : 'signedIn';
    parsers[req.bodyCaller](req, res, next);
  });

  app.use((err: unknown, req: BodyRequest, res: Response, next: NextFunction) => {
    const e = err as { status?: number; type?: string } | undefined;
    // body-parser's errors carry a `type` (entity.too.large, entity.parse.failed, charset.unsupported...)
    if (!e || typeof e.status !== 'number' || typeof e.type !== 'string' || e.status < 400 || e.status >= 500) return next(err);
    if (res.headersSent) return res.destroy();
    const caller = req.bodyCaller ?? 'anonymous';
    const [code, message] =
      e.status === 413
        ? ['PAYLOAD_TOO_LARGE', `The request body is larger than ${kb(BODY_LIMITS[caller])}, ${LIMIT_NOTES[caller]}`]
        : e.status === 415
          ? ['UNSUPPORTED_MEDIA_TYPE', 'The request body is in an unsupported charset or encoding; send UTF-8 JSON']
          : e.type === 'entity.parse.failed'
            ? ['BAD_REQUEST', 'The request body is not valid JSON']
            : ['BAD_REQUEST', 'The request body could not be read'];
    if (isGraphql(req)) res.status(e.status).json({ errors: [{ message, extensions: { code } }] });
    else res.status(e.status).json({ error: { code, message } });
  });
}
