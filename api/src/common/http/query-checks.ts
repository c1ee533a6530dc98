import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { textProblem } from '../graphql/input-checks';

/**
 * The REST endpoints' query strings get the same text rule as GraphQL arguments (no NUL, no unpaired
 * surrogates): refused with 400 BAD_USER_INPUT naming the parameter before any handler runs, so a bad
 * `search=%00` cannot fail an export after its 200 and headers have gone out.
 */
export function installQueryChecks(app: NestExpressApplication): void {
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of Object.entries(req.query)) {
      for (const text of [name, ...(Array.isArray(value) ? value : [value])]) {
        const problem = typeof text === 'string' ? textProblem(text) : null;
        if (problem) {
          const field = textProblem(name) ? 'query' : name;
          res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: `${field} ${problem}`, fields: [field] } });
          return;
        }
      }
    }
    next();
  });
}
