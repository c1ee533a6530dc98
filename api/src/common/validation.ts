import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './errors/domain-error';

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The one validation pipe: whitelists input fields and answers BAD_USER_INPUT naming every field
 * at fault (`extensions.fields`).
 */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validateCustomDecorators: false,
  exceptionFactory: (errors) => {
    const problems = flatten(errors);
    return new DomainError('BAD_USER_INPUT', problems.map((p) => p.message).join('; '), [...new Set(problems.map((p) => p.field))]);
  },
});
