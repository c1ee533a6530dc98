import { Matches, ValidateBy, ValidationOptions } from 'class-validator';
import { isApiId } from './input-checks';

/** An `ID` of this API: a positive integer written as a string, that fits the keys (also checked for every argument by inputChecksPlugin). */
export const IsId = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isId', validator: { validate: (v) => isApiId(v), defaultMessage: () => '$property must be an id of this API' } },
    options,
  );

/** A required name or title: not blank once trimmed (the database refuses blank ones). */
export const IsNotBlank = (options?: ValidationOptions) => Matches(/\S/, { message: '$property must not be blank', ...options });

export const toIds = (ids: readonly string[] | null | undefined): number[] => (ids ?? []).map(Number);
