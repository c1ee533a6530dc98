import { Severity } from '../incidents/incident.enums';
import { DigestContent, emailHtml, emailText, overviewLink, slackMessage } from './digest-content';

const content = (over: Partial<DigestContent> = {}): DigestContent => ({
  title: 'Ops <weekly> & more: reliability 2026-11-30 to 2026-12-06',
  period: '2026-11-30 to 2026-12-06',
  previousPeriod: '2026-11-23 to 2026-11-29',
  headline: [
    ['Incidents', '3', '1', '+2 (+200.0 %)'],
    ['Downtime (sum)', '2.50 h', '1.00 h', '+1.50 h (+150.0 %)'],
  ],
  changes: ['Incidents rose from 1 to 3 (+200 %).'],
  fixNext: [{ kind: 'CAUSE', title: 'Bad <deploy>', detail: '1.50 h of downtime over 1 incident (33 % of incidents)' }],
  link: 'https://h.example.com/?period=custom&from=2026-11-30&to=2026-12-06',
  ...over,
});

describe('digest content', () => {
  it('links to the overview with the period (first and last day) and the filter in the web app’s parameters', () => {
    const link = overviewLink('https://h.example.com/', new Date('2026-11-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), {
      teamIds: ['3', '4'],
      severities: [Severity.SEV1],
      serviceIds: [],
      rootCauseIds: ['9'],
    });
    expect(link).toBe('https://h.example.com/?period=custom&from=2026-11-01&to=2026-11-30&team=3%2C4&severity=SEV1&cause=9');
  });

  it('a Slack message: text, then header, three sections and a context with the link; mrkdwn escaped, the header plain', () => {
    const m = slackMessage(content());
    expect(m.text).toBe(
      'Ops <weekly> & more: reliability 2026-11-30 to 2026-12-06: Incidents 3 (+2 (+200.0 %) vs 2026-11-23 to 2026-11-29)',
    );
    expect(m.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Ops <weekly> & more: reliability 2026-11-30 to 2026-12-06' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Headline numbers* (2026-11-30 to 2026-12-06 vs 2026-11-23 to 2026-11-29)\n• Incidents: *3* (+2 (+200.0 %))\n• Downtime (sum): *2.50 h* (+1.50 h (+150.0 %))',
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: '*What changed most*\n• Incidents rose from 1 to 3 (+200 %).' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*What to fix next*\n• *Bad &lt;deploy&gt;*: 1.50 h of downtime over 1 incident (33 % of incidents)',
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: '<https://h.example.com/?period=custom&from=2026-11-30&to=2026-12-06|Open the overview> · 2026-11-30 to 2026-12-06 (UTC)',
          },
        ],
      },
    ]);
  });

  it('keeps Slack’s limits: a header of at most 150 characters, sections of at most 3000', () => {
    const long = slackMessage(
      content({ title: 'x'.repeat(400), changes: Array.from({ length: 500 }, (_, i) => `Change ${i} is long enough.`) }),
    );
    expect((long.blocks[0] as { text: { text: string } }).text.text).toHaveLength(150);
    expect((long.blocks[2] as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000);
  });

  it('the email: the same lines in text, and HTML with the user text escaped', () => {
    const text = emailText(content({ fixNext: [] }));
    expect(text).toContain('- Incidents: 3 (previous 1; change +2 (+200.0 %))');
    expect(text).toContain('What to fix next\n- Nothing stands out.');
    const html = emailHtml(content());
    expect(html).toContain('Ops &#60;weekly&#62; &#38; more');
    expect(html).toContain('<b>Bad &#60;deploy&#62;</b>');
    expect(html).not.toContain('<deploy>');
  });
});
