import { isLoopback } from './auth.service';

describe('isLoopback (first-run setup only from the server itself)', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('accepts %s', (a) => expect(isLoopback(a)).toBe(true));
  it.each(['10.0.0.1', '192.168.1.5', '::ffff:10.0.0.1', '', '127.0.0.1.evil', 'fe80::1'])('refuses %s', (a) =>
    expect(isLoopback(a)).toBe(false),
  );
});
