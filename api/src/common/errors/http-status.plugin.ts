import type { ApolloServerPlugin } from '@apollo/server';

/** Answers HTTP 429 when the only errors are throttling (SPEC: throttled logins answer 429). */
export const httpStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (errors?.length && errors.every((e) => e.extensions?.code === 'TOO_MANY_REQUESTS')) {
          response.http.status = 429;
        }
      },
    };
  },
};
