import { useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { errorMessage, fieldErrors, hasErrorCode } from '../../../app/graphql/graphqlErrors';

/**
 * A mutation with field errors for its form; resolves to the data on success, null otherwise. `stale` is set
 * when the server refused the edit because the record changed since it was read (CONFLICT on expectedVersion).
 */
export function useSettingsMutation<D, V extends AnyVariables>(doc: TypedDocumentNode<D, V>, typenames: string[]) {
  const [state, run] = useMutation(doc);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  const submit = async (vars: V): Promise<D | null> => {
    const res = await run(vars, { additionalTypenames: typenames });
    if (res.data && !res.error) {
      setErrors({});
      setStale(false);
      return res.data;
    }
    const fe = fieldErrors(res.error);
    const conflict = hasErrorCode(res.error, 'CONFLICT');
    const conflictFields = (res.error?.graphQLErrors[0]?.extensions?.fields as string[] | undefined) ?? [];
    setStale(conflict && conflictFields.includes('expectedVersion'));
    if (conflict && conflictFields.length === 1 && conflictFields[0] !== 'expectedVersion') {
      setErrors({ [conflictFields[0]]: errorMessage(res.error) }); // e.g. a name or email already taken
    } else {
      setErrors(Object.keys(fe).length ? fe : { _form: errorMessage(res.error) });
    }
    return null;
  };
  return { submit, errors, stale, busy: state.fetching };
}
