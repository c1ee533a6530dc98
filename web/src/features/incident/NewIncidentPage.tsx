import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../app/auth/useSession';
import { errorMessage, fieldErrors } from '../../app/graphql/graphqlErrors';
import { IncidentDetailsForm } from './components/IncidentDetailsForm';
import { CreateIncidentMutation, IncidentReferenceQuery } from './graphql/incidentDocuments';
import { emptyFormValues, toCreateInput, validateIncidentForm, type IncidentFormValues } from './transforms/incidentForm';

export function NewIncidentPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [reference] = useQuery({ query: IncidentReferenceQuery, requestPolicy: 'cache-first' });
  const [values, setValues] = useState<IncidentFormValues>(() => emptyFormValues(session?.user.teams[0]?.id ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, create] = useMutation(CreateIncidentMutation);

  const onSubmit = async (v: IncidentFormValues) => {
    const clientErrors = validateIncidentForm(v);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) return;
    const res = await create({ input: toCreateInput(v) });
    if (res.data?.createIncident) {
      navigate(`/incidents/${res.data.createIncident.id}`);
      return;
    }
    const fe = fieldErrors(res.error);
    setErrors(Object.keys(fe).length ? fe : { _form: errorMessage(res.error) });
  };

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/incidents">Incidents</Link> › New
      </nav>
      <h1>Record an incident</h1>
      {reference.error && (
        <div className="banner error" role="alert">
          {errorMessage(reference.error)}
        </div>
      )}
      <section className="card">
        <IncidentDetailsForm
          values={values}
          errors={errors}
          services={reference.data?.services ?? []}
          teams={reference.data?.teams ?? []}
          saving={state.fetching}
          submitLabel="Create incident"
          onChange={setValues}
          onSubmit={onSubmit}
        />
      </section>
    </div>
  );
}
