import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, ValidationContext } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Limits on what one request may ask (SPEC §4): answered as 400 before anything executes. */
export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
export const MAX_COMPLEXITY = 10_000;

// report as validation errors (a 400 answer) instead of throwing, which Apollo would turn into a 500
const asValidationError = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)],
};

export const limitRules = [
  maxDepthRule({ n: MAX_DEPTH, exposeLimits: true, ...asValidationError }),
  maxAliasesRule({ n: MAX_ALIASES, exposeLimits: true, ...asValidationError }),
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
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // invalid variables: execution reports them as BAD_USER_INPUT, naming the field
            return;
          }
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
