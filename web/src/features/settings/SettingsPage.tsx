import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage } from '../../app/graphql/graphqlErrors';
import { AuditLogSettings } from './components/AuditLogSettings';
import { DigestSettings } from './components/DigestSettings';
import { LoopSettings } from './components/LoopSettings';
import { MechanismSettings } from './components/MechanismSettings';
import { ServiceSettings } from './components/ServiceSettings';
import { TaxonomySettings } from './components/TaxonomySettings';
import { TeamSettings } from './components/TeamSettings';
import { TokenSettings } from './components/TokenSettings';
import { UserSettings } from './components/UserSettings';
import { SourcesSettings } from '../sources/components/SourcesSettings';
import { SettingsQuery } from './graphql/settingsDocuments';

const tabs = [
  { value: 'taxonomy', label: 'Root-cause taxonomy' },
  { value: 'redundancy', label: 'Redundancy catalogue' },
  { value: 'teams', label: 'Teams' },
  { value: 'services', label: 'Services' },
  { value: 'loop', label: 'Reviews and repeats' },
  { value: 'digests', label: 'Digests' },
  { value: 'sources', label: 'Sources' },
  { value: 'users', label: 'Users' },
  { value: 'tokens', label: 'API tokens' },
  { value: 'audit', label: 'Audit log' },
] as const;

export function SettingsPage() {
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((t) => t.value === params.get('tab'))?.value ?? 'taxonomy';
  const [result] = useQuery({ query: SettingsQuery });
  const d = result.data;
  return (
    <div className="page">
      <h1>Settings</h1>
      <div className="tabs" role="tablist" aria-label="Settings sections">
        {tabs.map((t) => (
          <button
            key={t.value}
            type="button"
            role="tab"
            id={`tab-${t.value}`}
            aria-selected={tab === t.value}
            aria-controls="settings-panel"
            onClick={() => setParams({ tab: t.value }, { replace: true })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section className="card" role="tabpanel" id="settings-panel" aria-labelledby={`tab-${tab}`}>
        {result.error && <div className="banner error">{errorMessage(result.error)}</div>}
        {!d && !result.error && <div role="status">Loading…</div>}
        {d && tab === 'taxonomy' && <TaxonomySettings causes={d.rootCauses} />}
        {d && tab === 'redundancy' && <MechanismSettings mechanisms={d.redundancyMechanisms} />}
        {d && tab === 'teams' && <TeamSettings teams={d.teams} />}
        {d && tab === 'services' && <ServiceSettings services={d.services} teams={d.teams} mechanisms={d.redundancyMechanisms} />}
        {tab === 'loop' && <LoopSettings />}
        {tab === 'digests' && <DigestSettings />}
        {tab === 'sources' && <SourcesSettings />}
        {tab === 'users' && <UserSettings teams={d?.teams ?? []} />}
        {tab === 'tokens' && <TokenSettings />}
        {tab === 'audit' && <AuditLogSettings />}
      </section>
    </div>
  );
}
