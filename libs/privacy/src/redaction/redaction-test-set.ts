import { CountryCode } from 'libphonenumber-js';
import { RedactionKind } from './redaction-finding';

/**
 * Sentences as citizens write them to a municipality or a ministry, written for this set, with every identifier
 * marked where it stands: {{phone:0532 412 76 93}} must come out as [PHONE], {{tracking:9367-5792-034}} must stay.
 * National ids, IBANs and cards pass their checksums; tracking numbers pass the Damm check; every "number" that looks
 * like an id fails the checks it resembles (all checked, when written, with an implementation apart from the detectors').
 */
export type KeptKind = 'tracking' | 'date' | 'time' | 'amount' | 'law' | 'number';

export interface MarkedSpan<Kind extends string> {
  kind: Kind;
  value: string;
  start: number;
  end: number;
}

export interface RedactionCase {
  language: 'tr' | 'en' | 'pt';
  defaultCountry: CountryCode;
  text: string;
  /** What must be redacted, with its kind. */
  expected: MarkedSpan<RedactionKind>[];
  /** What must be left as it is, though it has digits. */
  kept: MarkedSpan<KeptKind>[];
}

const MARKED_KINDS: Readonly<Record<string, RedactionKind | KeptKind>> = {
  id: 'national_id',
  phone: 'phone',
  email: 'email',
  iban: 'iban',
  plate: 'plate',
  card: 'card',
  tracking: 'tracking',
  date: 'date',
  time: 'time',
  amount: 'amount',
  law: 'law',
  number: 'number',
};
const KEPT_KINDS = new Set<string>(['tracking', 'date', 'time', 'amount', 'law', 'number']);

export function caseFrom(language: RedactionCase['language'], marked: string, defaultCountry: CountryCode): RedactionCase {
  const expected: MarkedSpan<RedactionKind>[] = [];
  const kept: MarkedSpan<KeptKind>[] = [];
  let text = '';
  let from = 0;
  for (const m of marked.matchAll(/\{\{(\w+):([^}]+)\}\}/g)) {
    const kind = MARKED_KINDS[m[1]];
    if (!kind) throw new Error(`unknown mark ${m[1]} in: ${marked}`);
    text += marked.slice(from, m.index);
    const span = { value: m[2], start: text.length, end: text.length + m[2].length };
    if (KEPT_KINDS.has(kind)) kept.push({ kind: kind as KeptKind, ...span });
    else expected.push({ kind: kind as RedactionKind, ...span });
    text += m[2];
    from = m.index + m[0].length;
  }
  return { language, defaultCountry, text: text + marked.slice(from), expected, kept };
}

const TURKISH = [
  'Kimlik numaram {{id:31225441002}}, cep telefonum {{phone:0532 412 76 93}}; su kesintisiyle ilgili dönüş bekliyorum.',
  'T.C. {{id:29952883028}} kimlik numaralı vatandaş olarak {{date:3 Mart 2026}} tarihli başvuruma yanıt alamadım.',
  'Sokağımızdaki çukur yüzünden aracım hasar gördü, plakası {{plate:34 ABC 123}}. Bana {{email:ayse.kaya@gmail.com}} adresinden ulaşabilirsiniz.',
  'Zararımın {{iban:TR76 3267 7084 5285 7225 2893 12}} numaralı hesabıma ödenmesini talep ediyorum.',
  'Otoparkta {{plate:06 AB 1234}} plakalı araç iki gündür engelli yerine park ediyor.',
  'Belediyenin sitesinden ödeme yaparken kartımdan ({{card:4934 8341 1038 1857}}) iki kez {{amount:1.250,00 TL}} çekildi.',
  'TCKN: {{id:46623336980}} — Ad Soyad: Mehmet Demir — Tel: {{phone:0505 318 22 47}}',
  'Eşimin kimlik numarası {{id:87462494486}}, benimki {{id:11919210374}}; ikimizin adına da su faturası geliyor.',
  "Çöp toplama aracı ({{plate:35 A 1234}}) her sabah {{time:05:30}}'da kornaya basarak geçiyor.",
  'Benimle {{phone:+90 532 412 7693}} numaralı WhatsApp hattından iletişime geçebilirsiniz.',
  'E-posta adresim {{email:mehmet_demir84@hotmail.com}}, sonucu yazılı olarak iletmenizi rica ederim.',
  'İade tutarının {{iban:TR771955009773963925452410}} IBAN numarasına yatırılmasını istiyorum.',
  'Ambulans, {{plate:34-AB-123}} plakalı taksi yüzünden sokağa giremedi.',
  'Annem adına başvuruyorum; kimlik no {{id:61806612156}}, ev telefonu {{phone:(0216) 338 45 90}}.',
  'Sabah {{time:08:15}} sularında {{plate:16 BR 482}} plakalı otobüs durakta yolcu almadan geçti.',
  'Kredi kartım {{card:5150-2144-0841-3981}} ile ödediğim otopark ücreti iade edilmedi.',
  'Dilekçemin cevabını {{email:fatma.yildiz@outlook.com.tr}} adresine gönderirseniz sevinirim.',
  'Cep: {{phone:0542 660 19 08}} / Sabit: {{phone:0312 447 83 15}}',
  'Bilgi için TC kimlik numaramı yazıyorum: {{id:97205756900}}.',
  'Kiracımın aracı {{plate:07 KLM 45}} sürekli kapımın önüne park ediliyor, uyarmama rağmen değişen bir şey yok.',
  'Hesap bilgilerim: Ziraat Bankası, {{iban:TR65 7587 3079 7384 7335 6485 70}}, alıcı adı Hasan Çelik.',
  'Kızımın okul servisinin plakası {{plate:41 D 56789}}; şoför çocukları yolun ortasında indiriyor.',
  '{{phone:05553147286}} numaralı hattımdan defalarca çağrı merkezinizi aradım.',
  'Bana ulaşmak için: {{email:gokhan.ozturk@yandex.com}} veya {{phone:0533 901 44 72}}.',
  'Troy kartımla ({{card:9792 1941 9568 8282}}) yaptığım ödeme sistemde görünmüyor.',
  'Komşumun köpeği saldırdı; olay tutanağında benim kimlik numaram {{id:31094983962}} olarak geçiyor.',
  'Ben {{id:61241642220}} TC kimlik numaralı Zeynep Arslan, {{date:12.01.2026}} tarihli faturama itiraz ediyorum.',
  'Engelli aracımın plakası {{plate:42 AK 307}}, engelli park yerlerine başka araçlar park ediyor.',
  'İş yerimin telefonu {{phone:0232 463 18 72}}, mesai saatleri içinde arayabilirsiniz.',
  'Burs ödemesinin {{iban:TR57 4676 0076 1080 7992 1763 58}} hesabına yapılması gerekirken yapılmadı.',
  'Kartımın numarası {{card:4724148597965460}}, bankam bu tutarı belediyenin çektiğini söylüyor.',
  'Oğlumun kimlik numarası {{id:71707925828}}, kreş kaydı için gerekli belgeleri teslim ettik.',
  'Bana şu numaradan dönün lütfen {{phone:0507 884 16 29}}',
  '{{plate:55 SM 4410}} plakalı kamyon gece yarısı moloz döküyor, fotoğraflarını ekledim.',
  'Yurt dışındayım, lütfen {{email:can.aydin@web.de}} adresime ya da {{phone:+49 151 23456789}} numarama yazın.',
  'Vergi iadem için IBAN: {{iban:TR49 8723 3019 0187 4933 2757 64}}',
  "Babamın TC'si {{id:92022806234}}, yatağa bağlı olduğu için evde sağlık hizmeti talep ediyoruz.",
  'Taksi plakası {{plate:34 TV 2018}}, şoför taksimetreyi açmadı ve fazla ücret aldı.',
  'Cep numaram değişti, yeni numaram {{phone:0546 725 03 18}}.',
  'İlgili personelin bana {{email:ali.riza.kocak@gmail.com}} üzerinden yazdığı e-postayı ekte bulabilirsiniz.',
  'Ödeme dekontunda kart numaram {{card:5376 8023 0029 5999}} açıkça yazıyor, bunu düzeltin.',
  'Kimlik No: {{id:33848595094}}; Adres: Cumhuriyet Mah. {{number:1453}}. Sok. No: {{number:12/4}}, {{number:34710}} Kadıköy/İstanbul',
  'Depremzede yardımının {{iban:TR24 4895 2042 6432 3365 1489 38}} nolu hesaba aktarılmasını rica ederim.',
  '{{plate:61 TS 904}} plakalı belediye otobüsünün şoförü yolculara hakaret etti.',
  'Telefon: {{phone:0536 170 95 44}}, e-posta: {{email:selin.acar@icloud.com}}',
  'Annemin kimlik numarası {{id:55626790088}}, kendisi {{number:82}} yaşında ve evde bakıma muhtaç.',
  'Sabit hattım {{phone:0224 251 39 66}} arızalı, cep telefonumdan arayın: {{phone:0544 389 27 61}}.',
  'Aracım ({{plate:27 GAZ 27}}) çekici tarafından haksız yere çekildi, otopark ücretini ödemek zorunda kaldım.',
  'Borcum yapılandırıldı ama {{card:2221 3914 6446 9529}} numaralı kartımdan hâlâ taksit çekiliyor.',
  'Mağdur {{id:62013488428}} kimlik numaralı kişinin vekili olarak başvuruyorum.',
  'E-postalarım {{email:info.kaya@firmam.com.tr}} adresine gelmiyor, spam klasörü de boş.',
  'Eşime ait {{plate:10 BAL 10}} plakalı aracın trafik cezası hatalı kesilmiş.',
  'Ücret iadesi için: {{iban:TR84 8071 2039 9152 9933 0053 99}} (Ayşe Yıldırım)',
  'Oturduğum sitede {{plate:20 DNZ 201}} plakalı kamyonet çocuk parkının önünü kapatıyor.',
  "{{phone:0 532 604 18 27}} numarasından {{time:23:40}}'ta aradım ama kimse açmadı.",
  'TC: {{id:86762607350}} Telefon: {{phone:0553 614 08 95}} Konu: kaldırım işgali',
  'Kızım {{email:elif.sahin2009@gmail.com}} adresinden başvuru yaptı ama onay e-postası gelmedi.',
  'Aidat iadesinin yapılacağı IBAN {{iban:TR380783103936399298526049}}, hesap sahibi ben değilim, eşimdir.',
  'Komşumun aracı {{plate:38 KY 3847}} yangın merdiveninin önünü kapatıyor.',
  'Havale yerine kartla ödedim: {{card:9792325588557524}}.',
  'Vatandaşlık numaram {{id:19193920644}}, doğum yerim Sivas.',
  'Sizi {{phone:0538 256 73 10}} numaralı telefondan aradığımda hat hep meşgul çıkıyor.',
  'Yönetici olarak {{email:yonetim@gulistansitesi.com}} adresinden tüm sakinlere duyuru yaptık.',
  'Hatalı ceza: {{plate:01 ADN 01}} plakası benim aracıma ait değil.',
  "Fazla tahsil edilen {{amount:348,60 TL}}'nin {{iban:TR12 7882 1085 0714 6417 4269 81}} hesabına iadesini istiyorum.",
  'Babam {{id:95355218514}}, annem {{id:15445545160}}; ikisi de {{number:65}} yaş üstü ve ulaşım kartı alamadılar.',
  'WhatsApp: {{phone:+90 (541) 208 66 31}}',
  "Kocaeli'de {{plate:41 KC 2290}} plakalı servis aracı hız sınırını aşıyor.",
  'Bankadan gelen mesajda kart numaram {{card:4043 9272 4640 9044}} ve {{amount:2.480 TL}} yazıyor.',
  'Kiracım {{email:burak.yilmaz@protonmail.com}} adresini kullanıyor, ona da bilgi verebilirsiniz.',
  'Adım Hatice Koç, kimlik numaram {{id:56001251156}}, telefonum {{phone:0549 811 42 07}}, adresim Yenimahalle/Ankara.',
  'Sağlık raporu ücretini {{iban:TR87 1172 3079 0752 2922 7156 35}} hesabına geri ödeyin lütfen.',
  'Parkta {{plate:06 ET 4417}} plakalı belediye aracı çimlerin üzerine çıktı.',
  'Telefonum {{phone:0501 733 60 82}}; mesaj atarsanız hemen dönerim.',
  'Geçen ay {{plate:33 MRS 818}} plakalı tanker sokakta yakıt sızdırdı.',
  'Mail adresim: {{email:deniz.ergun@hacettepe.edu.tr}}',
  'Ödemeyi Mastercard {{card:5520 8487 2571 4713}} ile yaptım, dekont ektedir.',
  'T.C. Kimlik No: {{id:81616968588}}\nAdı Soyadı: Osman Tekin\nGSM: {{phone:0555 247 81 36}}',
  'Torunumun adına: kimlik {{id:84711154146}}, okul numarası {{number:1187}}.',
  "Sabah {{time:07.45}}'te {{plate:34 HN 5521}} plakalı minibüs kırmızı ışıkta geçti.",
  'Ev telefonumuz {{phone:0352 221 40 17}}, annem gündüz hep evde.',
  'Ailemden kimse {{email:kemal.sari@superonline.net}} dışında bir adres kullanmıyor.',
  "Yardım başvurusu için IBAN'ım {{iban:TR08 4265 8070 6032 3945 6557 61}}.",
  'İtiraz eden: {{id:65224065730}}. İtiraz edilen işlem: {{date:2026-01-14}} tarihli para cezası.',
  "Trabzon'dayım, numaram {{phone:0462 326 11 95}}.",
  'Sürücü {{plate:16 ABC 16}} plakalı araçtan inip bana küfretti.',
  'Kredi kartı ekstremde {{card:2720 6172 0066 8396}} numaralı karttan {{amount:₺3.480,75}} çekilmiş görünüyor.',
  'Cevabı hem {{email:leyla.bulut@gmail.com}} hem de {{email:l.bulut@izmir.bel.tr}} adresine gönderin.',
  'Kimlik numarası {{id:27360871026}} olan dedemin vefatından sonra emekli maaşı hâlâ yatıyor.',
  'Tel {{phone:0322 457 91 23}} – Adana Seyhan',
  'Araç sahibi olarak ({{plate:35AB1234}}) otopark ücretinin iadesini talep ediyorum.',
  'Lütfen {{phone:0090 537 223 41 88}} numarasından annemle görüşün.',
  'Kart numaram {{card:4526-3949-3645-5033}}, kartı kaybettim ve bu ödemeyi ben yapmadım.',
  "Eşimin IBAN'ı {{iban:TR534027909654457903034402}} olarak kayıtlı, lütfen güncelleyin.",
  'Kimliğim: {{id:18331535740}}; adresim: Atatürk Bulvarı No: {{number:145}} Daire {{number:9}}, Çankaya.',
  'Benim telefonum {{phone:+90 212 455 67 89}} ama iş yerinde olduğum için mesaj atın.',
  'Hiç kimse {{email:sikayet.vatandas@gmail.com}} adresime cevap yazmadı.',
  'Komşunun aracı ({{plate:07 AT 321}}) garaj çıkışımı kapatıyor.',
  'Kimlik {{id:19788648540}} — lütfen kaydımı silin.',
  'Aylık {{amount:750 TL}} bağış için kartım: {{card:6011 3768 7141 5293}}.',
  'Kayseri Kocasinan, TC {{id:53634076576}}, tel {{phone:0532 918 04 63}}, konu: sokak köpekleri.',
  'Kimlik numaram {{id:75160611366}} ama sistem "geçersiz" diyor, lütfen kontrol edin.',
  'Fotoğraftaki araç {{plate:34 PLT 34}}, olay {{date:2 Şubat 2026}} {{time:19:20}} civarında oldu.',
  // Harder: two numbers with only a space between them, and a plate typed in lower case.
  'Telefonlarım {{phone:0532 412 76 93}} {{phone:0533 901 44 72}} (ikisi de bende)',
  'aracın plakası {{plate:34 abc 123}} ama kamera görüntüsü bulanık',
  // No personal identifier, but digits of every other sort.
  'Başvuru numaram {{tracking:9367-5792-034}}, {{date:07.12.2026}} tarihinden beri işlem yapılmadı.',
  '{{tracking:1808 1958 048}} numaralı başvurumun durumu hâlâ "inceleniyor" görünüyor.',
  'Takip numarası {{tracking:74601582722}} olan şikâyetim {{number:30}} günü geçtiği hâlde yanıtlanmadı.',
  '{{tracking:11149884680}} numaralı başvurum hakkında bilgi almak istiyorum.',
  "{{law:3071 sayılı}} Dilekçe Hakkının Kullanılmasına Dair Kanun'un {{law:7. maddesi}} uyarınca {{number:30}} gün içinde cevap verilmesi gerekir.",
  '{{law:4982 sayılı}} Bilgi Edinme Hakkı Kanunu kapsamında {{date:2025}} yılı ihale kayıtlarını talep ediyorum.',
  'Su faturam {{amount:1.250,00 TL}} geldi, geçen ay {{amount:412,35 TL}} idi; sayaç numarası {{number:20231456}}.',
  'Abone no {{number:14858907307}}, fatura no {{number:50320752556}}; ikisi de sistemde görünmüyor.',
  "{{date:2026-12-07}} tarihinde saat {{time:14:30}}'da randevum vardı, {{time:16:00}}'ya kadar bekletildim.",
  '{{date:7 Aralık 2026}} Pazartesi günü {{time:09.00-12.00}} arası elektrik kesintisi duyurulmamıştı.',
  'Madde {{law:34}} ve Madde {{law:7}} hükümleri açıkça ihlal ediliyor.',
  "{{law:5393 sayılı}} Belediye Kanunu'nun {{law:15. maddesine}} göre bu hizmet belediyenin görevidir.",
  'Posta kodu {{number:06530}} olan mahallemizde {{number:3}} haftadır çöp alınmıyor.',
  'Cumhuriyet Cad. No:{{number:145}} K:{{number:3}} D:{{number:12}} adresindeki binanın çatısı çöktü.',
  'Kimlik numaram yanlış yazılmış: sistemde {{number:54250275215}} görünüyor, doğrusu bu değil.',
  'Başvuru {{tracking:0846.5182.033}} ile {{tracking:8318.1262.891}} aynı konuyu içeriyor, birleştirilmesini rica ederim.',
  'Tesisat numarası {{number:4001234567}}, sözleşme hesap numarası {{number:1012345678}}.',
  'Müşteri numaram {{number:2125551234}} diye yazıyor ama kimse bilgi vermiyor.',
  "{{law:2577 sayılı}} İdari Yargılama Usulü Kanunu'na göre {{number:60}} günlük dava açma süresi işliyor.",
  'Elektrik faturasında {{amount:2.350,75 TL}} yazıyor, oysa tüketimim {{number:124}} kWh.',
  'Bilet fiyatı {{amount:80 TL}} iken bir gecede {{amount:120 TL}} oldu, hiçbir duyuru yapılmadı.',
  'Ada {{number:1234}}, parsel {{number:56}} üzerindeki kaçak yapı hâlâ yıkılmadı.',
  'ALO {{number:153}} hattını aradım, {{number:444 0 444}} numarasına yönlendirildim.',
  'Çağrı merkeziniz {{number:0850 222 0 333}} sürekli meşgul çalıyor.',
  'Ücretsiz hat {{number:0800 211 00 00}} hiç açılmıyor.',
  '{{date:1998}} model aracım için {{amount:4.500 TL}} muayene ücreti istendi.',
  'Okulun {{number:2}}. katındaki {{number:12}} numaralı sınıfın tavanı akıyor.',
  '{{date:15 Ocak 2026}} ile {{date:20 Şubat 2026}} arasında {{number:4}} kez su baskını yaşandı.',
  'Başvurum {{date:03.01.2026}} tarihinde {{tracking:5275-1158-374}} numarasıyla alındı.',
  'Şikâyet numarası {{tracking:12648431368}}, {{date:12/03/2026}} tarihinde kapatıldı ama sorun devam ediyor.',
  'Sipariş numarası {{number:4082158497929250}} olan kargo teslim edilmedi.',
  'İhale kayıt no {{number:2026/1457}}, karar no {{number:2026/88}}.',
  "Yol çalışması {{date:2025}} yılından beri bitmedi; {{number:1,5}} km'lik yol için {{amount:12.500.000 TL}} harcandı.",
  "Dolmuşlar saat {{time:22:00}}'den sonra {{number:34}} numaralı hatta çalışmıyor.",
  'Sicil numarası {{number:52239414044}} olan personel hakkında şikâyetçiyim.',
  'Evrak kayıt numarası {{number:E-12345678-010.06-98765}} olan yazınıza istinaden bilgi istiyorum.',
  '{{tracking:9339 6965 625}} ve {{tracking:5432 3640 789}} numaralı iki başvurum var, ikisi de cevapsız.',
  'Sayaç seri no {{number:A-20251201}} olan su sayacım donmuş ve patlamış.',
  "{{date:2026-03-14}} {{time:08:30}} itibarıyla doğalgaz kesik, {{number:112}}'yi aradık.",
  "{{law:6698 sayılı}} Kişisel Verilerin Korunması Kanunu'nun {{law:11. maddesi}} kapsamında verilerimin silinmesini istiyorum.",
  'Ödeme dekontu no {{number:71658954287}}, tutar {{amount:1.890,00 TL}}.',
  'Bina {{date:1987}} yılında yapılmış, {{number:6}} katlı ve {{number:24}} daireli.',
  'Başvuru no: {{tracking:4455-8221-558}} / Tarih: {{date:21.02.2026}} / Konu: park yeri',
  'Mahkemenin {{number:2025/345}} Esas sayılı dosyası hâlâ sonuçlanmadı.',
  'Takip no {{tracking:71144318377}} — {{date:5 Ocak 2026}}',
  '{{date:2026}} yılı bütçesinde parkımız için {{amount:350.000 TL}} ayrıldığı hâlde hiçbir çalışma yok.',
];

const ENGLISH = [
  'My Turkish ID number is {{id:10265841232}} and my mobile is {{phone:+90 542 660 1908}}.',
  'Please send the decision to {{email:john.smith@gmail.com}}; I do not check my post box often.',
  'The bus with plate {{plate:34 KLM 812}} drove through the red light at {{time:8:45}} this morning.',
  'Refund the overcharged parking fee to {{iban:DE71 5253 8008 0073 8125 41}}, account holder Anna Weber.',
  'I was charged twice on my Visa {{card:4836 7677 9021 5178}} for the same permit.',
  'You can reach me at {{phone:+44 7911 123456}} (UK mobile) or by email at {{email:s.patel@outlook.com}}.',
  'Residence permit holder, foreigner ID {{id:26909832504}}, asking why my water contract was cancelled.',
  'A white van, {{plate:06 ANK 06}}, has been parked on the pavement outside number {{number:14}} for a week.',
  'My bank details: {{iban:GB51 NWBK 4714 5366 5034 61}}, Nationwide, Mr. Oliver Brown.',
  'Call me on {{phone:+1 212 555 0147}} after {{time:6 pm}} Istanbul time.',
  'The municipality charged my Amex {{card:3479 812315 86440}} without authorisation.',
  'Contact: {{email:maria.gonzalez@yahoo.es}}, phone {{phone:+34 612 34 56 78}}.',
  'The taxi {{plate:34 TAK 84}} refused to take my wheelchair.',
  'ID: {{id:21330070310}}, Name: Elena Petrova, Tel: {{phone:+7 912 345-67-89}}',
  'Please transfer the deposit back to {{iban:NL29 INGB 2512 4225 91}}.',
  'For the record, the card used was {{card:5408 8654 0689 6517}}.',
  'Email me at {{email:tom.baker+petitions@fastmail.com}} with the outcome.',
  "My husband's national ID is {{id:47093605712}}; mine is {{id:39808964108}}.",
  'A car with plate {{plate:35 ZY 471}} hit my fence and drove away.',
  'My number in Germany is {{phone:+49 30 23456789}}, in Türkiye {{phone:0532 604 18 27}}.',
  'Refund to IBAN {{iban:FR11 8346 8330 66E3 6444 2098 826}} please; the French bank needs the full number.',
  'Card {{card:3762 427683 87643}} was charged {{amount:$89.90}} twice.',
  'Reply to {{email:a.nakamura@keio.jp}} — I do not read Turkish, so English please.',
  'Turkish ID {{id:59135933288}} — application for a disabled parking permit.',
  'The ambulance could not pass because {{plate:34 GH 7788}} was double-parked.',
  'My landline is {{phone:+44 20 7946 0321}} and my mobile {{phone:+44 7911 123456}}.',
  'Bank: ING, IBAN {{iban:ES85 4137 0394 8648 9378 8966}}, holder Javier Ruiz.',
  'The payment page stored my card {{card:4159202952420}} even though I unticked the box.',
  'Please call my daughter at {{phone:+1 (646) 555-0183}}, she speaks Turkish.',
  'I live in Fethiye, my ID is {{id:17262619970}} and my email {{email:margaret.hill@btinternet.com}}.',
  'The delivery truck {{plate:48 FT 3102}} blocks the narrow street every morning.',
  'Transfer to {{iban:IT37 X812 9531 6709 2577 4124 128}} (Banca Sella), not to my old account.',
  'My UnionPay card {{card:6213 9751 4373 2348}} was rejected at the municipal pool, but charged anyway.',
  'My mobile: {{phone:+31 6 12345678}}. Email: {{email:pieter.devries@ziggo.nl}}.',
  'The applicant, ID number {{id:66089067204}}, lives at Bağdat Cd. No {{number:210}}, flat {{number:5}}.',
  'A motorbike, plate {{plate:34 BFR 05}}, rides on the sidewalk every night.',
  'You refunded {{amount:€45.00}} to the wrong account; mine is {{iban:BE74 9292 8915 8325}}.',
  'JCB card {{card:3530 5701 5516 5033}} was charged in Turkish lira instead of yen.',
  'Irish mobile {{phone:+353 87 123 4567}}; I am in Antalya until {{date:March 2026}}.',
  'Complainant: Sarah Lee, {{email:sarah.lee@gmail.com}}, {{phone:+61 2 9876 5432}}.',
  'My residence permit lists ID {{id:94457895876}}.',
  'The car that damaged my shop window had plate {{plate:07 BR 1145}}.',
  'Send the compensation to {{iban:CH08 5749 2024 7803 2772 6}}, my Swiss account.',
  'Diners card {{card:3610 474667 3589}} was used for the booking.',
  'Text me on {{phone:+90 5324127693}} if you need more photos.',
  'Please write to {{email:kerem.uslu@student.metu.edu.tr}}.',
  'ID {{id:67683243414}}, I applied for the elderly care visit on {{date:2 February 2026}}.',
  'The garbage truck {{plate:34 CG 9023}} spilled waste all over our street.',
  'Refund to my German account {{iban:DE94406552224962491990}}, thank you.',
  'I used card number {{card:4678-4930-8228-3102}}; the receipt says the payment failed.',
  'UAE number {{phone:+971 50 123 4567}}, available after {{time:5pm}}.',
  "My mother's ID is {{id:63113543130}}; she cannot come to the office herself.",
  'Email: {{email:j.okafor@unilag.edu.ng}} Phone: {{phone:+44 161 496 0753}}',
  'Plate {{plate:41 ABC 41}}: this car has been abandoned for three months.',
  'My Visa {{card:4132 7876 9138 6068 045}} was declined, yet the money left my account.',
  'ID number {{id:32619483714}}, phone {{phone:+90 532 918 04 63}}, the noise starts at {{time:11 pm}} every night.',
  'I am writing for my neighbour {{email:h.ozdemir@gmail.com}}, who has no internet at home.',
  // No personal identifier.
  'My application number is {{tracking:7053-7686-494}}; it was filed on {{date:07.12.2026}}.',
  'Tracking number {{tracking:27775917432}}, submitted {{date:2026-01-05}}, still not answered.',
  'Under Article {{law:7}} of Law No. {{law:3071}}, you must reply within {{number:30}} days.',
  'The invoice {{number:INV-2026-004512}} shows {{amount:$1,250.00}} for a service I never received.',
  'My electricity meter, serial {{number:88123456}}, has been reading zero since {{date:December 2025}}.',
  'The streetlight on pole {{number:17}} near house number {{number:23}} has been off since {{date:3 January 2026}}.',
  'The meeting was set for {{time:14:30}} on {{date:12/03/2026}}, nobody came until {{time:16:15}}.',
  'Postcode {{number:34710}}, building {{number:12}}, flat {{number:4}}: no hot water for {{number:9}} days.',
  'Your reference {{tracking:8300 9869 002}} was closed without any explanation.',
  'In {{date:2024}} I paid {{amount:€1,200}} in fees and in {{date:2025}} another {{amount:€1,450}}.',
  'Account number {{number:72814728337}} on the water bill does not belong to me.',
  'Case {{tracking:49687997166}} has been open since {{date:November 2025}}.',
  'The council fined me {{amount:2.000 TL}} under Article {{law:38}} of the Misdemeanours Law No. {{law:5326}}.',
  'Order {{number:4069613588367759}} from the municipal shop never arrived.',
  'The timetable says {{time:07:10}}, {{time:07:40}} and {{time:08:10}}, but the {{time:07:40}} bus never comes.',
  'Application {{tracking:4106-9218-938}} and application {{tracking:6089-7233-569}} are duplicates; please merge them.',
  'The contract number is {{number:17141103155}} and the customer number {{number:3124151000}}.',
  'Our building at No. {{number:145}} has {{number:36}} flats and only {{number:1}} working lift since {{date:2025-10-01}}.',
  'I submitted {{tracking:5570 5732 336}} on {{date:1 March 2026}} at {{time:10:05}}.',
  'Please check ticket {{number:TK-558821}} from {{date:2026}}.',
  'The fee rose from {{amount:TRY 350}} to {{amount:TRY 1,100}} in {{number:18}} months.',
  'Reference {{tracking:48111814772}}: pothole on Route {{number:D-100}}, km {{number:124+500}}.',
  'Serial number {{number:26815469939}} is printed on the broken meter.',
  'The helpline {{number:0800 314 00 00}} is free but nobody answers.',
];

// Brazil is the second country pack: national numbers are read as Brazilian there.
const PORTUGUESE: readonly (string | [string, CountryCode])[] = [
  'Meu CPF é {{id:317.162.600-43}} e meu celular {{phone:(11) 91234-5678}}.',
  'O carro de placa {{plate:BRA2E19}} está estacionado na calçada há dias.',
  'Favor depositar o reembolso na conta {{iban:BR03 3530 0445 9328 5433 9787 509C 1}}.',
  'CPF {{id:56620856411}}, e-mail {{email:joao.silva@uol.com.br}}.',
  'Liguei do número {{phone:+55 21 98765-4321}} e ninguém atendeu.',
  'O ônibus {{plate:KTR-8812}} passou direto pelo ponto às {{time:7h30}}.',
  'Cobraram duas vezes no meu cartão {{card:6520 7082 8054 2776}}.',
  'Protocolo {{tracking:7138-7570-818}} aberto em {{date:15/01/2026}}, sem resposta até hoje.',
  'A Lei nº {{law:12.527/2011}} garante acesso à informação em {{number:20}} dias.',
  ['Sou brasileira e moro em Izmir, CPF {{id:682.039.194-30}}, telefone {{phone:0232 463 18 72}}.', 'TR'],
  'Minha conta em Portugal: {{iban:PT57659458200647221510627}}.',
  'Placa antiga {{plate:FZX-4107}}, placa nova {{plate:FZX4B07}}.',
  'Pagamento de {{amount:R$ 1.234,56}} feito em {{date:03/02/2026}}, nota fiscal {{number:000.123.456}}.',
  'CPF do titular: {{id:25996233835}}; telefone fixo {{phone:(21) 3456-7890}}.',
];

export const REDACTION_TEST_SET: readonly RedactionCase[] = [
  ...TURKISH.map((marked) => caseFrom('tr', marked, 'TR')),
  ...ENGLISH.map((marked) => caseFrom('en', marked, 'TR')),
  ...PORTUGUESE.map((entry) => (typeof entry === 'string' ? caseFrom('pt', entry, 'BR') : caseFrom('pt', entry[0], entry[1]))),
];
