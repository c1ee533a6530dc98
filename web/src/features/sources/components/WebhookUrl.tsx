import { useRef, useState } from 'react';

/**
 * The URL to paste into the vendor's settings, with a Copy button. Without the clipboard API (plain
 * http, old browsers) the text is selected instead so Ctrl+C copies it.
 */
export function WebhookUrl({ url, hint }: { url: string; hint: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'selected' | null>(null);
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied('selected');
    }
  };
  return (
    <div className="webhook-url">
      <label>
        <span className="small">Webhook URL</span>
        <input ref={input} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
      </label>
      <button type="button" onClick={copy}>
        Copy
      </button>
      <span className="small muted" role="status">
        {copied === 'copied' ? 'Copied.' : copied === 'selected' ? 'Selected — press Ctrl+C (⌘C) to copy.' : ''}
      </span>
      {hint && <span className="hint webhook-hint">{hint}</span>}
    </div>
  );
}
