import type { FieldProblem } from '@petitio/platform';
import type { DeadlineUnit, EscalationTarget, OnAwaitingCitizen, OnTransfer } from '@petitio/sla';
import { ConsoleLanguage, consoleFieldError } from '@petitio/web-console';

/** Every sentence of the routing-rule and SLA-policy admin pages, in one language. */
export interface AdminRoutingTexts {
  optional: string;
  any: string;
  anywhere: string;
  yes: string;
  no: string;
  save: string;
  cancel: string;
  backToList: string;
  active: string;
  inactive: string;
  routing: {
    title: string;
    intro: string;
    caption: string;
    empty: string;
    columns: { order: string; code: string; criteria: string; agency: string; position: string; status: string; actions: string };
    criteria: { type: string; topic: string; province: string; district: string; keywords: string };
    edit: string;
    /** {code} */
    editTitle: string;
    /** {order} */
    placeInOrder: string;
    notTried: string;
    delete: string;
    /** {code} */
    deleteTitle: string;
    deleteWarning: string;
    deleteConfirm: string;
    createTitle: string;
    code: string;
    codeHint: string;
    description: string;
    type: string;
    topic: string;
    province: string;
    district: string;
    districtHint: string;
    keywords: string;
    keywordsHint: string;
    agency: string;
    chooseAgency: string;
    position: string;
    positionHint: string;
    activeLabel: string;
    criteriaHint: string;
    create: string;
    done: { created: string; updated: string; deleted: string };
    previewTitle: string;
    previewIntro: string;
    subject: string;
    body: string;
    language: string;
    languages: Record<string, string>;
    previewSubmit: string;
    previewResultTitle: string;
    /** {agency} */
    wouldGoTo: string;
    /** {order} {code} */
    byRule: string;
    byTopicDefault: string;
    byTriage: string;
  };
  sla: {
    title: string;
    intro: string;
    caption: string;
    columns: { code: string; type: string; kind: string; period: string; paused: string; transfer: string; ladder: string; status: string; actions: string };
    anyType: string;
    topicScope: string;
    agencyScope: string;
    edit: string;
    /** {code} */
    editTitle: string;
    units: Record<DeadlineUnit, string>;
    onAwaitingCitizen: Record<OnAwaitingCitizen, string>;
    onTransfer: Record<OnTransfer, string>;
    targets: Record<EscalationTarget, string>;
    /** {targets} */
    ladderWarnings: string;
    /** {targets} */
    ladderBreach: string;
    /** {period} {targets} */
    ladderReEscalation: string;
    /** {targets} */
    ladderReEscalationNoPeriod: string;
    and: string;
    scopeTitle: string;
    applicationType: string;
    topic: string;
    agency: string;
    deadlineTitle: string;
    amount: string;
    unit: string;
    periodLegend: string;
    onAwaitingCitizenLegend: string;
    onTransferLegend: string;
    extensionLegend: string;
    extensionHint: string;
    requiresNoticeBeforeDeadline: string;
    warningShares: string;
    warningSharesHint: string;
    escalationTitle: string;
    ladderHint: string;
    /** {n} */
    rung: string;
    rungRoles: { warnings: string; breach: string; reEscalation: string };
    reEscalationLegend: string;
    reEscalationHint: string;
    publicLateFlag: string;
    notifyCitizenOnBreach: string;
    notifyCitizenOnExtension: string;
    legalBasis: string;
    activeLabel: string;
    applyLegend: string;
    applyKeep: string;
    applyKeepHint: string;
    applyMove: string;
    applyMoveHint: string;
    none: string;
    done: { updated: string; /** {n} */ moving: string; noneToMove: string };
  };
  fieldErrors: Record<string, string>;
}

const en: AdminRoutingTexts = {
  optional: 'optional',
  any: 'Any',
  anywhere: 'Anywhere',
  yes: 'Yes',
  no: 'No',
  save: 'Save changes',
  cancel: 'Cancel',
  backToList: 'Back to the list',
  active: 'Active',
  inactive: 'Inactive',
  routing: {
    title: 'Routing rules',
    intro:
      'The router tries the active rules from the top: the most specific first (a district counts twice), then by position. The first rule that matches decides. When none matches, the topic’s default agency receives the application, else central triage. Changes reach new applications within a few seconds; applications already routed stay where they are.',
    caption: 'Routing rules in the order they are tried',
    empty: 'There are no routing rules yet.',
    columns: { order: 'Order', code: 'Code', criteria: 'Applications that match', agency: 'Go to', position: 'Position', status: 'Status', actions: 'Actions' },
    criteria: { type: 'Type', topic: 'Topic', province: 'Province', district: 'District', keywords: 'Words' },
    edit: 'Edit rule {code}',
    editTitle: 'Edit routing rule {code}',
    placeInOrder: 'The router tries this rule as number {order} of the active rules.',
    notTried: 'This rule is inactive: the router does not try it.',
    delete: 'Delete this rule',
    deleteTitle: 'Delete routing rule {code}?',
    deleteWarning:
      'New applications will no longer be routed by this rule. Applications it already routed keep their agency, and their history still names the rule. To stop the rule for a while instead, untick “Active” on the edit page.',
    deleteConfirm: 'Delete the rule',
    createTitle: 'Add a rule',
    code: 'Code',
    codeHint: 'Lower-case letters, digits, - and _, e.g. water-moda. It cannot be changed later.',
    description: 'Description',
    type: 'Application type',
    topic: 'Topic',
    province: 'Province',
    district: 'District',
    districtHint: 'A district counts twice in specificity; it must lie in the province if you choose both.',
    keywords: 'Words in the subject or text',
    keywordsHint: 'Separated by commas or spaces. Any one of them matches as a whole word; a word ending in * matches word beginnings (bribe* matches bribes).',
    agency: 'Send to agency',
    chooseAgency: 'Choose an agency',
    position: 'Position',
    positionHint: 'A whole number; among equally specific rules the lower one is tried first.',
    activeLabel: 'Active: the router tries this rule',
    criteriaHint: 'Choose at least one of type, topic, province, district or words. Empty criteria match anything.',
    create: 'Add the rule',
    done: { created: 'The rule was added.', updated: 'The rule was saved.', deleted: 'The rule was deleted.' },
    previewTitle: 'Test the rules',
    previewIntro: 'Describe an application to see where the router would send it now, and by which rule. Nothing is saved.',
    subject: 'Subject',
    body: 'Text',
    language: 'Language of the text',
    languages: { tr: 'Turkish', en: 'English', ar: 'Arabic' },
    previewSubmit: 'Show where it would go',
    previewResultTitle: 'Result',
    wouldGoTo: 'It would go to {agency}',
    byRule: 'by rule {code} (number {order} in the order).',
    byTopicDefault: 'because no rule matches and this is the topic’s default agency.',
    byTriage: 'because no rule matches and the topic has no default agency: central triage classifies it.',
  },
  sla: {
    title: 'SLA policies',
    intro:
      'Each policy sets one deadline (first response, answer or citizen’s reply) for a type of application, optionally narrowed to a topic or an agency. The most specific active policy governs a new deadline: agency over topic over type.',
    caption: 'SLA policies, active first',
    columns: {
      code: 'Code',
      type: 'Applies to',
      kind: 'Deadline',
      period: 'Time allowed',
      paused: 'While the citizen is asked',
      transfer: 'On transfer',
      ladder: 'Escalation',
      status: 'Status',
      actions: 'Actions',
    },
    anyType: 'Every type',
    topicScope: 'one topic',
    agencyScope: 'one agency',
    edit: 'Edit policy {code}',
    editTitle: 'Edit SLA policy {code}',
    units: { calendar_days: 'calendar days', working_days: 'working days', working_hours: 'working hours' },
    onAwaitingCitizen: {
      pause: 'The clock pauses and goes on with the time left',
      restart: 'The clock starts over on the reply',
      continue: 'The clock keeps running',
    },
    onTransfer: { keep: 'The deadline stays', restart: 'The new agency gets the whole time again' },
    targets: {
      assigned_officer: 'the assigned officer',
      agency_supervisors: 'the agency’s supervisors',
      parent_agency: 'the parent agency',
      center_queue: 'the center’s queue',
    },
    ladderWarnings: 'Warnings go to {targets}.',
    ladderBreach: 'On breach: {targets}.',
    ladderReEscalation: '{period} later: {targets}.',
    ladderReEscalationNoPeriod: 'No re-escalation to {targets} (no period set).',
    and: 'and',
    scopeTitle: 'What it applies to',
    applicationType: 'Application type',
    topic: 'Topic',
    agency: 'Agency',
    deadlineTitle: 'The deadline',
    amount: 'Amount',
    unit: 'Unit',
    periodLegend: 'Time allowed',
    onAwaitingCitizenLegend: 'While the application waits for the citizen',
    onTransferLegend: 'When the application is transferred',
    extensionLegend: 'Extension',
    extensionHint: 'Added once to the deadline, with a reason. Leave the amount empty for no extension.',
    requiresNoticeBeforeDeadline: 'The extension must be notified before the deadline (Law 4982 Art. 11)',
    warningShares: 'Warnings at (% of the time used)',
    warningSharesHint:
      'Ascending percentages between 0 and 100, separated by a space or a semicolon, e.g. 50, 75, 90 or 62.5; 80. Leave empty for no warnings.',
    escalationTitle: 'Escalation',
    ladderHint: 'Rung 1 gets the warnings, rung 2 the breach, each higher rung a re-escalation. Leave unused rungs empty.',
    rung: 'Rung {n}',
    rungRoles: { warnings: 'warnings', breach: 'breach', reEscalation: 're-escalation' },
    reEscalationLegend: 'Time between re-escalations',
    reEscalationHint: 'Leave the amount empty for no re-escalation.',
    publicLateFlag: 'Show a breach as “late” on the public status page',
    notifyCitizenOnBreach: 'Tell the citizen when the deadline is missed',
    notifyCitizenOnExtension: 'Tell the citizen when the deadline is extended',
    legalBasis: 'Legal basis',
    activeLabel: 'Active: new deadlines may use this policy',
    applyLegend: 'Applications already open under this policy',
    applyKeep: 'Keep their deadlines as they are',
    applyKeepHint: 'Only deadlines that start from now on use the new terms.',
    applyMove: 'Move their deadlines onto the new terms too',
    applyMoveHint:
      'Each open deadline is recalculated in the background, keeping the share of time already used: an application half-way through its time stays half-way through.',
    none: 'None',
    done: {
      updated: 'The policy was saved.',
      moving: 'The policy was saved; {n} open deadline(s) are being moved onto the new terms.',
      noneToMove: 'The policy was saved; no open deadline runs on other terms, so none needed moving.',
    },
  },
  fieldErrors: {
    rule_code_format: 'Use 2 to 64 lower-case letters, digits, - or _, starting with a letter or digit.',
    ROUTING_RULE_CODE_TAKEN: 'A rule with this code already exists.',
    position_range: 'Enter a whole number from 0 to 100000.',
    too_many_keywords: 'Give at most 30 words.',
    keyword_format: 'Each word must be letters or digits only, optionally ending in *.',
    duplicate_keyword: 'Give each word only once.',
    no_criteria: 'Choose at least one criterion: a type, a topic, a province, a district or words.',
    unknown_type: 'Choose one of the listed types.',
    unknown_topic: 'Choose one of the listed topics.',
    unknown_province: 'Choose one of the listed provinces.',
    unknown_district: 'Choose one of the listed districts.',
    not_in_province: 'This district is not in the chosen province.',
    unknown_agency: 'Choose an active agency.',
    isInt: 'Enter a whole number.',
    isNumber: 'Enter a number.',
    arrayMaxSize: 'Give fewer.',
    format: 'This is not in the expected form.',
    not_found: 'Choose one of the listed options.',
    positive: 'Enter a number greater than 0.',
    whole_number: 'Enter a whole number of days.',
    whole_seconds: 'Enter working hours in whole seconds (1.5 is 90 minutes).',
    too_large: 'This is longer than the calendar plans deadlines (at most three years).',
    invalid: 'Choose one of the options.',
    too_many: 'Give at most 10 warnings.',
    range: 'Each percentage must lie between 0 and 100, both excluded.',
    ascending: 'List the percentages in ascending order.',
    rungs: 'Fill in 1 to 6 rungs.',
    empty_rung: 'Tick at least one recipient on this rung, or leave the rungs above it empty too.',
    invalid_target: 'Tick only the listed recipients.',
    duplicate_target: 'Tick each recipient once.',
    too_long: 'This is too long; please shorten it.',
    SLA_POLICY_SCOPE_TAKEN: 'Another active policy already sets this deadline for the same type, topic and agency.',
  },
};

const tr: AdminRoutingTexts = {
  optional: 'isteğe bağlı',
  any: 'Hepsi',
  anywhere: 'Her yer',
  yes: 'Evet',
  no: 'Hayır',
  save: 'Değişiklikleri kaydet',
  cancel: 'Vazgeç',
  backToList: 'Listeye dön',
  active: 'Etkin',
  inactive: 'Devre dışı',
  routing: {
    title: 'Yönlendirme kuralları',
    intro:
      'Yönlendirici etkin kuralları yukarıdan başlayarak dener: önce en özel olanı (ilçe iki kez sayılır), sonra sıra numarasına göre. Eşleşen ilk kural karar verir. Hiçbiri eşleşmezse başvuru konunun varsayılan kurumuna, o da yoksa merkezî ön incelemeye gider. Değişiklikler yeni başvurulara birkaç saniye içinde yansır; yönlendirilmiş başvurular yerinde kalır.',
    caption: 'Denenme sırasına göre yönlendirme kuralları',
    empty: 'Henüz yönlendirme kuralı yok.',
    columns: {
      order: 'Sıra',
      code: 'Kod',
      criteria: 'Eşleşen başvurular',
      agency: 'Gideceği kurum',
      position: 'Sıra numarası',
      status: 'Durum',
      actions: 'İşlemler',
    },
    criteria: { type: 'Tür', topic: 'Konu', province: 'İl', district: 'İlçe', keywords: 'Sözcükler' },
    edit: '{code} kuralını düzenle',
    editTitle: '{code} yönlendirme kuralını düzenle',
    placeInOrder: 'Yönlendirici bu kuralı etkin kurallar arasında {order}. sırada dener.',
    notTried: 'Bu kural devre dışı: yönlendirici onu denemez.',
    delete: 'Bu kuralı sil',
    deleteTitle: '{code} yönlendirme kuralı silinsin mi?',
    deleteWarning:
      'Yeni başvurular artık bu kurala göre yönlendirilmez. Bu kuralın yönlendirdiği başvurular kurumlarında kalır ve geçmişlerinde kural adı görünmeye devam eder. Kuralı bir süreliğine durdurmak için düzenleme sayfasında “Etkin” işaretini kaldırın.',
    deleteConfirm: 'Kuralı sil',
    createTitle: 'Kural ekle',
    code: 'Kod',
    codeHint: 'Küçük harf, rakam, - ve _; örneğin su-moda. Sonradan değiştirilemez.',
    description: 'Açıklama',
    type: 'Başvuru türü',
    topic: 'Konu',
    province: 'İl',
    district: 'İlçe',
    districtHint: 'İlçe özgüllükte iki kez sayılır; ikisini de seçerseniz ilçe o ilde olmalıdır.',
    keywords: 'Konu veya metindeki sözcükler',
    keywordsHint:
      'Virgül veya boşlukla ayırın. Herhangi biri tam sözcük olarak eşleşir; * ile biten sözcük sözcük başlarıyla eşleşir (rüşvet* rüşvetçi ile eşleşir).',
    agency: 'Gönderilecek kurum',
    chooseAgency: 'Bir kurum seçin',
    position: 'Sıra numarası',
    positionHint: 'Tam sayı; eşit özgüllükteki kurallardan küçük olan önce denenir.',
    activeLabel: 'Etkin: yönlendirici bu kuralı dener',
    criteriaHint: 'Tür, konu, il, ilçe veya sözcüklerden en az birini seçin. Boş ölçütler her şeyle eşleşir.',
    create: 'Kuralı ekle',
    done: { created: 'Kural eklendi.', updated: 'Kural kaydedildi.', deleted: 'Kural silindi.' },
    previewTitle: 'Kuralları deneyin',
    previewIntro: 'Yönlendiricinin bir başvuruyu şu anda nereye ve hangi kuralla göndereceğini görmek için başvuruyu tarif edin. Hiçbir şey kaydedilmez.',
    subject: 'Konu başlığı',
    body: 'Metin',
    language: 'Metnin dili',
    languages: { tr: 'Türkçe', en: 'İngilizce', ar: 'Arapça' },
    previewSubmit: 'Nereye gideceğini göster',
    previewResultTitle: 'Sonuç',
    wouldGoTo: '{agency} kurumuna gider',
    byRule: '{code} kuralıyla (sırada {order}. kural).',
    byTopicDefault: 'çünkü hiçbir kural eşleşmiyor ve bu, konunun varsayılan kurumu.',
    byTriage: 'çünkü hiçbir kural eşleşmiyor ve konunun varsayılan kurumu yok: merkezî ön inceleme sınıflandırır.',
  },
  sla: {
    title: 'SLA politikaları',
    intro:
      'Her politika bir başvuru türü için bir süre (ilk yanıt, cevap veya vatandaşın yanıtı) belirler; isteğe bağlı olarak bir konu veya kurumla daraltılabilir. Yeni bir süreyi en özel etkin politika belirler: kurum, konudan; konu, türden önce gelir.',
    caption: 'SLA politikaları, önce etkin olanlar',
    columns: {
      code: 'Kod',
      type: 'Kapsam',
      kind: 'Süre',
      period: 'Verilen süre',
      paused: 'Vatandaşa soru sorulduğunda',
      transfer: 'Devirde',
      ladder: 'Üst makama bildirim',
      status: 'Durum',
      actions: 'İşlemler',
    },
    anyType: 'Her tür',
    topicScope: 'tek konu',
    agencyScope: 'tek kurum',
    edit: '{code} politikasını düzenle',
    editTitle: '{code} SLA politikasını düzenle',
    units: { calendar_days: 'takvim günü', working_days: 'iş günü', working_hours: 'iş saati' },
    onAwaitingCitizen: { pause: 'Süre durur, kalan süreyle devam eder', restart: 'Süre yanıtla yeniden başlar', continue: 'Süre işlemeye devam eder' },
    onTransfer: { keep: 'Süre aynı kalır', restart: 'Yeni kurum sürenin tamamını yeniden alır' },
    targets: { assigned_officer: 'atanmış memur', agency_supervisors: 'kurumun amirleri', parent_agency: 'üst kurum', center_queue: 'merkez kuyruğu' },
    ladderWarnings: 'Uyarılar: {targets}.',
    ladderBreach: 'Süre aşılınca: {targets}.',
    ladderReEscalation: '{period} sonra: {targets}.',
    ladderReEscalationNoPeriod: '{targets} için yeniden bildirim yok (süre belirlenmemiş).',
    and: 've',
    scopeTitle: 'Kapsam',
    applicationType: 'Başvuru türü',
    topic: 'Konu',
    agency: 'Kurum',
    deadlineTitle: 'Süre',
    amount: 'Miktar',
    unit: 'Birim',
    periodLegend: 'Verilen süre',
    onAwaitingCitizenLegend: 'Başvuru vatandaşı beklerken',
    onTransferLegend: 'Başvuru devredildiğinde',
    extensionLegend: 'Uzatma',
    extensionHint: 'Gerekçesiyle bir kez eklenir. Uzatma olmasın diye miktarı boş bırakın.',
    requiresNoticeBeforeDeadline: 'Uzatma süre dolmadan bildirilmelidir (4982 sayılı Kanun md. 11)',
    warningShares: 'Uyarılar (kullanılan sürenin yüzdesi)',
    warningSharesHint:
      '0 ile 100 arasında, boşluk ya da noktalı virgülle ayrılmış artan yüzdeler, örneğin 50, 75, 90 ya da 62,5; 80. Uyarı olmasın diye boş bırakın.',
    escalationTitle: 'Üst makama bildirim',
    ladderHint: '1. basamak uyarıları, 2. basamak süre aşımını, her üst basamak yeniden bildirimi alır. Kullanılmayan basamakları boş bırakın.',
    rung: '{n}. basamak',
    rungRoles: { warnings: 'uyarılar', breach: 'süre aşımı', reEscalation: 'yeniden bildirim' },
    reEscalationLegend: 'Yeniden bildirimler arasındaki süre',
    reEscalationHint: 'Yeniden bildirim olmasın diye miktarı boş bırakın.',
    publicLateFlag: 'Süre aşımını herkese açık durum sayfasında “gecikmiş” olarak göster',
    notifyCitizenOnBreach: 'Süre aşılınca vatandaşa bildir',
    notifyCitizenOnExtension: 'Süre uzatılınca vatandaşa bildir',
    legalBasis: 'Hukuki dayanak',
    activeLabel: 'Etkin: yeni süreler bu politikayı kullanabilir',
    applyLegend: 'Bu politikayla açık olan başvurular',
    applyKeep: 'Sürelerini olduğu gibi bırak',
    applyKeepHint: 'Yeni koşulları yalnızca bundan sonra başlayan süreler kullanır.',
    applyMove: 'Sürelerini de yeni koşullara taşı',
    applyMoveHint: 'Her açık süre, kullanılan süre oranı korunarak arka planda yeniden hesaplanır: süresinin yarısındaki bir başvuru yine yarısında kalır.',
    none: 'Yok',
    done: {
      updated: 'Politika kaydedildi.',
      moving: 'Politika kaydedildi; {n} açık süre yeni koşullara taşınıyor.',
      noneToMove: 'Politika kaydedildi; başka koşullarla işleyen açık süre yok, taşınması gereken olmadı.',
    },
  },
  fieldErrors: {
    rule_code_format: '2 ile 64 arasında küçük harf, rakam, - veya _ kullanın; harf veya rakamla başlayın.',
    ROUTING_RULE_CODE_TAKEN: 'Bu kodla bir kural zaten var.',
    position_range: '0 ile 100000 arasında bir tam sayı girin.',
    too_many_keywords: 'En fazla 30 sözcük girin.',
    keyword_format: 'Her sözcük yalnızca harf veya rakamdan oluşmalı, isteğe bağlı olarak * ile bitebilir.',
    duplicate_keyword: 'Her sözcüğü bir kez girin.',
    no_criteria: 'En az bir ölçüt seçin: tür, konu, il, ilçe veya sözcükler.',
    unknown_type: 'Listedeki türlerden birini seçin.',
    unknown_topic: 'Listedeki konulardan birini seçin.',
    unknown_province: 'Listedeki illerden birini seçin.',
    unknown_district: 'Listedeki ilçelerden birini seçin.',
    not_in_province: 'Bu ilçe seçilen ilde değil.',
    unknown_agency: 'Etkin bir kurum seçin.',
    isInt: 'Bir tam sayı girin.',
    isNumber: 'Bir sayı girin.',
    arrayMaxSize: 'Daha az girin.',
    format: 'Bu, beklenen biçimde değil.',
    not_found: 'Seçeneklerden birini seçin.',
    positive: '0’dan büyük bir sayı girin.',
    whole_number: 'Tam gün sayısı girin.',
    whole_seconds: 'İş saatini tam saniye olarak girin (1,5 = 90 dakika).',
    too_large: 'Bu, takvimin planladığından uzun (en fazla üç yıl).',
    invalid: 'Seçeneklerden birini seçin.',
    too_many: 'En fazla 10 uyarı girin.',
    range: 'Her yüzde 0 ile 100 arasında olmalı (ikisi de hariç).',
    ascending: 'Yüzdeleri artan sırayla yazın.',
    rungs: '1 ile 6 arasında basamak doldurun.',
    empty_rung: 'Bu basamakta en az bir alıcı işaretleyin ya da üstündeki basamakları da boş bırakın.',
    invalid_target: 'Yalnızca listedeki alıcıları işaretleyin.',
    duplicate_target: 'Her alıcıyı bir kez işaretleyin.',
    too_long: 'Bu çok uzun; lütfen kısaltın.',
    SLA_POLICY_SCOPE_TAKEN: 'Aynı tür, konu ve kurum için bu süreyi başka bir etkin politika zaten belirliyor.',
  },
};

const TEXTS: Record<ConsoleLanguage, AdminRoutingTexts> = { en, tr };

export function adminRoutingTexts(language: ConsoleLanguage): AdminRoutingTexts {
  return TEXTS[language];
}

/** The sentence for a field error on these pages: their own wording, else the console's, else the API's English message. */
export function adminFieldError(language: ConsoleLanguage, problem: FieldProblem): string {
  return TEXTS[language].fieldErrors[problem.code] ?? consoleFieldError(language, problem);
}

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
