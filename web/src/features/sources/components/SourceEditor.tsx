import { useState } from 'react';
import type { SourceFieldsFragment } from '../../../gql/graphql';
import { CreateSourceMutation, TestSourceConnectionMutation, UpdateSourceMutation } from '../graphql/sourceDocuments';
import { useSourceMutation } from '../hooks/useSourceMutation';
import {
  emptySourceForm,
  isFormChanged,
  toCreateSourceInput,
  toSourceForm,
  toUpdateSourceInput,
  validateSourceForm,
  type SourceFormValues,
  type SourceKindDefaults,
} from '../transforms/sourceForm';
import { SourceForm } from './SourceForm';

export interface SourceEditorProps {
  /** The source to edit; without it, a new one is added. */
  source?: SourceFieldsFragment;
  teams: readonly { id: string; name: string }[];
  /** The API's defaults per kind (sourceKinds), which a new source starts with. */
  kinds: readonly SourceKindDefaults[];
  onDone: (saved: SourceFieldsFragment | null) => void;
}

/** The source form wired to createSource / updateSource and testSourceConnection. */
export function SourceEditor({ source, teams, kinds, onDone }: SourceEditorProps) {
  const [opened] = useState<SourceFormValues>(() =>
    source ? toSourceForm(source) : emptySourceForm(kinds, 'PAGERDUTY', new Date(), teams[0]?.id ?? ''),
  );
  const [values, setValues] = useState(opened);
  const create = useSourceMutation(CreateSourceMutation);
  const update = useSourceMutation(UpdateSourceMutation);
  const tester = useSourceMutation(TestSourceConnectionMutation);
  const [test, setTest] = useState<{ ok: boolean; message: string } | null>(null);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const saving = source ? update : create;

  const onChange = (next: SourceFormValues) => {
    setValues(next);
    if (next.kind !== values.kind || next.baseUrl !== values.baseUrl || next.token !== values.token) setTest(null);
  };

  const onSubmit = async () => {
    const problems = validateSourceForm(values, {
      editing: !!source,
      hasToken: source?.hasToken,
      hasWebhookSecret: source?.hasWebhookSecret,
    });
    setChecked(problems);
    saving.setErrors({});
    tester.setErrors({});
    if (Object.keys(problems).length) return;
    if (source) {
      if (!isFormChanged(opened, values)) return onDone(null);
      const data = await update.submit({
        id: source.id,
        input: { ...toUpdateSourceInput(opened, values), expectedVersion: source.version },
      });
      if (data) onDone(data.updateSource);
    } else {
      const data = await create.submit({ input: toCreateSourceInput(values) });
      if (data) onDone(data.createSource);
    }
  };

  const onTest = async () => {
    setTest(null);
    tester.setErrors({});
    const baseUrl = values.baseUrl.trim() || undefined;
    const token = values.token || undefined;
    const data = source
      ? await tester.submit({ id: source.id, input: { baseUrl, token } })
      : await tester.submit({ input: { kind: values.kind, baseUrl, token } });
    if (data) setTest(data.testSourceConnection);
  };

  // Server errors replace the browser's checks once the server has answered.
  const serverErrors = { ...tester.errors, ...saving.errors };
  const errors = Object.keys(serverErrors).length ? serverErrors : checked;
  return (
    <SourceForm
      values={values}
      errors={errors}
      teams={teams}
      kinds={kinds}
      saved={source ? { hasToken: source.hasToken, hasWebhookSecret: source.hasWebhookSecret } : null}
      busy={saving.busy}
      submitLabel={source ? 'Save changes' : 'Add source'}
      test={test}
      testing={tester.busy}
      onChange={onChange}
      onSubmit={onSubmit}
      onTest={onTest}
      onCancel={() => onDone(null)}
    />
  );
}
