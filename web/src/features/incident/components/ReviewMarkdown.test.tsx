import { render, screen } from '@testing-library/react';
import { ReviewMarkdown } from './ReviewMarkdown';

describe('ReviewMarkdown', () => {
  it('renders Markdown with headings one level under the section’s', () => {
    const { container } = render(
      <ReviewMarkdown
        body={'# Review\n\n## Impact\n\n- 12 % of checkouts failed\n\n**Bold** and [runbook](https://wiki.example.com/rb)'}
      />,
    );
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Review', 'Impact']);
    expect(screen.getByRole('listitem')).toHaveTextContent('12 % of checkouts failed');
    expect(container.querySelector('strong')).toHaveTextContent('Bold');
    const link = screen.getByRole('link', { name: 'runbook' });
    expect(link).toHaveAttribute('href', 'https://wiki.example.com/rb');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  });

  it('drops raw HTML: no script, no event handler, no iframe', () => {
    const body = [
      'Before',
      '',
      '<script>window.__pwned = true</script>',
      '',
      '<img src="x" onerror="window.__pwned = true">',
      '',
      '<iframe src="https://evil.example.com"></iframe>',
      '',
      'After <b onmouseover="alert(1)">inline</b> text',
    ].join('\n');
    const { container } = render(<ReviewMarkdown body={body} />);
    expect(container.querySelector('script, iframe, img, b, [onerror], [onmouseover]')).toBeNull();
    expect(container.textContent).toContain('Before');
    expect(container.textContent).toContain('After');
    expect(container.textContent).not.toContain('__pwned');
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('keeps http(s) and mailto links and turns the rest into plain text', () => {
    const { container } = render(
      <ReviewMarkdown
        body={'[a](javascript:alert(1)) [b](data:text/html,x) [c](mailto:oncall@example.com) [d](/incidents/3) <javascript:alert(2)>'}
      />,
    );
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['mailto:oncall@example.com']);
    // the words stay, as text; an autolink's address is its text
    expect(container.textContent).toBe('a b c d javascript:alert(2)');
    expect(container.querySelector('[href*="javascript"], [src]')).toBeNull();
  });

  it('shows images as links instead of loading them', () => {
    const { container } = render(<ReviewMarkdown body={'![error graph](https://grafana.example.com/g.png) ![x](javascript:alert(1))'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: 'error graph (image)' })).toHaveAttribute('href', 'https://grafana.example.com/g.png');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
