import { isISO8601, registerDecorator } from 'class-validator';

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day written YYYY-MM-DD that exists (no 2026-02-30): how the dashboard's period and the inbox's
 * day ranges are given. One rule with its own code (`isLocalDay`), so every form says the same thing about a
 * mistyped date, whatever part of it is wrong.
 */
export function IsLocalDay(): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isLocalDay',
      target: target.constructor,
      propertyName: property as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && DATE_ONLY.test(value) && isISO8601(value, { strict: true }),
      },
    });
}
