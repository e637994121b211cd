import { phonesOf, placeOf, shortName, type Directory, type DirectoryEntry } from '../../dialogs/directory';
import type { Filter, LandInfo } from '../../dialogs/directoryQuery';
import type { DirectorySelection } from '../../dialogs/directorySelect';
import { checkNote, entryLine, entryProfile, formatEntryStand, sourceHost } from '../../dialogs/directoryText';
import { fill, type Language, type TextSet } from '../../dialogs/texts';
import { card, heading, paragraph, plain, small, submit, warning, type AdaptiveCard, type CardElement } from './adaptive';

import { VERB_DIRECTORY } from './verbs';

export { VERB_DIRECTORY };

const link = (label: string, url: string) => `[${plain(label)}](${url})`;

/** One directory entry: name, place and profile, links (website, tel:), source and Stand, and "vor Nutzung prüfen". */
export function entryBlock(entry: DirectoryEntry, t: TextSet, language: Language, now: Date, directory?: Directory): CardElement {
  const d = t.directory;
  const place = placeOf(entry);
  const profile = [
    place,
    entryProfile(entry, d),
    entry.hours ? fill(d.hours, { hours: entry.hours }) : '',
    entry.languages.length ? fill(d.languages, { languages: entry.languages.join(', ') }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const phones = phonesOf(entry).map((p) => `${link(p.text, `tel:${p.dial}`)}${p.note ? ` (${plain(p.note)})` : ''}`);
  const via = !entry.website && entry.via ? directory?.byId.get(entry.via) : undefined;
  const reach = [
    entry.website ? `${d.website}: ${link(sourceHost(entry.website), entry.website)}` : '',
    via?.website ? fill(d.via, { name: link(shortName(via), via.website) }) : '',
    phones.length ? `${d.phone}: ${phones.join('; ')}` : '',
    entry.email ? `${d.email}: ${plain(entry.email)}` : '',
  ].filter(Boolean);
  const check = checkNote(entry, d, now);
  const items: CardElement[] = [
    paragraph(plain(shortName(entry)), { weight: 'Bolder', spacing: 'None' }),
    small(plain(profile)),
    ...(entry.summary ? [small(plain(entry.summary[language]))] : []),
    ...(reach.length ? [paragraph(reach.join(' · '), { spacing: 'None', size: 'Small' })] : []),
    small(fill(d.source, { source: link(sourceHost(entry.source_url[0]), entry.source_url[0]), stand: formatEntryStand(entry.stand, d) })),
    ...(check ? [paragraph(`⚠ ${plain(check)}`, { size: 'Small', color: 'Warning', spacing: 'None' })] : []),
  ];
  return { type: 'Container', spacing: 'Medium', separator: true, items };
}

function landName(lands: LandInfo[], code: string, language: Language): string {
  const l = lands.find((x) => x.code === code);
  return l ? l[language] : code;
}

/** The answer to "Welche Fachberatungsstelle gibt es in …?": the Land's entries, the gaps, then nationwide services. */
export function directoryCard(
  sel: DirectorySelection,
  directory: Directory,
  lands: LandInfo[],
  t: TextSet,
  language: Language,
  now: Date,
): AdaptiveCard {
  const d = t.directory;
  const land = landName(lands, sel.land, language);
  const filters = sel.filters.map((f) => d.filters[f]).join(', ');
  const title = sel.city && sel.cityFound ? fill(d.titleCity, { land, city: sel.city }) : fill(d.title, { land });
  const body: CardElement[] = [heading(title)];
  if (sel.city && !sel.cityFound) body.push(small(fill(d.cityNotFound, { city: sel.city, land })));
  if (filters) body.push(small(fill(sel.unfiltered ? d.unfiltered : d.filtered, { filters, land })));
  body.push(...sel.entries.map((e) => entryBlock(e, t, language, now, directory)));
  const gapText = { police: d.gapPolice, labour: d.gapLabour, minors: d.gapMinors };
  const otherLands = sel.minorsCentreLands.map((c) => landName(lands, c, language)).join(', ');
  body.push(...sel.gaps.map((g) => warning(fill(gapText[g], { land, lands: otherLands }))));
  body.push(
    paragraph(d.nationwideTitle, { weight: 'Bolder', size: 'Medium', spacing: 'Large' }),
    ...sel.nationwide.map((e) => entryBlock(e, t, language, now, directory)),
  );
  body.push(small(d.footer));
  const fallback = [
    title,
    ...sel.entries.map((e) => `- ${entryLine(e, d, now)}`),
    `${d.nationwideTitle}:`,
    ...sel.nationwide.map((e) => `- ${entryLine(e, d, now)}`),
  ].join('\n');
  return card(language, fallback, body, [submit(d.btnOtherLand, VERB_DIRECTORY, { filters: sel.filters.join(','), lang: language })]);
}

/** "Für welches Bundesland?" with the 16 Länder as buttons; the question's filters travel as codes, never as text. */
export function landQuestionCard(lands: LandInfo[], filters: Filter[], t: TextSet, language: Language): AdaptiveCard {
  const d = t.directory;
  const buttons = lands.map((l) => submit(l[language], VERB_DIRECTORY, { land: l.code, filters: filters.join(','), lang: language }));
  const rows: CardElement[] = [];
  for (let i = 0; i < buttons.length; i += 4) rows.push({ type: 'ActionSet', actions: buttons.slice(i, i + 4) });
  return card(language, `${d.askLand} ${lands.map((l) => l[language]).join(', ')}`, [
    heading(d.askLand),
    paragraph(d.askLandHint, { isSubtle: true }),
    ...rows,
  ]);
}

/**
 * A contact question without a Land that the sources answer: the answer stays, and below it the Land to pick
 * (one compact list, one button) opens that Land's directory with the question's filters.
 */
export function withLandOffer(answer: AdaptiveCard, lands: LandInfo[], filters: Filter[], t: TextSet, language: Language): AdaptiveCard {
  const d = t.directory;
  const offer: CardElement = {
    type: 'Container',
    spacing: 'Large',
    separator: true,
    items: [
      paragraph(d.askLand, { weight: 'Bolder' }),
      {
        type: 'Input.ChoiceSet',
        id: 'land',
        style: 'compact',
        label: d.askLand,
        choices: lands.map((l) => ({ title: l[language], value: l.code })),
      },
    ],
  };
  return {
    ...answer,
    body: [...answer.body, offer],
    actions: [...(answer.actions ?? []), submit(d.btnFind, VERB_DIRECTORY, { filters: filters.join(','), lang: language })],
  };
}

/** "Lieber eine Person fragen?": KOK's staffed online contact point and the Land's Fachberatungsstelle. */
export function askAPerson(t: TextSet, language: Language): { block: CardElement; action: CardElement } {
  const d = t.directory;
  return {
    block: {
      type: 'Container',
      spacing: 'Medium',
      items: [paragraph(d.askPersonTitle, { weight: 'Bolder' }), paragraph(d.askPerson, { spacing: 'None' })],
    },
    action: submit(d.btnFind, VERB_DIRECTORY, { lang: language }),
  };
}
