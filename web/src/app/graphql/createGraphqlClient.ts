import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { clearSession, readToken } from '../auth/sessionStore';
import { errorCodes } from './graphqlErrors';

let last: { token: string | null; client: Client } | null = null;

/**
 * The client of the session with `token`: the same one for the same token, so requests started before the first render
 * (main.tsx) land in the cache the page then reads.
 */
export function sessionClient(token: string | null): Client {
  if (last?.token !== token) last = { token, client: createGraphqlClient() };
  return last.client;
}

/** One client per session: logging in as someone else starts with an empty cache. */
export function createGraphqlClient(): Client {
  return new Client({
    url: '/graphql',
    // Apollo's CSRF prevention rejects plain GET queries.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: (): RequestInit => {
      const token = readToken();
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          if (errorCodes(error).includes('UNAUTHENTICATED')) clearSession();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
