import Markdown, { type Components } from 'react-markdown';
import { safeMarkdownUrl } from '../transforms/markdownUrl';

// A review is user input. It is sanitised by construction, not by cleaning HTML afterwards: react-markdown
// builds React elements from the Markdown syntax tree (never innerHTML), `skipHtml` drops every raw HTML
// node (a <script> or <img onerror> in the text becomes nothing), and `urlTransform` lets through only
// absolute http(s) and mailto addresses (javascript:, data: and the rest become empty links).

// The review sits under the section's h2: its headings start one level below, so the page outline holds.
const shift = { h1: 'h3', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6', h6: 'h6' } as const;

const components: Components = {
  ...Object.fromEntries(
    Object.entries(shift).map(([from, To]) => [from, ({ node: _node, ...props }: { node?: unknown }) => <To {...props} />]),
  ),
  a: ({ node: _node, href, children, ...props }) =>
    href ? (
      <a {...props} href={href} rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span className="review-dropped-link">{children}</span>
    ),
  // Images would load from anywhere on every view (a tracking pixel): offer them as links instead.
  img: ({ src, alt }) => {
    const href = typeof src === 'string' ? src : '';
    return href ? (
      <a href={href} rel="noopener noreferrer nofollow">
        {alt?.trim() || 'image'} (image)
      </a>
    ) : (
      <span>{alt}</span>
    );
  },
};

/** A review's Markdown as HTML elements; raw HTML skipped, links limited to http(s) and mailto. */
export function ReviewMarkdown({ body }: { body: string }) {
  return (
    <div className="review-body">
      <Markdown skipHtml urlTransform={safeMarkdownUrl} components={components}>
        {body}
      </Markdown>
    </div>
  );
}
