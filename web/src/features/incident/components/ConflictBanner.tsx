import { useEffect, useRef } from 'react';

export function ConflictBanner({ reloading, onReload, onDismiss }: { reloading: boolean; onReload: () => void; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // The save button is far below the banner: bring the banner into view and to the screen reader.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'center' });
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} className="banner warning" role="alert" tabIndex={-1}>
      <strong>Someone else changed this incident after you opened it.</strong> Your change was not saved, so nothing of theirs was
      overwritten. Reload to see the current version (your unsaved edits on this page will be discarded), then make your change again.{' '}
      <button type="button" className="primary" onClick={onReload} disabled={reloading}>
        {reloading ? 'Reloading…' : 'Reload incident'}
      </button>{' '}
      <button type="button" className="link-button" onClick={onDismiss}>
        Keep my edits for now
      </button>
    </div>
  );
}
