import type { FieldError as DomainFieldError } from '@senda/domain';
import { Refusal } from '../../components/Refusal';
import { REFUSAL_HINTS } from './planValues';

/** A refusal of the care section, with what to do instead (close the need, cancel the action…). */
export function CareError({
  error,
  fields,
}: {
  error: unknown;
  /** The field errors to show (by default, all the error's). */
  fields?: readonly DomainFieldError[] | undefined;
}) {
  return <Refusal error={error} fields={fields} hints={REFUSAL_HINTS} />;
}
