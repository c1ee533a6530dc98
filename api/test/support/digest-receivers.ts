import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback (ephemeral port) that accepts one user and keeps every message it receives, parsed. */
export class SmtpCapture {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    readonly messages: Array<{ envelopeTo: string[]; raw: Buffer; mail: ParsedMail }>,
    readonly logins: Array<{ username: string; ok: boolean }>,
  ) {}

  static async start(user: string, pass: string): Promise<SmtpCapture> {
    const messages: SmtpCapture['messages'] = [];
    const logins: SmtpCapture['logins'] = [];
    const server = new SMTPServer({
      // plain SMTP on loopback: no STARTTLS, and AUTH allowed without TLS
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      size: 20 * 1024 * 1024,
      onAuth(auth, _session, callback) {
        const ok = auth.username === user && auth.password === pass;
        logins.push({ username: auth.username ?? '', ok });
        if (!ok) return callback(new Error('Invalid username or password'));
        callback(null, { user: auth.username });
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (mail) => {
              messages.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, mail });
              callback();
            },
            (err: Error) => callback(err),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = ((server as unknown as { server: Server }).server.address() as AddressInfo).port;
    return new SmtpCapture(server, port, messages, logins);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What the webhook receiver answers a request to a path: a status and body, given how many requests that path had. */
export type Answer = (n: number) => { status: number; body?: string };

/** A real HTTP server on loopback that records every POST (headers, parsed JSON body) by path and answers by rules. */
export class WebhookReceiver {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly requests: Array<{ path: string; headers: IncomingHttpHeaders; json: any }>,
    private readonly rules: Map<string, Answer>,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const requests: WebhookReceiver['requests'] = [];
    const rules = new Map<string, Answer>();
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          json = null;
        }
        requests.push({ path, headers: req.headers, json });
        const n = requests.filter((r) => r.path === path).length;
        const answer = (rules.get(path) ?? (() => ({ status: 200, body: 'ok' })))(n);
        res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return new WebhookReceiver(server, `http://127.0.0.1:${port}`, requests, rules);
  }

  /** How `path` answers its n-th request (1-based). */
  on(path: string, answer: Answer): string {
    this.rules.set(path, answer);
    return `${this.url}${path}`;
  }

  to(path: string) {
    return this.requests.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
