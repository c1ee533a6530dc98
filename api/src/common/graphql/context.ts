import type { Request, Response } from 'express';
import type { Principal } from '../../auth/principal';
import { RequestLoaders } from './loaders';

/** What every resolver receives as its GraphQL context. */
export interface RequestContext {
  req: Request & { principal?: Principal | null };
  res: Response;
  principal: Principal | null;
  /** Set when the credential could not be checked (database unavailable). */
  authError?: Error;
  loaders: RequestLoaders;
}
