import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { ASTVisitor, DocumentNode, GraphQLError, GraphQLSchema, Kind, SelectionSetNode, ValidationContext } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Limits on what one request may ask (SPEC §4): answered as 400 before anything executes. */
export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
export const MAX_COMPLEXITY = 10_000;
/**
 * Lexer tokens one GraphQL document may hold; the parser stops there, before a huge document
 * (say megabytes of `...F` spreads) can hold the event loop. The web app's largest operation has
 * under 200 tokens (the test measures every one); scripts get room to spare.
 */
export const MAX_TOKENS = 5_000;

// report as validation errors (a 400 answer) instead of throwing, which Apollo would turn into a 500
const asValidationError = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)],
};

/** Whether a selection (through fragments) asks for `previous` itself. */
function selectsPrevious(ctx: ValidationContext, set: SelectionSetNode, seen = new Set<string>()): boolean {
  return set.selections.some((sel) => {
    if (sel.kind === Kind.FIELD) return sel.name.value === 'previous';
    if (sel.kind === Kind.INLINE_FRAGMENT) return selectsPrevious(ctx, sel.selectionSet, seen);
    const fragment = seen.has(sel.name.value) ? undefined : ctx.getFragment(sel.name.value);
    seen.add(sel.name.value);
    return !!fragment && selectsPrevious(ctx, fragment.selectionSet, seen);
  });
}

/**
 * `ReliabilityMetrics.previous` answers one period back and no further: asking for the previous of
 * the previous (which could chain a whole metrics computation per level) is a validation error.
 * One type serves both, so a client's fragment on ReliabilityMetrics works for `previous` too;
 * an earlier period is asked for with its own filter.
 */
export const previousNotNestedRule = (ctx: ValidationContext): ASTVisitor => ({
  Field(node) {
    if (node.name.value !== 'previous' || ctx.getParentType()?.name !== 'ReliabilityMetrics' || !node.selectionSet) return;
    if (selectsPrevious(ctx, node.selectionSet)) {
      ctx.reportError(
        new GraphQLError('previous cannot be nested inside previous; ask for an earlier period with its own filter', { nodes: node }),
      );
    }
  },
});

export const limitRules = [
  maxDepthRule({ n: MAX_DEPTH, exposeLimits: true, ...asValidationError }),
  maxAliasesRule({ n: MAX_ALIASES, exposeLimits: true, ...asValidationError }),
  previousNotNestedRule,
];

/** Cost of a list field: its children once per requested item (`first`, default 25). */
export const perItem =
  (defaultSize = 25) =>
  ({ args, childComplexity }: { args: Record<string, any>; childComplexity: number }) =>
    1 + childComplexity * Math.max(1, Math.min(Number(args.first ?? defaultSize), 10_000));

/** The cost of an operation under the model above (throws on invalid variables). */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    operationName,
    query: document,
    variables,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

export function complexityPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = queryCost(schema, document, request.variables, request.operationName);
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
