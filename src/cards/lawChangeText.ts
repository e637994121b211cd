import type { LawChange, LawChangeNotes } from '../../dialogs/lawChanges';
import { fill, type Language, type TextSet } from '../../dialogs/texts';

function date(iso: string, language: Language): string {
  const [y, m, d] = iso.split('-');
  return language === 'de' ? `${d}.${m}.${y}` : iso;
}

function list(items: string[], t: TextSet): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${t.listAnd} ${items.at(-1)}`;
}

function sentence(change: LawChange, basis: LawChangeNotes['basis'], t: TextSet, language: Language): string {
  const inForce = date(change.inForce, language);
  if (change.kind === 'lawReplaced') {
    const replaced = fill(t.lawReplaced, {
      inForce,
      law: change.law,
      replacedBy: change.replacedBy,
      promulgation: change.promulgation ? ` (${change.promulgation})` : '',
    });
    return change.consequence ? `${replaced} ${change.consequence[language]}` : replaced;
  }
  const values = { inForce, law: change.law, name: change.name[language], promulgation: change.promulgation, norms: list(change.norms, t) };
  if (basis === 'source') return fill(t.lawChangeInSource, values);
  if (change.touched === 'unknown') return fill(t.lawChangeNorms, values);
  return fill(t.lawChangeKnownNorms, { ...values, touched: list(change.touched, t) });
}

/** All law changes of one step or passage as ONE note; undefined when there are none. */
export function lawChangeText(notes: LawChangeNotes, t: TextSet, language: Language): string | undefined {
  if (!notes.changes.length) return undefined;
  const stand = notes.basis === 'statute' && notes.stand ? [fill(t.lawChangeStand, { stand: date(notes.stand, language) })] : [];
  return [...stand, ...notes.changes.map((c) => sentence(c, notes.basis, t, language))].join(' ');
}
