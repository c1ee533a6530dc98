import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { errorMessage, fieldErrors, hasErrorCode } from './graphqlErrors';

describe('graphqlErrors', () => {
  it('maps BAD_USER_INPUT fields to messages', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('detectedAt must not be before startedAt', {
          extensions: { code: 'BAD_USER_INPUT', fields: ['input.startedAt', 'detectedAt'] },
        }),
      ],
    });
    expect(fieldErrors(error)).toEqual({
      startedAt: 'detectedAt must not be before startedAt',
      detectedAt: 'detectedAt must not be before startedAt',
    });
  });
  it('recognises a conflict', () => {
    const error = new CombinedError({ graphQLErrors: [new GraphQLError('stale', { extensions: { code: 'CONFLICT' } })] });
    expect(hasErrorCode(error, 'CONFLICT')).toBe(true);
    expect(errorMessage(error)).toBe('stale');
  });
});
