import { BadRequestException } from '@nestjs/common';
import { UnavailableError } from '@petitio/platform';
import { RETRY_AFTER_SECONDS_WHEN_DATABASE_DOWN, toProblem } from './problem-mapping';

describe('toProblem', () => {
  it.each([
    ['a deadlock', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    ['a serialization failure, as TypeORM wraps it', Object.assign(new Error('could not serialize access'), { driverError: { code: '40001' } })],
  ])('answers %s with 503 and Retry-After, since nothing was saved and the same request will go through', (_name, error) => {
    const { problem, headers } = toProblem(error);
    expect(problem).toMatchObject({ statusCode: 503, code: 'CONCURRENT_CHANGE' });
    expect(headers).toEqual({ 'retry-after': '1' });
  });

  it.each([
    ['the JSON parser’s SyntaxError', Object.assign(new SyntaxError('Unexpected end of JSON input'), { statusCode: 400 })],
    ['a 400 wrapping it', new BadRequestException('Body is not valid JSON', { cause: new SyntaxError('Unexpected token') })],
  ])('answers a body that is not JSON (%s) as MALFORMED_JSON, never quoting the parser', (_name, error) => {
    expect(toProblem(error).problem).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON', message: 'the request body is not valid JSON' });
    expect(toProblem(new BadRequestException('something else')).problem.code).toBe('BAD_REQUEST');
  });

  it('still answers any other database error with 500', () => {
    expect(toProblem(Object.assign(new Error('syntax error'), { code: '42601' })).problem.statusCode).toBe(500);
  });

  it('answers work refused for want of capacity with 503 and Retry-After', () => {
    const { problem, headers } = toProblem(new UnavailableError('too much work is waiting; try again shortly'));
    expect(problem).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(headers).toEqual({ 'retry-after': String(RETRY_AFTER_SECONDS_WHEN_DATABASE_DOWN) });
  });
});
