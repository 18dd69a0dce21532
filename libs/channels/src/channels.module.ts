import { Module } from '@nestjs/common';
import { CatalogueModule } from '@petitio/catalogue';
import { CaseworkModule } from '@petitio/casework';
import { IntakeModule } from '@petitio/intake';
import { PrivacyModule } from '@petitio/privacy';
import { InboundMessages } from './sms/inbound-messages';
import { PhoneApplications } from './sms/phone-applications';
import { SmsConversation } from './sms/sms-conversation';
import { SmsOptOuts } from './sms/sms-opt-outs';
import { TopicGuess } from './sms/topic-guess';
import { VoiceMenu } from './voice/voice-menu';

/** The ways in by phone: the SMS conversation and the voice menu. */
const SERVICES = [SmsConversation, InboundMessages, PhoneApplications, SmsOptOuts, TopicGuess, VoiceMenu];

@Module({
  imports: [CatalogueModule, IntakeModule, CaseworkModule, PrivacyModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ChannelsModule {}
