import { linkButton, trackingNumberHtml } from './email-layout';
import { SafeHtml, html } from '@petitio/platform';
import { MessageTemplateDefinition, MessageTexts, StaffAlertContext } from './message-template';

type ClockKind = StaffAlertContext['clockKind'];

/** What a deadline alert says in one language; `{tracking}` marks where the tracking number goes. */
interface AlertWording {
  subject: (c: StaffAlertContext) => string;
  /** The one sentence of the alert: what is due or overdue, by when, and why it reached this recipient. */
  sentence: (c: StaffAlertContext) => string;
  linkLabel: string;
}

/**
 * Only what the recipient needs to act: which application, which deadline, how late, and the console link.
 * Never the application's subject or text, nor anything about the citizen: alerts go to inboxes and parent agencies.
 */
function staffAlert(context: StaffAlertContext, wording: AlertWording): MessageTexts {
  const withNumber = (sentence: string) => sentence.split('{tracking}').join(context.trackingNumber);
  const sentence = wording.sentence(context);
  const sentenceHtml: SafeHtml = html`${sentence.split('{tracking}').map((part, i) => (i === 0 ? html`${part}` : html`${trackingNumberHtml(context.trackingNumber)}${part}`))}`;
  return {
    subject: withNumber(wording.subject(context)),
    text: [withNumber(sentence), `${wording.linkLabel}:\n${context.consoleUrl}`].join('\n\n'),
    html: html`<p>${sentenceHtml}</p>\n${linkButton(context.consoleUrl, wording.linkLabel)}`,
  };
}

const EN_DUTY: Record<ClockKind, string> = {
  first_response: 'for a first response to application {tracking}',
  answer: 'to answer application {tracking}',
  information: 'to give the information asked for in application {tracking}',
};
const EN_PENDING: Record<ClockKind, string> = {
  first_response: 'still has no first response',
  answer: 'is still unanswered',
  information: 'still has no reply to its information request',
};

const TR_DUTY: Record<ClockKind, string> = { first_response: 'ilk işlem', answer: 'yanıt', information: 'bilgi verme' };

const AR_DUTY: Record<ClockKind, string> = { first_response: 'الاستجابة الأولى', answer: 'الرد', information: 'تقديم المعلومات' };

export const deadlineEscalation: MessageTemplateDefinition = {
  audience: 'staff_alert',
  texts: {
    en: (c) =>
      staffAlert(c, {
        subject: (a) =>
          a.stepKind === 'warning'
            ? 'Deadline approaching: application {tracking}'
            : a.stepKind === 'breach'
              ? 'Deadline passed: application {tracking}'
              : `Escalated to you (level ${a.level}): application {tracking}`,
        sentence: (a) =>
          a.stepKind === 'warning'
            ? `${a.share ?? 'Most'} of the time ${EN_DUTY[a.clockKind]} has passed; it is due ${a.deadline}.`
            : a.stepKind === 'breach'
              ? `The deadline ${EN_DUTY[a.clockKind]} passed on ${a.deadline}.`
              : `Application {tracking} ${EN_PENDING[a.clockKind]} ${a.overdue ? `${a.overdue} after its deadline` : 'after its deadline'} of ${a.deadline} — escalated to you as level ${a.level}.`,
        linkLabel: 'Open the application in the staff console',
      }),
    tr: (c) =>
      staffAlert(c, {
        subject: (a) =>
          a.stepKind === 'warning'
            ? 'Süre uyarısı: {tracking} numaralı başvuru'
            : a.stepKind === 'breach'
              ? 'Süre doldu: {tracking} numaralı başvuru'
              : `Size iletildi (${a.level}. kademe): {tracking} numaralı başvuru`,
        sentence: (a) =>
          a.stepKind === 'warning'
            ? `{tracking} numaralı başvurunun ${TR_DUTY[a.clockKind]} süresi ${a.share ? `${a.share} oranında doldu` : 'dolmak üzere'}; son tarih ${a.deadline}.`
            : a.stepKind === 'breach'
              ? `{tracking} numaralı başvurunun ${TR_DUTY[a.clockKind]} süresi ${a.deadline} itibarıyla doldu.`
              : `{tracking} numaralı başvurunun ${TR_DUTY[a.clockKind]} süresi ${a.deadline} itibarıyla doldu${a.overdue ? ` ve ${a.overdue} geçti` : ''}; başvuru hâlâ sonuçlanmadı — ${a.level}. kademe olarak size iletildi.`,
        linkLabel: 'Başvuruyu personel konsolunda açın',
      }),
    ar: (c) =>
      staffAlert(c, {
        subject: (a) =>
          a.stepKind === 'warning'
            ? 'تنبيه بشأن المهلة: الطلب رقم {tracking}'
            : a.stepKind === 'breach'
              ? 'انقضت المهلة: الطلب رقم {tracking}'
              : `تمت إحالته إليك (المستوى ${a.level}): الطلب رقم {tracking}`,
        sentence: (a) =>
          a.stepKind === 'warning'
            ? `انقضى ${a.share ? `${a.share} من` : 'معظم'} مهلة ${AR_DUTY[a.clockKind]} على الطلب رقم {tracking}؛ الموعد النهائي ${a.deadline}.`
            : a.stepKind === 'breach'
              ? `انقضت مهلة ${AR_DUTY[a.clockKind]} على الطلب رقم {tracking} في ${a.deadline}.`
              : `لا يزال الطلب رقم {tracking} دون ${AR_DUTY[a.clockKind]}${a.overdue ? ` بعد ${a.overdue}` : ''} من انقضاء مهلته في ${a.deadline} — تمت إحالته إليك بمستوى التصعيد ${a.level}.`,
        linkLabel: 'فتح الطلب في لوحة الموظفين',
      }),
  },
};
