import { useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { errorMessage, fieldErrors } from '../../../app/graphql/graphqlErrors';

/** A mutation with field errors for its form; resolves to the data on success, null otherwise. */
export function useSettingsMutation<D, V extends AnyVariables>(doc: TypedDocumentNode<D, V>, typenames: string[]) {
  const [state, run] = useMutation(doc);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (vars: V): Promise<D | null> => {
    const res = await run(vars, { additionalTypenames: typenames });
    if (res.data && !res.error) {
      setErrors({});
      return res.data;
    }
    const fe = fieldErrors(res.error);
    setErrors(Object.keys(fe).length ? fe : { _form: errorMessage(res.error) });
    return null;
  };
  return { submit, errors, busy: state.fetching };
}
