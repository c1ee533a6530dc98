/** Schemes a link in a review may use; everything else (javascript:, data:, relative paths, …) is dropped. */
const allowed = new Set(['http:', 'https:', 'mailto:']);

/**
 * A review's link or image address as react-markdown passes it (`urlTransform`): kept when it is an absolute
 * http(s) or mailto URL, otherwise '' (the link stays as text, it does not go anywhere).
 */
export function safeMarkdownUrl(url: string): string {
  const trimmed = url.trim();
  // browsers ignore tabs and newlines inside a scheme ("java\tscript:"): refuse any control character
  // eslint-disable-next-line no-control-regex
  if (!trimmed || /[\u0000-\u001f\u007f]/.test(trimmed)) return '';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return '';
  }
  return allowed.has(parsed.protocol) ? trimmed : '';
}
