/** How old a woman (or girl) was on a day, from what her case records. */

/** What a case records about her age: a birth date, or an age estimated when the case was registered. */
export interface SurvivorAge {
  readonly birthDate: string | null;
  readonly estimatedAge: number | null;
  /** The day the case was registered (YYYY-MM-DD), when `estimatedAge` was true. */
  readonly registeredOn: string;
}

/** Whole years from one YYYY-MM-DD date to a later one (birthdays counted on their day). */
function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Her age in whole years on `day`, never below 0; null when neither a birth date nor an estimate is known. */
export function ageOn(survivor: SurvivorAge, day: string): number | null {
  if (survivor.birthDate) return Math.max(0, wholeYears(survivor.birthDate, day));
  if (survivor.estimatedAge === null) return null;
  const age =
    day >= survivor.registeredOn
      ? survivor.estimatedAge + wholeYears(survivor.registeredOn, day)
      : survivor.estimatedAge - wholeYears(day, survivor.registeredOn);
  return Math.max(0, age);
}
