import { DigestChannel, DigestRow, maskWebhookUrl, toDigest } from './digest.model';

describe('maskWebhookUrl', () => {
  it('keeps the scheme and host (with the port) and the last 4 characters of a long rest', () => {
    expect(maskWebhookUrl('https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnopqrstWXYZ')).toBe('https://hooks.slack.com/…WXYZ');
    expect(maskWebhookUrl('http://127.0.0.1:8080/services/T0/B0/secret-Q1')).toBe('http://127.0.0.1:8080/…t-Q1');
    expect(maskWebhookUrl('https://example.com/hook?token=abcdefgh1234')).toBe('https://example.com/…1234');
  });

  it('shows none of a rest shorter than 16 characters (its last 4 would give much of it away)', () => {
    expect(maskWebhookUrl('https://example.com/hook/abc')).toBe('https://example.com/…');
    expect(maskWebhookUrl('https://example.com')).toBe('https://example.com/…');
    expect(maskWebhookUrl('HTTPS://Hooks.Example.COM:443/services/T0000/B0000/abcdWXYZ')).toBe('https://hooks.example.com/…WXYZ');
  });

  it('shows a row stored plain (before sealing) masked, and an email digest as it is', () => {
    const row: DigestRow = {
      id: 1,
      name: 'n',
      schedule: 'WEEKLY',
      channel: DigestChannel.WEBHOOK,
      target: 'https://hooks.slack.com/services/T0000/B0000/abcdefghWXYZ',
      target_sealed: null,
      filter: {},
      created_by: 1,
      created_at: new Date(0),
      next_run_at: new Date(0),
    };
    expect(toDigest(row).target).toBe('https://hooks.slack.com/…WXYZ');
    expect(toDigest({ ...row, target: 'https://hooks.slack.com/…WXYZ', target_sealed: 'v1:a:b:c' }).target).toBe(
      'https://hooks.slack.com/…WXYZ',
    );
    expect(toDigest({ ...row, channel: DigestChannel.EMAIL, target: 'a@example.com, b@example.com' }).target).toBe(
      'a@example.com, b@example.com',
    );
  });
});
