import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../../../app/graphql/graphqlErrors';
import { useFilterOptions } from '../../filters/hooks/useFilterOptions';
import { CreateDigestMutation, DigestsQuery } from '../graphql/digestDocuments';
import { digestFieldErrors, emptyDigestForm, toCreateDigestInput, validateDigestForm, type DigestFormValues } from '../transforms/digests';
import { DigestForm } from './DigestForm';
import { DigestItem } from './DigestItem';
import './DigestSettings.css';

/** Settings → Digests (SPEC §6): the review sent by email or webhook on a schedule; admins only, as the page. */
export function DigestSettings() {
  const [result, reexecute] = useQuery({ query: DigestsQuery });
  const { teams, services, rootCauses, sources, error: optionsError } = useFilterOptions();
  const known = { teams, services, rootCauses, sources };
  const [create, runCreate] = useMutation(CreateDigestMutation);
  const [adding, setAdding] = useState(false);
  const [values, setValues] = useState<DigestFormValues>(emptyDigestForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const digests = result.data?.digests ?? [];

  const submit = async () => {
    const found = validateDigestForm(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    const res = await runCreate({ input: toCreateDigestInput(values) }, { additionalTypenames: ['Digest'] });
    if (res.error || !res.data) {
      setErrors(digestFieldErrors(res.error));
      return;
    }
    // An empty list names no typename, so the cache cannot know the new digest belongs in it: ask again.
    reexecute({ requestPolicy: 'network-only' });
    setAdding(false);
    setValues(emptyDigestForm());
    setNotice(`Created ${res.data.createDigest.name}. Press Send now to try it, or wait for its schedule.`);
  };

  return (
    <div className="digest-settings">
      <h2 className="visually-hidden">Digests</h2>
      <p className="muted">
        A digest sends the review of the last complete week, month or quarter to where people read: by email (the headline numbers, with the
        report PDF attached) or to a Slack-compatible webhook (the headline numbers, the biggest changes and what to fix next).
      </p>
      {result.error && <div className="banner error">{errorMessage(result.error)}</div>}
      {optionsError && <div className="banner error">Team and service names could not be loaded: {errorMessage(optionsError)}</div>}
      {!result.data && !result.error && <div role="status">Loading…</div>}
      {notice && (
        <p className="banner success" role="status">
          {notice}
        </p>
      )}
      {result.data && digests.length === 0 && !adding && <p>No digests yet.</p>}
      <ul className="digest-list">
        {digests.map((d) => (
          <li key={d.id}>
            <DigestItem
              digest={d}
              known={known}
              onDeliveryFinished={() => reexecute({ requestPolicy: 'network-only' })}
              onDeleted={(name) => {
                setNotice(`Deleted ${name}.`);
                reexecute({ requestPolicy: 'network-only' });
              }}
            />
          </li>
        ))}
      </ul>
      {adding ? (
        <section className="digest-add" aria-labelledby="add-digest-h">
          <h3 id="add-digest-h">New digest</h3>
          <DigestForm
            values={values}
            errors={errors}
            known={known}
            busy={create.fetching}
            onChange={setValues}
            onSubmit={submit}
            onCancel={() => {
              setAdding(false);
              setErrors({});
            }}
          />
        </section>
      ) : (
        result.data && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
          >
            New digest
          </button>
        )
      )}
    </div>
  );
}
