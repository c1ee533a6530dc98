import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth.decorators';
import { SESSION_COOKIE } from '../auth.service';
import { OidcError } from './oidc.errors';
import { OIDC_LOGIN_TTL_MS, OidcService } from './oidc.service';

/** Binds a sign-in in progress to the browser that started it (its value is the state). */
export const OIDC_STATE_COOKIE = 'hindsight_oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc';

function cookieOf(req: Request, name: string): string | null {
  const cookie = req.headers.cookie?.split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  return cookie ? decodeURIComponent(cookie.slice(name.length + 1)) : null;
}

/**
 * The browser side of single sign-on (docs/sso.md). Both routes are navigations, not API calls:
 * they answer with redirects, and every failure sends the browser to `/login?error=<code>`.
 */
@Controller('api/auth/oidc')
export class OidcController {
  private readonly logger = new Logger('OIDC');

  constructor(private readonly oidc: OidcService) {}

  /** GET /api/auth/oidc/login: sends the browser to the provider. */
  @Public()
  @Get('login')
  async login(@Res() res: Response): Promise<void> {
    if (!this.ensureEnabled(res)) return;
    try {
      const { url, state } = await this.oidc.start();
      // SameSite=Lax, not Strict: the callback arrives as a top-level navigation from the provider's site
      res.cookie(OIDC_STATE_COOKIE, state, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.https,
        path: STATE_COOKIE_PATH,
        maxAge: OIDC_LOGIN_TTL_MS,
      });
      res.redirect(302, url);
    } catch (err) {
      this.fail(res, err);
    }
  }

  /** GET /api/auth/oidc/callback: the provider sends the browser back here with a code (or an error). */
  @Public()
  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.ensureEnabled(res)) return;
    res.clearCookie(OIDC_STATE_COOKIE, { path: STATE_COOKIE_PATH });
    try {
      const params = new URL(req.originalUrl, 'http://callback').searchParams;
      const session = await this.oidc.finish(params, cookieOf(req, OIDC_STATE_COOKIE));
      res.cookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.https || req.secure,
        expires: session.expiresAt,
        path: '/',
      });
      // The web app keeps its bearer token in localStorage: it takes this one from the fragment
      // (never sent to a server, nor in a Referer) and removes it from the address bar.
      res.redirect(302, `/#sso_token=${encodeURIComponent(session.token)}`);
    } catch (err) {
      this.fail(res, err);
    }
  }

  private get https(): boolean {
    return this.oidc.settings!.redirectUrl.startsWith('https:');
  }

  /** 404 when single sign-on is off; returns whether it is on. */
  private ensureEnabled(res: Response): boolean {
    if (this.oidc.settings) return true;
    res.status(404).json({ error: 'Single sign-on is not configured (HINDSIGHT_OIDC_ISSUER is unset)' });
    return false;
  }

  private fail(res: Response, err: unknown): void {
    const code = err instanceof OidcError ? err.code : 'sso_failed';
    if (err instanceof OidcError) this.logger.warn(`sign-in refused (${code}): ${err.message}`);
    else this.logger.error(`sign-in failed: ${(err as Error)?.stack ?? String(err)}`);
    res.redirect(302, `/login?error=${code}`);
  }
}
