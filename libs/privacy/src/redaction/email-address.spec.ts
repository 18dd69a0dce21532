import { findEmailAddresses } from './email-address';

const found = (text: string) => findEmailAddresses(text).map((f) => text.slice(f.start, f.end));

describe('email addresses', () => {
  it('are found with dots, plus tags and subdomains', () => {
    expect(found('Bana ayse.kaya@gmail.com adresinden ulaşın.')).toEqual(['ayse.kaya@gmail.com']);
    expect(found('tom.baker+petitions@fastmail.com, kerem.uslu@student.metu.edu.tr')).toEqual([
      'tom.baker+petitions@fastmail.com',
      'kerem.uslu@student.metu.edu.tr',
    ]);
  });

  it('are found with Turkish letters and with a Turkish suffix after them', () => {
    expect(found('ayşe.çelik@örnek.com.tr adresine')).toEqual(['ayşe.çelik@örnek.com.tr']);
    expect(found("ali@ornek.com'dan cevap gelmedi")).toEqual(['ali@ornek.com']);
  });

  it('leave the quotes around them and keep an apostrophe inside', () => {
    expect(found("'ali@ornek.com' ve o'brien@example.ie")).toEqual(['ali@ornek.com', "o'brien@example.ie"]);
  });

  it('end before the full stop that ends the sentence', () => {
    expect(found('Mail: deniz.ergun@hacettepe.edu.tr.')).toEqual(['deniz.ergun@hacettepe.edu.tr']);
  });

  it('are not social media handles, spelled-out addresses or a bare host', () => {
    expect(found('instagram @ahmet_yilmaz, ayse(at)gmail.com, x@y')).toEqual([]);
  });
});
