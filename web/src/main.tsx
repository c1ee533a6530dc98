import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadRoute } from './app/AppRoutes';
import { consumeSsoToken } from './app/auth/consumeSsoToken';
import { readSession } from './app/auth/sessionStore';
import { sessionClient } from './app/graphql/createGraphqlClient';
import { filterOptionsVariables } from './features/filters/graphql/FilterOptionsQuery';
import { prefetchOverview } from './features/overview/graphql/prefetchOverview';
import './app/styles.css';

await consumeSsoToken();

// A signed-in visit to the overview asks for its numbers while its chunk loads, and renders once the chunk is here.
const session = readSession();
if (session && window.location.pathname === '/') {
  prefetchOverview(sessionClient(session.token), window.location.search, filterOptionsVariables(session.user));
  await preloadRoute(window.location.pathname);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
