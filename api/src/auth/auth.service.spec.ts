import { isLoopback, isLoopbackHost } from './auth.service';

describe('isLoopback (first-run setup only from the server itself)', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('accepts %s', (a) => expect(isLoopback(a)).toBe(true));
  it.each(['10.0.0.1', '192.168.1.5', '::ffff:10.0.0.1', '', '127.0.0.1.evil', 'fe80::1'])('refuses %s', (a) =>
    expect(isLoopback(a)).toBe(false),
  );
});

describe('isLoopbackHost (the Host header of a setup request names this machine)', () => {
  it.each(['localhost', 'localhost:3000', 'LOCALHOST:8080', '127.0.0.1', '127.0.0.1:3000', '[::1]', '[::1]:3000'])('accepts %s', (h) =>
    expect(isLoopbackHost(h)).toBe(true),
  );
  it.each([
    undefined,
    '',
    'evil.example.com',
    'localhost.evil.example.com',
    '127.0.0.1.nip.io',
    'localhost:3000@evil',
    '::1',
    '[::1].evil',
  ])('refuses %s', (h) => expect(isLoopbackHost(h)).toBe(false));
});
