import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { apiFetch, saveResponseAsFile } from '../../app/graphql/apiFetch';
import { HeadlineCards } from '../overview/components/HeadlineCards';
import { useHeadlineNumbers } from '../overview/hooks/useHeadlineNumbers';
import { formatPeriodEnd } from '../overview/transforms/formatPeriod';
import { periodLabel, quarterOf, quarterRange, recentQuarters } from './transforms/quarters';
import './reports.css';

const formats = [
  { value: 'pdf', label: 'PDF (with charts)' },
  { value: 'md', label: 'Markdown' },
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON' },
] as const;

export function ReportsPage() {
  const [now] = useState(() => new Date());
  const [params, setParams] = useSearchParams();
  const quarters = recentQuarters(now, 8);
  // The last complete quarter is the usual report; the running one is offered too.
  const selected = quarterRange(params.get('quarter') ?? '') ? (params.get('quarter') as string) : quarters[1];
  const range = quarterRange(selected)!;
  // The same filter as the report: the API ends a running quarter now and compares it with the whole quarter before.
  const headline = useHeadlineNumbers({ from: range.from, to: range.to });
  const runningTo =
    headline.periodEnd && Date.parse(headline.periodEnd) < Date.parse(range.to) ? formatPeriodEnd(headline.periodEnd) : null;
  const previous = headline.previousPeriod ? periodLabel(headline.previousPeriod.start, headline.previousPeriod.end) : null;
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const download = async (format: string) => {
    setBusy(format);
    setStatus(null);
    try {
      const res = await apiFetch(`/api/reports/quarterly?quarter=${encodeURIComponent(selected)}&format=${format}`);
      if (res.status === 404) setStatus({ kind: 'info', text: 'The report capability isn’t available on this server yet.' });
      else if (res.status === 403) setStatus({ kind: 'error', text: 'You do not have permission to download reports.' });
      else if (!res.ok) setStatus({ kind: 'error', text: `The report could not be generated (HTTP ${res.status}).` });
      else {
        await saveResponseAsFile(res, `hindsight-${selected}.${format}`);
        setStatus({ kind: 'info', text: `Downloaded the ${selected} report (${format.toUpperCase()}).` });
      }
    } catch {
      setStatus({ kind: 'error', text: 'The server could not be reached.' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>Quarterly reliability report</h1>
        <p className="muted">
          Headline numbers, MTTR trend, cause Pareto, redundancy gaps, availability per service, the largest incidents, action-item progress
          and the metric definitions.
        </p>
      </div>
      <div className="filter-bar">
        <label>
          Quarter
          <select
            value={selected}
            onChange={(e) =>
              setParams(
                (p) => {
                  const n = new URLSearchParams(p);
                  n.set('quarter', e.target.value);
                  return n;
                },
                { replace: true },
              )
            }
          >
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
                {q === quarterOf(now) ? ' (in progress)' : ''}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {previous && `compared with ${previous}`}
          {runningTo && ` (this quarter is still running: its numbers run until ${runningTo}, availability over the time elapsed)`}
        </span>
      </div>
      <h2>Preview</h2>
      <HeadlineCards numbers={headline.numbers} loading={headline.fetching} error={headline.error} onRetry={headline.onRetry} />
      {headline.definitionList && (
        <details className="report-definitions">
          <summary>Metric definitions ({headline.definitionList.length}), as the report prints them</summary>
          <dl>
            {headline.definitionList.map((d) => (
              <div key={d.key}>
                <dt>{d.name}</dt>
                <dd>
                  {d.formula} <span className="muted">({d.unit})</span>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      <h2>Download</h2>
      <div className="button-row">
        {formats.map((f) => (
          <button key={f.value} type="button" onClick={() => download(f.value)} disabled={busy !== null}>
            {busy === f.value ? 'Preparing…' : `Download ${f.label}`}
          </button>
        ))}
      </div>
      {status && (
        <p className={`banner ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
