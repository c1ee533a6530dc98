export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

/** An instant as ISO-8601 UTC text; null for an absent value; throws naming `what` for text that is not an instant. */
export function toInstant(v: string | undefined | null, what: string): string | null {
  if (v === undefined || v === null || v === '') return null;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw new Error(`${what} "${v.length > 40 ? `${v.slice(0, 39)}…` : v}" is not a date-time`);
  return new Date(ms).toISOString();
}
