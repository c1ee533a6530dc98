import { Matches, ValidationOptions } from 'class-validator';

/** An `ID` of this API: a positive integer written as a string. */
export const IsId = (options?: ValidationOptions) =>
  Matches(/^[1-9][0-9]{0,9}$/, { message: '$property must be an id of this API', ...options });

export const toIds = (ids: readonly string[] | null | undefined): number[] => (ids ?? []).map(Number);
