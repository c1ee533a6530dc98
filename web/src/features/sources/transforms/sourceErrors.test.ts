import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { sourceFieldErrors, toFormField } from './sourceErrors';

const err = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('source errors', () => {
  it('names the form field of an input path', () => {
    expect(toFormField('baseUrl')).toBe('baseUrl');
    expect(toFormField('input.baseUrl')).toBe('baseUrl');
    expect(toFormField('severityMap.3.from')).toBe('severityMap');
    expect(toFormField('input.timestampNames.started')).toBe('timestampNames');
  });

  it('puts BAD_USER_INPUT next to its fields and a taken name next to the name', () => {
    expect(
      sourceFieldErrors(
        err('baseUrl must be an http(s) URL; severityMap.0.from must not be blank', {
          code: 'BAD_USER_INPUT',
          fields: ['baseUrl', 'severityMap.0.from'],
        }),
      ),
    ).toEqual({
      baseUrl: 'baseUrl must be an http(s) URL; severityMap.0.from must not be blank',
      severityMap: 'baseUrl must be an http(s) URL; severityMap.0.from must not be blank',
    });
    expect(sourceFieldErrors(err('A source named PD already exists', { code: 'CONFLICT', fields: ['name'] }))).toEqual({
      name: 'A source named PD already exists',
    });
  });

  it('a stale version or an error without fields is about the whole form', () => {
    expect(sourceFieldErrors(err('stale', { code: 'CONFLICT', fields: ['expectedVersion'] }))._form).toMatch(
      /Another admin changed this source/,
    );
    expect(sourceFieldErrors(err('nope', { code: 'FORBIDDEN' }))).toEqual({ _form: 'You do not have permission to do this.' });
  });
});
