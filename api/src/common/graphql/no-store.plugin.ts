import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every GraphQL answer says `Cache-Control: no-store`: answers are the reader's own (private incidents, tokens), so no
 * browser or proxy may keep them. Apollo's cache-control plugin said so before it was turned off (app.module.ts).
 */
export const noStorePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};
