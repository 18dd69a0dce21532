import type { FieldProblem } from '@petitio/platform';
import { ConsoleLanguage, consoleFieldError } from '@petitio/web-console';

/** The sentences of the directory and topics admin pages, in one language. */
export interface AdminDirectoryTexts {
  names: { legend: string; tr: string; en: string; ar: string; hint: string };
  kinds: Record<string, string>;
  optional: string;
  inactive: string;
  save: string;
  backToList: string;
  agencies: {
    title: string;
    /** {code} */
    editTitle: string;
    readOnly: string;
    empty: string;
    treeLabel: string;
    /** {name} */
    edit: string;
    createTitle: string;
    code: string;
    codeHint: string;
    kind: string;
    chooseKind: string;
    contactEmail: string;
    parentCode: string;
    noParent: string;
    /** The parent field of a directory too large to list in a menu. */
    parentCodeHint: string;
    /** Any agency field of a directory too large to list in a menu. */
    agencyCodeHint: string;
    /** Browsing a large directory a level at a time. */
    pathLabel: string;
    topLevel: string;
    /** {n} */
    unitsUnder: string;
    levelLabel: string;
    searchLabel: string;
    search: string;
    /** {q} */
    resultsTitle: string;
    noResults: string;
    /** {n} */
    listLimited: string;
    create: string;
    statusTitle: string;
    activeNow: string;
    inactiveNow: string;
    deactivate: string;
    reactivate: string;
    done: { created: string; updated: string; deactivated: string; reactivated: string };
  };
  topics: {
    title: string;
    /** {code} */
    editTitle: string;
    readOnly: string;
    empty: string;
    caption: string;
    columns: { code: string; name: string; defaultAgency: string; keywords: string; status: string; actions: string };
    active: string;
    toTriage: string;
    /** {name} */
    edit: string;
    createTitle: string;
    code: string;
    codeHint: string;
    defaultAgencyCode: string;
    defaultAgencyHint: string;
    keywords: string;
    keywordsHint: string;
    create: string;
    statusTitle: string;
    activeNow: string;
    inactiveNow: string;
    deactivate: string;
    reactivate: string;
    done: { created: string; updated: string; deactivated: string; reactivated: string };
  };
  /** Why a change was refused as a whole, by the domain's conflict code; {codes} lists what stands in the way. */
  refusals: Record<string, string>;
  /** Field errors by `field:code`, else by code; what neither knows falls back to the console's wording. */
  fieldErrors: Record<string, string>;
}

const en: AdminDirectoryTexts = {
  names: {
    legend: 'Name',
    tr: 'Turkish name',
    en: 'English name',
    ar: 'Arabic name',
    hint: 'At least one. Each language’s pages show its own name, else the English one.',
  },
  kinds: {
    center: 'Center',
    triage: 'Triage unit',
    ministry: 'Ministry',
    directorate: 'Directorate',
    district_office: 'District office',
    municipality: 'Municipality',
    other: 'Other',
  },
  optional: 'optional',
  inactive: 'inactive',
  save: 'Save changes',
  backToList: 'Back to the list',
  agencies: {
    title: 'Agency directory',
    editTitle: 'Agency {code}',
    readOnly: 'You can see your agency and the agencies under it. Center admins change the directory.',
    empty: 'The directory is empty.',
    treeLabel: 'Agencies, each under its parent',
    edit: 'Edit {name}',
    createTitle: 'Add an agency',
    code: 'Code',
    codeHint: 'Letters A-Z, digits, - and _, e.g. MOH-35. It never changes.',
    kind: 'Kind',
    chooseKind: 'Choose a kind',
    contactEmail: 'Contact email',
    parentCode: 'Parent agency',
    noParent: 'None: a top-level agency',
    parentCodeHint: 'The code of the agency it belongs under, e.g. MOH-34. Leave it empty for a top-level agency.',
    agencyCodeHint: 'Type the agency’s code, e.g. MOH-34; the directory page finds codes by name.',
    pathLabel: 'Where you are in the directory',
    topLevel: 'All agencies',
    unitsUnder: '{n} under it',
    levelLabel: 'Agencies at this level',
    searchLabel: 'Find an agency by code or name',
    search: 'Find',
    resultsTitle: 'Agencies matching “{q}”',
    noResults: 'No agency matches.',
    listLimited: 'Only the first {n} are listed: find the others by code or name.',
    create: 'Add agency',
    statusTitle: 'Status',
    activeNow: 'This agency is active: routing rules, topics and transfers can send it applications.',
    inactiveNow: 'This agency is inactive: nothing new is sent to it.',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    done: {
      created: 'The agency was added.',
      updated: 'The changes were saved.',
      deactivated: 'The agency was deactivated.',
      reactivated: 'The agency was reactivated.',
    },
  },
  topics: {
    title: 'Topics',
    editTitle: 'Topic {code}',
    readOnly: 'Center admins change the topics.',
    empty: 'There are no topics yet.',
    caption: 'Topics citizens choose from, active first',
    columns: { code: 'Code', name: 'Name', defaultAgency: 'Default agency', keywords: 'Keywords', status: 'Status', actions: 'Actions' },
    active: 'active',
    toTriage: 'Triage unit',
    edit: 'Edit {name}',
    createTitle: 'Add a topic',
    code: 'Code',
    codeHint: 'Lowercase letters, digits, - and _, e.g. parks. Forms and API clients send it; it never changes.',
    defaultAgencyCode: 'Default agency',
    defaultAgencyHint: 'Answers applications on this topic that no routing rule claims.',
    keywords: 'Keywords',
    keywordsHint: 'Words that suggest this topic in an SMS, separated by commas; end one with * to match any ending, e.g. park*.',
    create: 'Add topic',
    statusTitle: 'Status',
    activeNow: 'This topic is active: citizens can choose it.',
    inactiveNow: 'This topic is inactive: it is not offered and new applications cannot use it.',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    done: {
      created: 'The topic was added.',
      updated: 'The changes were saved.',
      deactivated: 'The topic was deactivated.',
      reactivated: 'The topic was reactivated.',
    },
  },
  refusals: {
    AGENCY_IS_TRIAGE: 'The triage unit receives whatever no rule claims; it cannot be deactivated.',
    AGENCY_HAS_ACTIVE_CHILDREN: 'Agencies under this one are still active: deactivate or move them first ({codes}).',
    AGENCY_IS_TOPIC_DEFAULT: 'Topics still send applications here by default: give them another default agency first ({codes}).',
    AGENCY_IS_ROUTING_TARGET: 'Routing rules still send applications here: point them at another agency first ({codes}).',
    AGENCY_PARENT_INACTIVE: 'The parent agency is inactive: reactivate it first, or move this agency.',
  },
  fieldErrors: {
    invalid_code: 'Use 1 to 64 letters A-Z, digits, - or _.',
    invalid_topic_code: 'Use 1 to 64 lowercase letters a-z, digits, - or _, starting with a letter or digit.',
    'code:isDefined': 'Enter a code.',
    AGENCY_CODE_TAKEN: 'An agency with this code already exists.',
    TOPIC_CODE_TAKEN: 'A topic with this code already exists.',
    name_required: 'Enter a name in at least one language.',
    'names:control_character': 'Write the name on one line.',
    unknown_language: 'Names are given in Turkish, English or Arabic.',
    'kind:isIn': 'Choose a kind.',
    'kind:isDefined': 'Choose a kind.',
    triage_taken: 'There is already a triage unit; the directory has exactly one.',
    isEmail: 'Enter a valid email address, e.g. name@example.gov.tr.',
    unknown_agency: 'There is no agency with this code: choose another.',
    own_parent: 'An agency cannot be its own parent.',
    parent_cycle: 'This agency is above the one chosen: an agency cannot move under its own descendant.',
    inactive_parent: 'That agency is inactive: choose an active one.',
    inactive_agency: 'That agency is inactive: choose an active one.',
    invalid_keyword: 'Each keyword is one word of letters or digits, optionally ending with *.',
    'keywords:arrayMaxSize': 'Give at most 50 keywords.',
    'keywords:maxLength': 'Each keyword is one word of up to 40 letters.',
    maxLength: 'This is too long; please shorten it.',
  },
};

const tr: AdminDirectoryTexts = {
  names: {
    legend: 'Ad',
    tr: 'Türkçe ad',
    en: 'İngilizce ad',
    ar: 'Arapça ad',
    hint: 'En az biri. Her dilin sayfaları kendi adını, yoksa İngilizce adı gösterir.',
  },
  kinds: {
    center: 'Merkez',
    triage: 'Ön inceleme birimi',
    ministry: 'Bakanlık',
    directorate: 'Müdürlük',
    district_office: 'İlçe birimi',
    municipality: 'Belediye',
    other: 'Diğer',
  },
  optional: 'isteğe bağlı',
  inactive: 'pasif',
  save: 'Değişiklikleri kaydet',
  backToList: 'Listeye dön',
  agencies: {
    title: 'Kurum rehberi',
    editTitle: '{code} kurumu',
    readOnly: 'Kendi kurumunuzu ve altındaki kurumları görebilirsiniz. Rehberi merkez yöneticileri değiştirir.',
    empty: 'Rehber boş.',
    treeLabel: 'Kurumlar, her biri üst kurumunun altında',
    edit: '{name} kurumunu düzenle',
    createTitle: 'Kurum ekle',
    code: 'Kod',
    codeHint: 'A-Z harfler, rakamlar, - ve _; örneğin MOH-35. Kod sonradan değişmez.',
    kind: 'Tür',
    chooseKind: 'Bir tür seçin',
    contactEmail: 'İletişim e-postası',
    parentCode: 'Üst kurum',
    noParent: 'Yok: en üst düzey kurum',
    parentCodeHint: 'Bağlı olduğu kurumun kodu, örneğin MOH-34. En üst düzey bir kurum için boş bırakın.',
    agencyCodeHint: 'Kurumun kodunu yazın, örneğin MOH-34; rehber sayfası kodları adla bulur.',
    pathLabel: 'Rehberde bulunduğunuz yer',
    topLevel: 'Tüm kurumlar',
    unitsUnder: 'altında {n} kurum',
    levelLabel: 'Bu düzeydeki kurumlar',
    searchLabel: 'Kodu veya adıyla kurum bulun',
    search: 'Bul',
    resultsTitle: '“{q}” ile eşleşen kurumlar',
    noResults: 'Eşleşen kurum yok.',
    listLimited: 'Yalnızca ilk {n} kurum listeleniyor: diğerlerini kodu veya adıyla bulun.',
    create: 'Kurumu ekle',
    statusTitle: 'Durum',
    activeNow: 'Bu kurum etkin: yönlendirme kuralları, konular ve devirler ona başvuru gönderebilir.',
    inactiveNow: 'Bu kurum pasif: ona yeni bir şey gönderilmez.',
    deactivate: 'Pasifleştir',
    reactivate: 'Yeniden etkinleştir',
    done: {
      created: 'Kurum eklendi.',
      updated: 'Değişiklikler kaydedildi.',
      deactivated: 'Kurum pasifleştirildi.',
      reactivated: 'Kurum yeniden etkinleştirildi.',
    },
  },
  topics: {
    title: 'Konular',
    editTitle: '{code} konusu',
    readOnly: 'Konuları merkez yöneticileri değiştirir.',
    empty: 'Henüz konu yok.',
    caption: 'Vatandaşların seçtiği konular, etkin olanlar önce',
    columns: { code: 'Kod', name: 'Ad', defaultAgency: 'Varsayılan kurum', keywords: 'Anahtar sözcükler', status: 'Durum', actions: 'İşlemler' },
    active: 'etkin',
    toTriage: 'Ön inceleme birimi',
    edit: '{name} konusunu düzenle',
    createTitle: 'Konu ekle',
    code: 'Kod',
    codeHint: 'Küçük a-z harfler, rakamlar, - ve _; örneğin parklar. Formlar ve API istemcileri bunu gönderir; sonradan değişmez.',
    defaultAgencyCode: 'Varsayılan kurum',
    defaultAgencyHint: 'Bu konudaki, hiçbir yönlendirme kuralının almadığı başvuruları yanıtlar.',
    keywords: 'Anahtar sözcükler',
    keywordsHint: 'SMS’te bu konuyu düşündüren sözcükler, virgülle ayrılmış; her sonla eşleşmesi için sonuna * koyun, örneğin park*.',
    create: 'Konuyu ekle',
    statusTitle: 'Durum',
    activeNow: 'Bu konu etkin: vatandaşlar seçebilir.',
    inactiveNow: 'Bu konu pasif: listelerde yer almaz ve yeni başvurular onu kullanamaz.',
    deactivate: 'Pasifleştir',
    reactivate: 'Yeniden etkinleştir',
    done: {
      created: 'Konu eklendi.',
      updated: 'Değişiklikler kaydedildi.',
      deactivated: 'Konu pasifleştirildi.',
      reactivated: 'Konu yeniden etkinleştirildi.',
    },
  },
  refusals: {
    AGENCY_IS_TRIAGE: 'Ön inceleme birimi hiçbir kuralın almadığı başvuruları alır; pasifleştirilemez.',
    AGENCY_HAS_ACTIVE_CHILDREN: 'Bu kurumun altındaki kurumlar hâlâ etkin: önce onları pasifleştirin ya da taşıyın ({codes}).',
    AGENCY_IS_TOPIC_DEFAULT: 'Bazı konular başvuruları varsayılan olarak buraya gönderiyor: önce onlara başka bir varsayılan kurum verin ({codes}).',
    AGENCY_IS_ROUTING_TARGET: 'Yönlendirme kuralları hâlâ buraya başvuru gönderiyor: önce onları başka bir kuruma yöneltin ({codes}).',
    AGENCY_PARENT_INACTIVE: 'Üst kurum pasif: önce onu yeniden etkinleştirin ya da bu kurumu taşıyın.',
  },
  fieldErrors: {
    invalid_code: '1 ile 64 arasında A-Z harf, rakam, - ya da _ kullanın.',
    invalid_topic_code: 'Harf ya da rakamla başlayan, 1 ile 64 arasında küçük a-z harf, rakam, - ya da _ kullanın.',
    'code:isDefined': 'Bir kod girin.',
    AGENCY_CODE_TAKEN: 'Bu kodla bir kurum zaten var.',
    TOPIC_CODE_TAKEN: 'Bu kodla bir konu zaten var.',
    name_required: 'En az bir dilde ad girin.',
    'names:control_character': 'Adı tek satırda yazın.',
    unknown_language: 'Adlar Türkçe, İngilizce ya da Arapça verilir.',
    'kind:isIn': 'Bir tür seçin.',
    'kind:isDefined': 'Bir tür seçin.',
    triage_taken: 'Zaten bir ön inceleme birimi var; rehberde yalnızca bir tane olur.',
    isEmail: 'Geçerli bir e-posta adresi girin, örneğin ad@ornek.gov.tr.',
    unknown_agency: 'Bu kodla bir kurum yok: başka bir kurum seçin.',
    own_parent: 'Bir kurum kendisinin üst kurumu olamaz.',
    parent_cycle: 'Bu kurum seçilen kurumun üstünde: bir kurum kendi alt kurumunun altına taşınamaz.',
    inactive_parent: 'O kurum pasif: etkin bir kurum seçin.',
    inactive_agency: 'O kurum pasif: etkin bir kurum seçin.',
    invalid_keyword: 'Her anahtar sözcük harf ya da rakamlardan oluşan tek bir sözcüktür; sonunda * olabilir.',
    'keywords:arrayMaxSize': 'En fazla 50 anahtar sözcük verin.',
    'keywords:maxLength': 'Her anahtar sözcük en fazla 40 harflik tek bir sözcüktür.',
    maxLength: 'Bu çok uzun; lütfen kısaltın.',
  },
};

const TEXTS: Record<ConsoleLanguage, AdminDirectoryTexts> = { en, tr };

export function adminDirectoryTexts(language: ConsoleLanguage): AdminDirectoryTexts {
  return TEXTS[language];
}

/** The sentence for a field error on these pages: by field and code, by code, else the console's wording. */
export function directoryFieldError(language: ConsoleLanguage, problem: FieldProblem): string {
  const own = TEXTS[language].fieldErrors;
  const field = problem.field.split('.')[0];
  return own[`${field}:${problem.code}`] ?? own[problem.code] ?? consoleFieldError(language, problem);
}

/** The sentence for a refused change, the agencies or topics in the way filled in. */
export function directoryRefusal(language: ConsoleLanguage, code: string, fallback: string, codes: unknown): string {
  const text = TEXTS[language].refusals[code];
  if (!text) return fallback;
  return text.replace('{codes}', Array.isArray(codes) ? codes.join(', ') : '');
}
