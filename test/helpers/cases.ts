import type { Facts } from '../../dialogs/schema';

/** The case constellations every checklist is walked for (issue: guided first-steps checklists). */
export const CASES: Array<{ name: string; facts: Required<Facts> }> = [
  {
    name: 'adult non-EU woman, sexual exploitation, NRW',
    facts: { danger: 'no', land: 'NW', age: '21plus', citizenship: 'non-eu', exploitation: 'sexual' },
  },
  {
    name: '16-year-old, unclear exploitation, Bayern',
    facts: { danger: 'no', land: 'BY', age: 'u18', citizenship: 'unknown', exploitation: 'unclear' },
  },
  {
    name: 'EU man, labour exploitation, Berlin',
    facts: { danger: 'no', land: 'BE', age: '21plus', citizenship: 'eu', exploitation: 'labour' },
  },
  { name: 'immediate danger', facts: { danger: 'yes', land: 'HH', age: '18-20', citizenship: 'non-eu', exploitation: 'sexual' } },
];
