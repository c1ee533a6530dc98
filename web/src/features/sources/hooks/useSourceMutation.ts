import { useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { sourceFieldErrors } from '../transforms/sourceErrors';

/** A source mutation with its errors by form field; resolves to the data on success, null otherwise. */
export function useSourceMutation<D, V extends AnyVariables>(doc: TypedDocumentNode<D, V>) {
  const [state, run] = useMutation(doc);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (vars: V): Promise<D | null> => {
    const res = await run(vars, { additionalTypenames: ['Source', 'SyncRun'] });
    if (res.data && !res.error) {
      setErrors({});
      return res.data;
    }
    setErrors(sourceFieldErrors(res.error));
    return null;
  };
  return { submit, errors, setErrors, busy: state.fetching };
}
