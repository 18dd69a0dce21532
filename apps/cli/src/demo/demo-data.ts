import type { AgencyRecord, Region } from '@petitio/directory';
import type { TopicRecord } from '@petitio/catalogue';
import type { RoutingRuleRecord } from '@petitio/routing';

/** A small but realistic slice of a national directory: three provinces, six districts, seven ministries. */
export const demoRegions: Region[] = [
  { code: 'TR-34', parentCode: null, kind: 'province', names: { tr: 'İstanbul', en: 'Istanbul', ar: 'إسطنبول' } },
  { code: 'TR-06', parentCode: null, kind: 'province', names: { tr: 'Ankara', en: 'Ankara', ar: 'أنقرة' } },
  { code: 'TR-35', parentCode: null, kind: 'province', names: { tr: 'İzmir', en: 'Izmir', ar: 'إزمير' } },
  { code: 'TR-34-KDK', parentCode: 'TR-34', kind: 'district', names: { tr: 'Kadıköy', en: 'Kadikoy', ar: 'قاضي كوي' } },
  { code: 'TR-34-USK', parentCode: 'TR-34', kind: 'district', names: { tr: 'Üsküdar', en: 'Uskudar', ar: 'أسكودار' } },
  { code: 'TR-06-CNK', parentCode: 'TR-06', kind: 'district', names: { tr: 'Çankaya', en: 'Cankaya', ar: 'تشانكايا' } },
  { code: 'TR-06-KCR', parentCode: 'TR-06', kind: 'district', names: { tr: 'Keçiören', en: 'Kecioren', ar: 'كتشيورين' } },
  { code: 'TR-35-KNK', parentCode: 'TR-35', kind: 'district', names: { tr: 'Konak', en: 'Konak', ar: 'كوناك' } },
  { code: 'TR-35-KSK', parentCode: 'TR-35', kind: 'district', names: { tr: 'Karşıyaka', en: 'Karsiyaka', ar: 'كارشياكا' } },
];

const agency = (
  code: string,
  parentCode: string | null,
  kind: AgencyRecord['kind'],
  tr: string,
  en: string,
  regionCode: string | null = null,
): AgencyRecord => ({ code, parentCode, kind, names: { tr, en }, contactEmail: `${code.toLowerCase()}@demo.petitio.example`, regionCode });

export const demoAgencies: AgencyRecord[] = [
  agency('CENTER', null, 'center', 'İletişim Merkezi', 'Communication Center'),
  agency('TRIAGE', 'CENTER', 'triage', 'Merkezi Ön İnceleme Birimi', 'Central Triage Unit'),
  agency('MOH', null, 'ministry', 'Sağlık Bakanlığı', 'Ministry of Health'),
  agency('MOH-34', 'MOH', 'directorate', 'İstanbul İl Sağlık Müdürlüğü', 'Istanbul Provincial Health Directorate', 'TR-34'),
  agency('MOH-34-KDK', 'MOH-34', 'district_office', 'Kadıköy İlçe Sağlık Müdürlüğü', 'Kadikoy District Health Directorate', 'TR-34-KDK'),
  agency('MOH-06', 'MOH', 'directorate', 'Ankara İl Sağlık Müdürlüğü', 'Ankara Provincial Health Directorate', 'TR-06'),
  agency('MEB', null, 'ministry', 'Milli Eğitim Bakanlığı', 'Ministry of National Education'),
  agency('MEB-34', 'MEB', 'directorate', 'İstanbul İl Milli Eğitim Müdürlüğü', 'Istanbul Provincial Directorate of Education', 'TR-34'),
  agency('MEB-06', 'MEB', 'directorate', 'Ankara İl Milli Eğitim Müdürlüğü', 'Ankara Provincial Directorate of Education', 'TR-06'),
  agency('MEB-06-CNK', 'MEB-06', 'district_office', 'Çankaya İlçe Milli Eğitim Müdürlüğü', 'Cankaya District Directorate of Education', 'TR-06-CNK'),
  agency('UAB', null, 'ministry', 'Ulaştırma ve Altyapı Bakanlığı', 'Ministry of Transport and Infrastructure'),
  agency('KGM-34', 'UAB', 'directorate', 'İstanbul Karayolları Bölge Müdürlüğü', 'Istanbul Regional Directorate of Highways', 'TR-34'),
  agency('ICISLERI', null, 'ministry', 'İçişleri Bakanlığı', 'Ministry of Interior'),
  agency('EGM-34', 'ICISLERI', 'directorate', 'İstanbul Emniyet Müdürlüğü', 'Istanbul Police Department', 'TR-34'),
  agency('EGM-06', 'ICISLERI', 'directorate', 'Ankara Emniyet Müdürlüğü', 'Ankara Police Department', 'TR-06'),
  agency('ASHB', null, 'ministry', 'Aile ve Sosyal Hizmetler Bakanlığı', 'Ministry of Family and Social Services'),
  agency(
    'ASHB-35',
    'ASHB',
    'directorate',
    'İzmir Aile ve Sosyal Hizmetler İl Müdürlüğü',
    'Izmir Provincial Directorate of Family and Social Services',
    'TR-35',
  ),
  agency('GIB', null, 'ministry', 'Gelir İdaresi Başkanlığı', 'Revenue Administration'),
  agency('ISKI', null, 'municipality', 'İstanbul Su ve Kanalizasyon İdaresi', 'Istanbul Water and Sewerage Administration', 'TR-34'),
  agency('ISKI-KDK', 'ISKI', 'district_office', 'İSKİ Kadıköy Şube Müdürlüğü', 'ISKI Kadikoy Branch', 'TR-34-KDK'),
  agency('ASKI', null, 'municipality', 'Ankara Su ve Kanalizasyon İdaresi', 'Ankara Water and Sewerage Administration', 'TR-06'),
  agency('IZSU', null, 'municipality', 'İzmir Su ve Kanalizasyon İdaresi', 'Izmir Water and Sewerage Administration', 'TR-35'),
];

export const demoTopics: TopicRecord[] = [
  { code: 'roads', names: { tr: 'Yollar', en: 'Roads', ar: 'الطرق' }, keywords: ['yol', 'çukur', 'asfalt', 'road', 'pothole*'], defaultAgencyCode: 'UAB' },
  {
    code: 'water',
    names: { tr: 'Su ve kanalizasyon', en: 'Water and sewerage', ar: 'المياه والصرف الصحي' },
    keywords: ['su', 'suyu', 'kanalizasyon', 'water', 'sewer*'],
    defaultAgencyCode: 'TRIAGE',
  },
  { code: 'health', names: { tr: 'Sağlık', en: 'Health', ar: 'الصحة' }, keywords: ['hastane*', 'doktor*', 'hospital*', 'doctor*'], defaultAgencyCode: 'MOH' },
  {
    code: 'education',
    names: { tr: 'Eğitim', en: 'Education', ar: 'التعليم' },
    keywords: ['okul*', 'öğretmen*', 'school*', 'teacher*'],
    defaultAgencyCode: 'MEB',
  },
  {
    code: 'social-assistance',
    names: { tr: 'Sosyal yardım', en: 'Social assistance', ar: 'المساعدة الاجتماعية' },
    keywords: ['yardım*', 'benefit*'],
    defaultAgencyCode: 'ASHB',
  },
  { code: 'tax', names: { tr: 'Vergi', en: 'Tax', ar: 'الضرائب' }, keywords: ['vergi*', 'tax*'], defaultAgencyCode: 'GIB' },
  { code: 'police', names: { tr: 'Emniyet', en: 'Police', ar: 'الشرطة' }, keywords: ['polis*', 'police'], defaultAgencyCode: 'ICISLERI' },
  { code: 'other', names: { tr: 'Diğer', en: 'Other', ar: 'أخرى' }, keywords: [], defaultAgencyCode: null },
];

export const demoRoutingRules: RoutingRuleRecord[] = [
  { code: 'water-istanbul', topicCode: 'water', provinceCode: 'TR-34', agencyCode: 'ISKI', description: 'Water in Istanbul goes to ISKI' },
  {
    code: 'water-kadikoy',
    topicCode: 'water',
    provinceCode: 'TR-34',
    districtCode: 'TR-34-KDK',
    agencyCode: 'ISKI-KDK',
    description: 'Water in Kadıköy goes to the ISKI Kadıköy branch',
  },
  { code: 'water-ankara', topicCode: 'water', provinceCode: 'TR-06', agencyCode: 'ASKI', description: 'Water in Ankara goes to ASKI' },
  { code: 'water-izmir', topicCode: 'water', provinceCode: 'TR-35', agencyCode: 'IZSU', description: 'Water in Izmir goes to IZSU' },
  { code: 'health-istanbul', topicCode: 'health', provinceCode: 'TR-34', agencyCode: 'MOH-34', description: 'Health in Istanbul' },
  { code: 'health-kadikoy', topicCode: 'health', provinceCode: 'TR-34', districtCode: 'TR-34-KDK', agencyCode: 'MOH-34-KDK', description: 'Health in Kadıköy' },
  { code: 'health-ankara', topicCode: 'health', provinceCode: 'TR-06', agencyCode: 'MOH-06', description: 'Health in Ankara' },
  { code: 'education-istanbul', topicCode: 'education', provinceCode: 'TR-34', agencyCode: 'MEB-34', description: 'Education in Istanbul' },
  { code: 'education-ankara', topicCode: 'education', provinceCode: 'TR-06', agencyCode: 'MEB-06', description: 'Education in Ankara' },
  {
    code: 'education-cankaya',
    topicCode: 'education',
    provinceCode: 'TR-06',
    districtCode: 'TR-06-CNK',
    agencyCode: 'MEB-06-CNK',
    description: 'Education in Çankaya',
  },
  { code: 'roads-istanbul', topicCode: 'roads', provinceCode: 'TR-34', agencyCode: 'KGM-34', description: 'Roads in Istanbul' },
  { code: 'police-istanbul', topicCode: 'police', provinceCode: 'TR-34', agencyCode: 'EGM-34', description: 'Police in Istanbul' },
  { code: 'police-ankara', topicCode: 'police', provinceCode: 'TR-06', agencyCode: 'EGM-06', description: 'Police in Ankara' },
  { code: 'social-izmir', topicCode: 'social-assistance', provinceCode: 'TR-35', agencyCode: 'ASHB-35', description: 'Social assistance in Izmir' },
  {
    code: 'bribery-keywords',
    keywords: ['rüşvet', 'bribe*'],
    agencyCode: 'ICISLERI',
    position: 10,
    description: 'Any mention of bribery goes to the Ministry of Interior',
  },
];

/** Demo staff, one per role, all with DEMO_STAFF_PASSWORD. Never created in production. */
export const DEMO_STAFF_PASSWORD = 'petitio-demo-password';
export const demoStaff: { email: string; displayName: string; agencyCode: string; roles: string[] }[] = [
  { email: 'admin@demo.petitio.example', displayName: 'Deniz Admin', agencyCode: 'CENTER', roles: ['center_admin'] },
  { email: 'agent@demo.petitio.example', displayName: 'Aylin Agent', agencyCode: 'CENTER', roles: ['agent'] },
  { email: 'triage@demo.petitio.example', displayName: 'Tarık Triage', agencyCode: 'TRIAGE', roles: ['officer'] },
  { email: 'officer@demo.petitio.example', displayName: 'Oya Officer', agencyCode: 'ISKI-KDK', roles: ['officer'] },
  { email: 'supervisor@demo.petitio.example', displayName: 'Sinan Supervisor', agencyCode: 'ISKI', roles: ['supervisor', 'officer'] },
];
