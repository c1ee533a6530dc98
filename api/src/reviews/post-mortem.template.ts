/**
 * The Markdown a review starts from (SPEC §6): one heading per part of a blameless post-mortem, each with a one-line
 * prompt. `Incident.postMortem.body` shows it until a review is saved; saving without a body stores it.
 */
export const POST_MORTEM_SECTIONS: ReadonlyArray<readonly [heading: string, prompt: string]> = [
  ['Summary', 'What happened, in two or three sentences a reader outside the team understands.'],
  ['Impact', 'Who was affected, how, and for how long (users, requests, revenue, SLOs).'],
  ['Timeline', 'Key moments in UTC: impact began, detected, acknowledged, mitigated, resolved.'],
  ['Root causes and trigger', 'Why it happened: the underlying causes and what set it off.'],
  ['Detection', 'How we found out, and how we could have found out sooner.'],
  ['What went well', 'What helped us limit the impact or recover.'],
  ['What went wrong', 'What made it worse or slowed the response.'],
  ['Where we got lucky', 'What could have made it worse but did not.'],
  ['Follow-ups', 'The action items that prevent a repeat, each with an owner and a due date.'],
];

export const POST_MORTEM_TEMPLATE = POST_MORTEM_SECTIONS.map(([heading, prompt]) => `## ${heading}\n\n_${prompt}_\n`).join('\n');
