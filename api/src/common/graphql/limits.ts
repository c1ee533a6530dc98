import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Limits on what one request may ask (SPEC §4): answered as 400 before anything executes. */
export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
export const MAX_COMPLEXITY = 10_000;

export const limitRules = [
  maxDepthRule({ n: MAX_DEPTH, exposeLimits: true }),
  maxAliasesRule({ n: MAX_ALIASES, exposeLimits: true }),
];

/** Cost of a list field: its children once per requested item (`first`, default 25). */
export const perItem =
  (defaultSize = 25) =>
  ({ args, childComplexity }: { args: Record<string, any>; childComplexity: number }) =>
    1 + childComplexity * Math.max(1, Math.min(Number(args.first ?? defaultSize), 10_000));

export function complexityPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > MAX_COMPLEXITY) {
            throw new GraphQLError(`Query is too costly: ${complexity} exceeds the limit of ${MAX_COMPLEXITY}`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

