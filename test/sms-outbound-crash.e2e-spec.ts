import { FakeTwilio } from './support/fake-twilio';
import { waitFor } from './support/ports';
import { answerBySms, newAnswer, newPhone, outgoingSms, smsSettled, twilioEnv } from './support/sms-outbound';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

describe('an SMS worker killed between sending and recording', () => {
  let fake: FakeTwilio;
  let stack: TestStack;
  let officer: TestStaff;

  beforeAll(async () => {
    fake = await FakeTwilio.start();
    // Short job locks, so the killed worker's job moves to the new one within seconds.
    stack = await startStack({ env: { ...twilioEnv(fake), WORKER_LOCK_MS: '5000', WORKER_STALLED_CHECK_MS: '2000' } });
    officer = await staffUser(stack.db, stack.apiUrl, 'ISKI-KDK', ['officer']);
  });
  afterAll(async () => {
    await stack?.stop();
    await fake?.stop();
  });

  it('does not send the message twice: the next worker finds it at Twilio and records it as sent', async () => {
    const phone = newPhone();
    const answer = newAnswer();
    fake.holdAnswers(answer); // Twilio stores the answer, the worker never hears back
    const { messageId } = await answerBySms(stack, officer, phone.typed, answer);
    await waitFor(async () => fake.messagesTo(phone.e164, answer).length === 1, 15_000, 'Twilio to have the message');
    await stack.workers[0].kill('SIGKILL');
    fake.release();
    expect(await outgoingSms(stack, messageId)).toMatchObject({ status: 'sending', provider_message_id: null });

    // BullMQ hands the dead worker's job to the new one once its lock expires.
    await stack.startWorker();
    const row = await smsSettled(stack, messageId, 'sent', 90_000);
    expect(fake.messagesTo(phone.e164, answer)).toHaveLength(1);
    expect(fake.createsTo(phone.e164, answer)).toHaveLength(1);
    expect(row.provider_message_id).toBe(fake.messagesTo(phone.e164, answer)[0].sid);
    expect(row.attempts).toBe(2);
    expect(stack.workers[1].text()).toContain('recorded, not sent again');
  }, 150_000);
});
