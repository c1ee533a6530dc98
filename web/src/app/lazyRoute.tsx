import { lazy, type ComponentType } from 'react';

export interface LazyRoute<P extends object> {
  Page: ComponentType<P>;
  /** Starts loading the page's chunk (once); resolves when it is loaded. */
  preload: () => Promise<unknown>;
}

/**
 * A page in its own chunk, like `React.lazy`, that can be loaded before it is rendered. Once loaded it renders at once:
 * `React.lazy` would still suspend on its first render, and React holds back the content that replaces a fallback
 * for up to 300 ms after the fallback showed, which on the overview delayed its first requests by about 0.2 s.
 */
export function lazyRoute<P extends object>(load: () => Promise<ComponentType<P>>): LazyRoute<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (page) => (loaded = page),
      (err: unknown) => {
        loading = undefined; // a failed chunk is asked for again on the next try
        throw err;
      },
    ));
  const Lazy = lazy(() => preload().then((page) => ({ default: page })));
  function Page(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Page, preload };
}
