import { findBrazilianCpfs, isBrazilianCpf } from './brazilian-cpf';

const found = (text: string, country: 'BR' | 'TR' = 'BR') => findBrazilianCpfs(text, country).map((f) => text.slice(f.start, f.end));

describe('Brazilian CPF', () => {
  it('passes both mod-11 check digits', () => {
    expect(isBrazilianCpf('31716260043')).toBe(true);
    expect(isBrazilianCpf('31716260044')).toBe(false);
    expect(isBrazilianCpf('31716260053')).toBe(false);
  });

  it('refuses the repeated digits that pass the arithmetic but are never issued', () => {
    expect(isBrazilianCpf('11111111111')).toBe(false);
    expect(isBrazilianCpf('00000000000')).toBe(false);
  });

  it('is found printed with dots and dash, in any country', () => {
    expect(found('Meu CPF é 317.162.600-43.', 'TR')).toEqual(['317.162.600-43']);
  });

  it('is found as bare digits in Brazil, and elsewhere only after the word CPF', () => {
    expect(found('CPF do titular: 56620856411')).toEqual(['56620856411']);
    expect(found('número 56620856411')).toEqual(['56620856411']);
    expect(found('fatura no 56620856411', 'TR')).toEqual([]);
    expect(found('CPF 56620856411', 'TR')).toEqual(['56620856411']);
  });
});
