import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * Catches render errors of one page, including a page chunk that fails to load after a new deploy,
 * so the rest of the app (navigation, logout) keeps working.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const chunk = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(this.state.error.message);
    return (
      <div className="page">
        <div className="banner error" role="alert">
          {chunk ? 'This page could not be loaded — the app may have been updated.' : 'Something went wrong while showing this page.'}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
