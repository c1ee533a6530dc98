import { severityColors } from '../../charts/theme';

export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span className="badge severity" style={{ borderColor: severityColors[severity] ?? '#6b7280' }}>
      <span className="swatch" style={{ background: severityColors[severity] ?? '#6b7280' }} aria-hidden="true" />
      {severity}
    </span>
  );
}
