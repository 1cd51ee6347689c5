/**
 * An edition name as DISM prints it (`ServerDatacenterEval`, `ServerStandard`): letters and
 * digits, a letter first. What the conversion commands accept in their {edition} slot and what
 * the status reader reads from `DISM /online /Get-CurrentEdition` and `/Get-TargetEditions`.
 */
export const DISM_EDITION_NAME = "[A-Za-z][A-Za-z0-9]{1,63}";

/** Whether a DISM edition name is an evaluation's: Microsoft says its name includes `Eval`. */
export function isEvaluation(name: string): boolean {
  return /eval/i.test(name);
}
