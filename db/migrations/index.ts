import { InitialSchema1764547200000 } from './1764547200000-InitialSchema';
import { DefaultTaxonomy1764547200001 } from './1764547200001-DefaultTaxonomy';
import { OidcLoginState1764547200100 } from './1764547200100-OidcLoginState';
import { UserTeamVersions1764547200200 } from './1764547200200-UserTeamVersions';
import { MetricRollups1764547200300 } from './1764547200300-MetricRollups';
import { AuthHardening1764547200400 } from './1764547200400-AuthHardening';
import { Sources1764547200500 } from './1764547200500-Sources';
import { MetricLayout1764547200600 } from './1764547200600-MetricLayout';
import { LoopSettings1764547200700 } from './1764547200700-LoopSettings';
import { PostMortems1764547200710 } from './1764547200710-PostMortems';
import { RepeatIndexes1764547200720 } from './1764547200720-RepeatIndexes';
import { Digests1764547200730 } from './1764547200730-Digests';
import { RepeatKeyDimensions1764547200740 } from './1764547200740-RepeatKeyDimensions';
import { DigestSecrets1764547200750 } from './1764547200750-DigestSecrets';
import { RepeatKeyRefreshChanges1764547200760 } from './1764547200760-RepeatKeyRefreshChanges';
import { RepeatPredecessors1764547200770 } from './1764547200770-RepeatPredecessors';

/** Every migration, in order. The app, the tests and the embedded default all run this list. */
export const migrations = [
  InitialSchema1764547200000,
  DefaultTaxonomy1764547200001,
  OidcLoginState1764547200100,
  UserTeamVersions1764547200200,
  MetricRollups1764547200300,
  AuthHardening1764547200400,
  Sources1764547200500,
  MetricLayout1764547200600,
  LoopSettings1764547200700,
  PostMortems1764547200710,
  RepeatIndexes1764547200720,
  Digests1764547200730,
  RepeatKeyDimensions1764547200740,
  DigestSecrets1764547200750,
  RepeatKeyRefreshChanges1764547200760,
  RepeatPredecessors1764547200770,
];
