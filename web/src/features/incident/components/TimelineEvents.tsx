import { useState, type FormEvent } from 'react';
import { FormField } from '../../../app/ui/FormField';
import { Timestamp } from '../../../app/ui/Timestamp';
import { fromLocalInput, toLocalInput } from '../transforms/incidentForm';

export interface TimelineEventsProps {
  events: readonly { id: string; at: string; kind: string; message: string; author?: string | null }[];
  canEdit: boolean;
  busy: boolean;
  errors: Record<string, string>;
  onAdd: (at: string, kind: string, message: string) => Promise<boolean>;
}

const kinds = ['NOTE', 'DETECTION', 'ESCALATION', 'MITIGATION', 'UPDATE'];

export function TimelineEvents({ events, canEdit, busy, errors, onAdd }: TimelineEventsProps) {
  const [at, setAt] = useState(() => toLocalInput(new Date().toISOString()));
  const [kind, setKind] = useState('NOTE');
  const [message, setMessage] = useState('');
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const iso = fromLocalInput(at);
    if (!iso || !message.trim()) return;
    if (await onAdd(iso, kind, message.trim())) setMessage('');
  };
  return (
    <div className="timeline-events">
      {sorted.length === 0 ? (
        <p className="muted">No timeline events yet.</p>
      ) : (
        <ol className="event-list">
          {sorted.map((ev) => (
            <li key={ev.id}>
              <Timestamp value={ev.at} /> <span className="badge">{ev.kind.toLowerCase()}</span> {ev.message}
              {ev.author && <span className="muted small"> — {ev.author}</span>}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <form className="inline-form" onSubmit={submit}>
          <FormField label="When (your time zone)" error={errors.at}>
            <input type="datetime-local" step={1} value={at} onChange={(e) => setAt(e.target.value)} required />
          </FormField>
          <FormField label="Kind" error={errors.kind}>
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {k.toLowerCase()}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="What happened" error={errors.message} className="grow">
            <input type="text" value={message} onChange={(e) => setMessage(e.target.value)} required />
          </FormField>
          <button type="submit" disabled={busy || !message.trim()}>
            Add event
          </button>
        </form>
      )}
    </div>
  );
}
