import { Link } from 'react-router';
import type { RepeatLinkFieldsFragment } from '../../../gql/graphql';
import { cameBackText, daysBetween, daysEarlierText, daysLaterText } from '../transforms/repeats';

export interface RepeatLinksProps {
  startedAt: string;
  repeatOf: RepeatLinkFieldsFragment | null | undefined;
  repeatedBy: readonly RepeatLinkFieldsFragment[];
}

/** Under the title: the earlier incident this one repeats, and the later ones that repeated it (SPEC §6). The page puts a "Repeat" badge by the title. */
export function RepeatLinks({ startedAt, repeatOf, repeatedBy }: RepeatLinksProps) {
  if (!repeatOf && repeatedBy.length === 0) return null;
  return (
    <div className="repeat-links">
      {repeatOf && (
        <p className="repeat-of">
          <Link to={`/incidents/${repeatOf.id}`}>
            repeats {repeatOf.key} {repeatOf.title}
          </Link>{' '}
          <span className="muted">({daysEarlierText(daysBetween(repeatOf.startedAt, startedAt))})</span>
        </p>
      )}
      {repeatedBy.length > 0 && (
        <div className="repeated-by">
          <span className="repeated-by-label">
            <span className="badge came-back-badge">{cameBackText(repeatedBy.length)}</span>
          </span>
          <ul aria-label="Later incidents that repeated this one">
            {repeatedBy.map((r) => (
              <li key={r.id}>
                <Link to={`/incidents/${r.id}`}>
                  {r.key} {r.title}
                </Link>{' '}
                <span className="muted">({daysLaterText(daysBetween(startedAt, r.startedAt))})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
