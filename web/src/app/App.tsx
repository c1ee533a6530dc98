import { useMemo } from 'react';
import { BrowserRouter } from 'react-router';
import { Provider } from 'urql';
import { useSession } from './auth/useSession';
import { sessionClient } from './graphql/createGraphqlClient';
import { AppRoutes } from './AppRoutes';

export function App() {
  const session = useSession();
  const token = session?.token ?? null;
  // A new client (and cache) per session token.
  const client = useMemo(() => sessionClient(token), [token]);
  return (
    <Provider value={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Provider>
  );
}
