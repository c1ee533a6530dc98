import { safeMarkdownUrl } from './markdownUrl';

describe('safeMarkdownUrl', () => {
  it('keeps absolute http(s) and mailto addresses', () => {
    expect(safeMarkdownUrl('https://status.example.com/incidents/1?x=1#a')).toBe('https://status.example.com/incidents/1?x=1#a');
    expect(safeMarkdownUrl('http://wiki.internal/runbook')).toBe('http://wiki.internal/runbook');
    expect(safeMarkdownUrl('mailto:oncall@example.com')).toBe('mailto:oncall@example.com');
    expect(safeMarkdownUrl('HTTPS://EXAMPLE.COM')).toBe('HTTPS://EXAMPLE.COM');
  });

  it('drops every other scheme, relative addresses and disguised schemes', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/incidents/3',
      '//evil.example.com/x',
      '#impact',
      '',
    ]) {
      expect([url, safeMarkdownUrl(url)]).toEqual([url, '']);
    }
  });
});
