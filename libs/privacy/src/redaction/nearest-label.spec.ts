import { labelWords, nearestLabelBefore } from './nearest-label';

const LABELS = { phone: labelWords('tel', 'telefon'), bill: labelWords('abone', 'fatura') };

describe('nearest label before a number', () => {
  it('is the one that ends closest to it', () => {
    const text = 'abone numaram 1, telefonum 2';
    expect(nearestLabelBefore(text, text.indexOf('1'), LABELS)).toBe('bill');
    expect(nearestLabelBefore(text, text.indexOf('2'), LABELS)).toBe('phone');
  });

  it('matches the Turkish i in every case', () => {
    expect(nearestLabelBefore('TELEFONUM 2', 10, LABELS)).toBe('phone');
    expect(nearestLabelBefore('KİMLİK 2', 7, { id: labelWords('kimlik') })).toBe('id');
    expect(nearestLabelBefore('KIMLIK 2', 7, { id: labelWords('kimlik') })).toBe('id');
  });

  it('only starts at the start of a word and looks no further than the window', () => {
    expect(nearestLabelBefore('otel 2', 5, LABELS)).toBeNull();
    expect(nearestLabelBefore(`telefon ${'x'.repeat(50)} 2`, 60, LABELS, 40)).toBeNull();
  });
});
