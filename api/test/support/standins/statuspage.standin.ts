import { sendJson, StandinServer } from './standin-server';

/** A stand-in for a public Atlassian Statuspage: `GET /api/v2/incidents.json` serves `document`, no token. */
export class StatuspageStandin extends StandinServer {
  constructor(public document: Record<string, unknown>) {
    super((req, res) =>
      req.path === '/api/v2/incidents.json' ? sendJson(res, 200, this.document) : sendJson(res, 404, { error: 'not found' }),
    );
  }

  static async start(document: Record<string, unknown>): Promise<StatuspageStandin> {
    return new StatuspageStandin(document).start();
  }
}
